package segment

import (
	"strings"
	"testing"
	"time"
)

// TestSegmenter_Linear guards against look-ahead that makes the scanner
// quadratic on pathological input: 100 kB of each pattern must take well
// under a second (a quadratic scan takes tens of seconds).
func TestSegmenter_Linear(t *testing.T) {
	units := []string{
		"ab.", "a.", "abc.", "1.", "12.a", "x-", "a@", "www.", "\"", "a:in", "U.S.", "ab.c",
		"x- ", "3. ", "1,", "(", ")", "!)", "a!«", "«", "http://a.b/(", "a-b-", "Dr. ", "x.de.", "a.b@", "»", ". ", "\n", "\n    ",
	}
	segs := []*Segmenter{mustNew(t, "de"), mustNew(t, "en")}
	for _, unit := range units {
		text := strings.Repeat(unit, 100000/len(unit))
		for _, s := range segs {
			start := time.Now()
			toks := s.Tokens(text, nil)
			s.Sentences(text, toks, nil)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("%s: %q × %d took %v", s.Lang(), unit, 100000/len(unit), d)
			}
		}
	}
}
