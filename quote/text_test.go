package quote

import (
	"strings"
	"testing"
)

// FuzzStoryStart checks that storyStart, which hands only the head of a
// line to datelineRe, agrees with the expression on the whole line.
func FuzzStoryStart(f *testing.F) {
	f.Add("Kiew, 25. Feb (Reuters) - Der Präsident")
	f.Add("  WASHINGTON (AP) — text")
	f.Add("Berlin (dpa)" + strings.Repeat(" ", 400) + "- x")
	f.Add("Wien (APA) " + strings.Repeat("\t", 300) + "–\u00a0x")
	f.Add(strings.Repeat(" ", 500) + "Ä" + strings.Repeat("ö", 60) + "(Reuters) - ")
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := storyStart(line), datelineRe.MatchString(line); got != want {
			t.Fatalf("storyStart(%q) = %v, datelineRe says %v", line, got, want)
		}
	})
}

// TestStoryStart_random compares storyStart with datelineRe on random
// lines over an alphabet of the characters the expression cares about,
// long enough to cross the head storyStart keeps.
func TestStoryStart_random(t *testing.T) {
	alpha := []string{" ", " ", "\t", "A", "Ä", "a", "ö", "(", ")", "-", "–", ".", "x", "\u00a0"}
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	matches := 0
	for range 20000 {
		var b strings.Builder
		if next(2) == 0 {
			// the shape of a dateline, each part of random length around
			// its bound
			rep := func(set []string, n int) {
				for range n {
					b.WriteString(set[next(len(set))])
				}
			}
			rep([]string{" ", "\t"}, next(400))
			rep([]string{"A", "Ä", "a"}, 1)
			rep([]string{"a", "ö", " ", ".", "x", "\u00a0", "€"}, next(70))
			rep([]string{"("}, 1)
			rep([]string{"A", "ö", "-", ".", " "}, next(30))
			rep([]string{")"}, 1)
			rep([]string{" ", "\t"}, next(400))
			rep([]string{"-", "–", "—", "x"}, 1)
			rep([]string{" ", " ", "x"}, 1+next(3))
			if next(4) == 0 {
				line := []byte(b.String())
				line[next(len(line))] = "( )-xÄ"[next(6)]
				b.Reset()
				b.Write(line)
			}
		}
		// else a random line, with a long run of one character now and
		// then, to reach the bounds
		for n := next(700); b.Len() < n; {
			c := alpha[next(len(alpha))]
			if next(20) == 0 {
				c = strings.Repeat(c, next(300))
			}
			b.WriteString(c)
		}
		line := b.String()
		want := datelineRe.MatchString(line)
		if want {
			matches++
		}
		if got := storyStart(line); got != want {
			t.Fatalf("storyStart(%q) = %v, datelineRe says %v", line, got, want)
		}
	}
	if matches == 0 {
		t.Fatal("no line matched: the test tries nothing")
	}
	t.Logf("%d of 20000 lines match", matches)
}
