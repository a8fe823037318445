package quote

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

// A definite description refers back only to an entity of its kind: "the
// ministry" is no person, "the minister" no organisation.
func TestExtract_AnaphorType(t *testing.T) {
	tests := []struct {
		name, text, person, org, want string
	}{
		{"institution after a person", "Foreign Minister Olena Marchuk will meet her Polish counterpart in Warsaw, the ministry said.", "Olena Marchuk", "", ""},
		{"institution after an institution", "Acme Motors will recall 20,000 trucks, the company said.", "", "Acme Motors", "org"},
		{"person after a person", "Olena Marchuk will travel to Warsaw on Monday, the minister said.", "Olena Marchuk", "", "per"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Text: tt.text, Lang: "en"}
			segmentDoc(t, d)
			add := func(name, id, typ string) {
				if name == "" {
					return
				}
				i := strings.Index(tt.text, name)
				d.Entities = append(d.Entities, doc.Entity{ID: id, Type: typ, Name: name,
					Mentions: []doc.Mention{{Span: doc.Span{Start: i, End: i + len(name)}, Kind: doc.MentionName, Confidence: 0.9}}})
			}
			add(tt.person, "per", "PER")
			add(tt.org, "org", "ORG")
			x, err := New("en")
			if err != nil {
				t.Fatal(err)
			}
			qs := x.Extract(d)
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			if qs[0].Speaker != tt.want {
				t.Errorf("speaker = %q, want %q", qs[0].Speaker, tt.want)
			}
		})
	}
}
