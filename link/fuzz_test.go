package link

import (
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
)

// FuzzLink checks that linking never panics and only writes spans inside
// the text, whatever the text and the (possibly wrong) NER spans.
func FuzzLink(f *testing.F) {
	f.Add("Der US-Präsident Donald Trump sagte, Moskau lehne ab. Trump sagte er.", 4, 16, 17, 29)
	f.Add("Kremlin said he said. The U.S. president", 0, 7, 30, 40)
	f.Add("\xff\xfe Selenskyjs", 3, 14, -1, 100)
	l := newLinker(f)
	f.Fuzz(func(t *testing.T, text string, a, b, c, e int) {
		d := &doc.Document{Text: text, Lang: "de", Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)}
		d.Entities = []doc.Entity{
			{Type: "PER", Mentions: []doc.Mention{{Span: doc.Span{Start: a, End: b}, Kind: "name"}}},
			{Type: "LOC", Mentions: []doc.Mention{{Span: doc.Span{Start: c, End: e}, Kind: "derived"}}},
		}
		d.Dateline = &doc.Dateline{Places: []doc.Place{{Span: doc.Span{Start: a, End: c}}}}
		l.Link(d)
		for _, en := range d.Entities {
			for _, m := range en.Mentions {
				if !m.Span.Valid(len(text)) {
					t.Fatalf("mention %v outside text of %d bytes", m.Span, len(text))
				}
			}
		}
		for _, at := range []int{-1, 0, a, len(text), len(text) + 1} {
			l.ResolvePronoun(d, at)
		}
	})
}
