package event

import (
	"github.com/dateline/dateline/doc"
	"strings"
	"testing"
)

// FuzzSplitWords checks that the lower-case forms of the words are those
// of strings.ToLower, and that words are in order inside the text.
func FuzzSplitWords(f *testing.F) {
	f.Add("Die Präsidentin didn't say; she SAID it.")
	f.Add("İSTANBUL, 3. März - \u212aelvin's talks")
	f.Fuzz(func(t *testing.T, text string) {
		ws := splitWords(text, doc.Span{Start: 0, End: len(text)}, map[string]bool{"that": true})
		prev := 0
		for _, w := range ws {
			if w.start < prev || w.end < w.start || w.end > len(text) {
				t.Fatalf("word %+v out of order or outside the text", w)
			}
			prev = w.end
			if w.low == "not" {
				continue
			}
			if want := strings.ToLower(text[w.start:w.end]); w.low != want {
				t.Fatalf("word %q: low %q, want %q", text[w.start:w.end], w.low, want)
			}
		}
	})
}
