package langid

import (
	"testing"

	"github.com/dateline/dateline/doc"
)

func TestDetector_Detect(t *testing.T) {
	d := New("de", "en")
	tests := []struct{ text, want string }{
		{"Die für Anfang März geplanten trilateralen Gespräche mit Russland sollten den Weg für eine Begegnung der Staatschefs ebnen.", "de"},
		{"The planned talks with Russia should pave the way for a meeting of the heads of state, the president said on Wednesday.", "en"},
		{"12345 ... !!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text).Lang; got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStage_KeepsGivenLanguage(t *testing.T) {
	d := &doc.Document{Text: "The president said on Wednesday that talks would go on.", Lang: "de", LangGiven: true}
	if err := Stage(New()).Process(d); err != nil {
		t.Fatal(err)
	}
	if d.Lang != "de" || d.LangConfidence != 1 {
		t.Errorf("lang = %q (%v), want given de (1)", d.Lang, d.LangConfidence)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("Die Regierung hat beschlossen")
	f.Add("\xff\xfe\xfd")
	d := New()
	f.Fuzz(func(t *testing.T, s string) {
		r := d.Detect(s)
		if r.Confidence < 0 || r.Confidence > 1.0000001 {
			t.Fatalf("confidence %v out of range", r.Confidence)
		}
	})
}
