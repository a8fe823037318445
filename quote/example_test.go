package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/wire"
)

// entitiesFor builds entities by finding each name in text: a stand-in for
// the NER and linking stages in tests.
func entitiesFor(text string, names map[string][]string) []doc.Entity {
	var out []doc.Entity
	for id, forms := range names {
		typ := "PER"
		if i := strings.IndexByte(id, ':'); i >= 0 {
			typ, id = id[:i], id[i+1:]
		}
		e := doc.Entity{ID: id, Type: typ, Name: forms[0]}
		for _, f := range forms {
			for off := 0; ; {
				k := strings.Index(text[off:], f)
				if k < 0 {
					break
				}
				s := off + k
				e.Mentions = append(e.Mentions, doc.Mention{Span: doc.Span{Start: s, End: s + len(f)}, Kind: doc.MentionName})
				off = s + len(f)
			}
		}
		out = append(out, e)
	}
	return out
}

func exampleDoc(t testing.TB) *doc.Document {
	p := filepath.Join("..", "..", "shared", "examples", "reuters-de-2026-02-26.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("example story absent: %v", err)
	}
	text := strings.TrimSpace(string(b))
	text = strings.TrimSpace(strings.TrimPrefix(text, "date 2026-02-26"))
	d := &doc.Document{Text: text, Lang: "de", Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)}
	wp, err := wire.New()
	if err != nil {
		t.Fatal(err)
	}
	d.Dateline = wp.Parse(d.Text, d.Date)
	segmentDoc(t, d)
	d.Entities = entitiesFor(text, map[string][]string{
		"PER:selenskyj": {"Wolodymyr Selenskyj", "Selenskyj"},
		"PER:trump":     {"Donald Trump", "Trump"},
		"PER:witkoff":   {"Steve Witkoff"},
		"PER:kushner":   {"Jared Kushner"},
		"PER:store":     {"Jonas Gahr Støre"},
		"PER:dmitrijew": {"Kirill Dmitrijew"},
		"ORG:tass":      {"Tass"},
		"ORG:weltbank":  {"Weltbank"},
		"LOC:usa":       {"USA"},
		"LOC:russland":  {"Russland"},
		"LOC:ukraine":   {"Ukraine"},
		"LOC:kiew":      {"Kiew"},
		"LOC:moskau":    {"Moskau"},
		"LOC:genf":      {"Genf"},
	})
	return d
}

func TestExtract_ExampleStory(t *testing.T) {
	d := exampleDoc(t)
	x, err := New("de")
	if err != nil {
		t.Fatal(err)
	}
	qs := x.Extract(d)
	for _, q := range qs {
		cue := ""
		if q.Cue != nil {
			cue = d.Slice(q.Cue.Span) + "→" + q.Cue.Lemma
		}
		ch := ""
		if q.Channel != nil {
			ch = d.Slice(*q.Channel)
		}
		t.Logf("%-8s %-10s cue=%-20s ch=%-10q time=%s %q", q.Kind, q.Speaker, cue, ch, q.Time, d.Slice(q.Span))
	}
	want := []struct {
		substr, kind, speaker string
	}{
		{"Dies ist der einzige Weg", Direct, "selenskyj"},
		{"Meiner Meinung nach", Direct, "selenskyj"},
		{"unterstütze diese Vorgehensweise", Indirect, "selenskyj"},
		{"Wirtschaftspaket", Indirect, "selenskyj"},
		{"fehlende politische Wille", Indirect, "selenskyj"},
		{"Dmitrijew", Indirect, "tass"},
	}
	for _, w := range want {
		ok := false
		for _, q := range qs {
			if strings.Contains(d.Slice(q.Span), w.substr) {
				ok = true
				if q.Kind != w.kind || q.Speaker != w.speaker {
					t.Errorf("%q: got kind %s speaker %q, want %s %q", w.substr, q.Kind, q.Speaker, w.kind, w.speaker)
				}
			}
		}
		if !ok {
			t.Errorf("%q: no quote found", w.substr)
		}
	}
}
