package amount

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/goldset"
)

// goldAmount is one hand-annotated amount of a held-out set.
type goldAmount struct {
	start, end int
	value      float64
	unit       string
	line       int
}

type goldDoc struct {
	name string
	text string
	gold []goldAmount
}

// readGold reads a set in the format of amount/testdata/*-news-heldout.txt:
// "# doc NAME" starts a document, other lines not starting with '#' are its
// text (joined by newlines), and [TEXT|VALUE|UNIT] marks an amount.
func readGold(path string) ([]goldDoc, error) {
	sets, err := goldset.ReadFile(path, 2)
	if err != nil {
		return nil, err
	}
	docs := make([]goldDoc, len(sets))
	for i, gd := range sets {
		d := &docs[i]
		d.name, d.text = gd.Arg, gd.Text
		for _, m := range gd.Marks {
			if len(m.Fields) != 2 {
				return nil, fmt.Errorf("%s:%d: want [TEXT|VALUE|UNIT]", path, m.Line)
			}
			v, err := strconv.ParseFloat(m.Fields[0], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, m.Line, err)
			}
			d.gold = append(d.gold, goldAmount{start: m.Start, end: m.End, value: v, unit: m.Fields[1], line: m.Line})
		}
	}
	return docs, nil
}

func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// goldScore counts a set's results.
type goldScore struct {
	gold, found, value, unit, both int
	system, spurious, partial      int
}

func (s goldScore) String() string {
	pct := func(n, d int) string {
		if d == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
	}
	return fmt.Sprintf("gold %d: found (exact span) %d (%s), value correct %d (%s), unit correct %d (%s), both correct %d (%s); system %d: spurious %d (%s), overlapping a gold amount with another span %d",
		s.gold, s.found, pct(s.found, s.gold), s.value, pct(s.value, s.gold), s.unit, pct(s.unit, s.gold), s.both, pct(s.both, s.gold),
		s.system, s.spurious, pct(s.spurious, s.system), s.partial)
}

func showAmount(text string, a doc.Amount) string {
	return fmt.Sprintf("[%s|%s|%s]", text[a.Start:a.End], strconv.FormatFloat(a.Value, 'f', -1, 64), a.Unit)
}

// scoreGold tags every document as the pipeline does (Tag tokenizes the
// text first) and compares with the gold amounts; logf gets one line per
// error.
func scoreGold(tg *Tagger, docs []goldDoc, logf func(string, ...any)) goldScore {
	var s goldScore
	for _, d := range docs {
		sys := tg.Tag(d.text)
		s.gold += len(d.gold)
		s.system += len(sys)
		used := make([]bool, len(sys))
		for _, g := range d.gold {
			want := fmt.Sprintf("[%s|%s|%s]", d.text[g.start:g.end], strconv.FormatFloat(g.value, 'f', -1, 64), g.unit)
			exact := -1
			var over []string
			for i, a := range sys {
				if a.Start == g.start && a.End == g.end {
					exact = i
				} else if a.Start < g.end && g.start < a.End {
					over = append(over, showAmount(d.text, a))
				}
			}
			if exact < 0 {
				if len(over) > 0 {
					logf("SPAN    line %d: gold %s, system %s", g.line, want, strings.Join(over, " "))
				} else {
					logf("MISSED  line %d: gold %s", g.line, want)
				}
				continue
			}
			used[exact] = true
			a := sys[exact]
			s.found++
			vok, uok := sameValue(a.Value, g.value), a.Unit == g.unit
			if vok {
				s.value++
			}
			if uok {
				s.unit++
			}
			if vok && uok {
				s.both++
				continue
			}
			what := "VALUE  "
			if vok {
				what = "UNIT   "
			} else if !uok {
				what = "BOTH   "
			}
			logf("%s line %d: gold %s, system %s", what, g.line, want, showAmount(d.text, a))
		}
		for i, a := range sys {
			if used[i] {
				continue
			}
			overlaps := false
			for _, g := range d.gold {
				if a.Start < g.end && g.start < a.End {
					overlaps = true
				}
			}
			if overlaps {
				s.partial++
				continue
			}
			s.spurious++
			logf("SPURIOUS %s: system %s", d.name, showAmount(d.text, a))
		}
	}
	return s
}

// TestHeldOutAmounts measures the amount layer on hand-annotated real news
// it was not tuned on before their first run (see the headers of the sets
// for their sources, seeds, conventions and first-run figures: German 48
// of 56, 2 spurious; English 113 of 127, 5 spurious; the second sets,
// made after the first sets' fixes: German 60 of 63, 0 spurious; English
// 95 of 108, 3 spurious). The minimums sit just below the current figures
// (the rules may have been changed after a set's errors since its first
// run), the maximums of spurious amounts just above, so a change that
// makes things worse fails.
func TestHeldOutAmounts(t *testing.T) {
	for _, c := range []struct {
		lang, file       string
		minBoth, maxSpur int
	}{
		{"de", "testdata/de-news-heldout.txt", 55, 1},
		{"en", "testdata/en-news-heldout.txt", 125, 1},
		{"de", "testdata/de-news-heldout2.txt", 60, 1},
		{"en", "testdata/en-news-heldout2.txt", 104, 1},
	} {
		t.Run(strings.TrimSuffix(path.Base(c.file), ".txt"), func(t *testing.T) {
			docs, err := readGold(c.file)
			if err != nil {
				t.Fatal(err)
			}
			s := scoreGold(mustTagger(t, c.lang), docs, t.Logf)
			t.Logf("%s: %d documents; %v", c.file, len(docs), s)
			if s.both < c.minBoth {
				t.Errorf("%s: %d amounts with span, value and unit correct, want at least %d", c.file, s.both, c.minBoth)
			}
			if s.spurious > c.maxSpur {
				t.Errorf("%s: %d spurious amounts, want at most %d", c.file, s.spurious, c.maxSpur)
			}
		})
	}
}
