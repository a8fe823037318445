package timex

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// goldDoc is one document of testdata/de-wire-gold.txt.
type goldDoc struct {
	anchor time.Time
	text   string
	gold   []goldTimex
}

type goldTimex struct {
	start, end int
	value, mod string
	line       int
}

// readGold reads the bracketed gold format described at the top of
// testdata/de-wire-gold.txt.
func readGold(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "# doc ") {
			d := goldDoc{}
			if a := strings.TrimSpace(line[6:]); a != "none" {
				t, err := time.Parse("2006-01-02", a)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", path, n, err)
				}
				d.anchor = t
			}
			docs = append(docs, d)
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if len(docs) == 0 {
			return nil, fmt.Errorf("%s:%d: text before the first # doc", path, n)
		}
		d := &docs[len(docs)-1]
		if d.text != "" {
			d.text += "\n"
		}
		for {
			i := strings.IndexByte(line, '[')
			if i < 0 {
				d.text += line
				break
			}
			j := strings.IndexByte(line[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("%s:%d: unclosed [", path, n)
			}
			f := strings.Split(line[i+1:i+j], "|")
			if len(f) < 2 {
				return nil, fmt.Errorf("%s:%d: want [text|VALUE]", path, n)
			}
			d.text += line[:i]
			g := goldTimex{start: len(d.text), value: f[1], line: n}
			if len(f) > 2 {
				g.mod = f[2]
			}
			d.text += f[0]
			g.end = len(d.text)
			d.gold = append(d.gold, g)
			line = line[i+j+1:]
		}
	}
	return docs, sc.Err()
}

// TestGerman_Gold reports how many gold time expressions of German wire
// sentences are found (overlapping extent) with the right value.
func TestGerman_Gold(t *testing.T) {
	scoreGold(t, "testdata/de-wire-gold.txt", 0.90)
}

// TestGerman_Heldout scores the held-out set, which no rule was tuned on.
func TestGerman_Heldout(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout.txt", 0.80)
}

// TestGerman_Heldout2 scores the second held-out set.
func TestGerman_Heldout2(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout2.txt", 0.80)
}

// TestGerman_Heldout3 scores the third held-out set: real Austrian news
// (10kGNAD, derStandard) annotated for issue #3. Its first, untuned run
// scored 84.5% (testdata/de-wire-heldout3.first-run.log).
func TestGerman_Heldout3(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout3.txt", 0.80)
}

// TestGerman_Heldout4 scores the fourth held-out set, written after the
// rules were changed for the third (testdata/de-wire-heldout4.first-run.log).
func TestGerman_Heldout4(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout4.txt", 0.80)
}

// TestGerman_Heldout5 scores the fifth held-out set: 26 further 10kGNAD
// articles no earlier set used, annotated by hand before the tagger was
// run on them. Its first, untuned run scored 89.3% (109 of 122; 93.4%
// found; testdata/de-wire-heldout5.first-run.log).
func TestGerman_Heldout5(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout5.txt", 0.89)
}

// TestGerman_Heldout6 scores the sixth held-out set: 25 further 10kGNAD
// articles no earlier set used, annotated by hand before the tagger was
// run on them. Its first, untuned run scored 85.5% (100 of 117; 92.3%
// found; testdata/de-wire-heldout6.first-run.log).
func TestGerman_Heldout6(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout6.txt", 0.85)
}

// TestGerman_Heldout7 scores the seventh held-out set: 25 further 10kGNAD
// articles no earlier set used, annotated by hand before the tagger was
// run on them. Its first, untuned run scored 91.4% (85 of 93; 94.6%
// found; testdata/de-wire-heldout7.first-run.log), 98.9% after the rule
// fixes it led to (no longer a held-out figure).
func TestGerman_Heldout7(t *testing.T) {
	scoreGold(t, "testdata/de-wire-heldout7.txt", 0.90)
}

// TestEnglish_Heldout scores real Reuters-21578 wire stories (1987) that
// the English rules were not tuned on, annotated by hand for issue #3.
// Every expression of the kept text is marked, so system expressions
// outside the marks are listed as spurious. Its first, untuned run scored
// 90.9% (230 of 253; testdata/en-wire-heldout.first-run.log), 92.9% after
// the rule fixes it led to.
func TestEnglish_Heldout(t *testing.T) {
	scoreGoldLang(t, "en", "testdata/en-wire-heldout.txt", 0.85, true)
}

// TestEnglish_Heldout2 scores a second, fresh English held-out set: 27
// Reuters-21578 stories of reut2-004..009, which neither the rules nor
// en-wire-heldout.txt drew on, annotated by hand before the tagger was
// run on them. Its first, untuned run scored 81.6% (129 of 158; 90.5%
// found, 2.0% of system expressions spurious;
// testdata/en-wire-heldout2.first-run.log).
func TestEnglish_Heldout2(t *testing.T) {
	scoreGoldLang(t, "en", "testdata/en-wire-heldout2.txt", 0.80, true)
}

// TestEnglish_Heldout3 scores a third, fresh English held-out set: 25
// Reuters-21578 stories of reut2-004..009 that no earlier set used,
// annotated by hand before the tagger was run on them. Its first, untuned
// run scored 84.0% (142 of 169; 93.5% found, 5.3% of system expressions
// spurious; testdata/en-wire-heldout3.first-run.log).
func TestEnglish_Heldout3(t *testing.T) {
	scoreGoldLang(t, "en", "testdata/en-wire-heldout3.txt", 0.80, true)
}

func scoreGold(t *testing.T, path string, min float64) {
	scoreGoldLang(t, "de", path, min, false)
}

// scoreGoldLang scores the gold file at path with the tagger of language
// code: a gold expression is found when a system expression overlaps it,
// and normalised correctly when one of those has its value. When complete
// (the file marks every expression of its text), system expressions that
// overlap no gold one are logged as spurious and counted.
func scoreGoldLang(t *testing.T, code, path string, min float64, complete bool) {
	docs, err := readGold(path)
	if err != nil {
		t.Fatal(err)
	}
	tg := mustTagger(t, code)
	total, correct, found, system, spurious := 0, 0, 0, 0, 0
	for _, d := range docs {
		sys := tg.Tag(d.text, d.anchor, nil)
		system += len(sys)
		if complete {
			for _, x := range sys {
				hit := false
				for _, g := range d.gold {
					if x.Start < g.end && g.start < x.End {
						hit = true
						break
					}
				}
				if !hit {
					spurious++
					t.Logf("spurious (doc %s): %q=%s", d.anchor.Format("2006-01-02"), d.text[x.Start:x.End], x.Value)
				}
			}
		}
		for _, g := range d.gold {
			total++
			var got []string
			ok, hit := false, false
			for _, x := range sys {
				if x.Start < g.end && g.start < x.End {
					hit = true
					got = append(got, fmt.Sprintf("%q=%s", d.text[x.Start:x.End], x.Value))
					if x.Value == g.value {
						ok = true
					}
				}
			}
			if hit {
				found++
			}
			if ok {
				correct++
			} else {
				t.Logf("line %d: %q want %s, got %v", g.line, d.text[g.start:g.end], g.value, got)
			}
		}
	}
	acc := float64(correct) / float64(total)
	t.Logf("%s: %d expressions, %d found (%.1f%%), %d normalised correctly (%.1f%%); %d system expressions", path, total, found, 100*float64(found)/float64(total), correct, 100*acc, system)
	if complete && system > 0 {
		t.Logf("%s: %d spurious system expressions (%.1f%% of the system's)", path, spurious, 100*float64(spurious)/float64(system))
	}
	if total < 30 {
		t.Errorf("gold has %d expressions, want at least 30", total)
	}
	if acc < min {
		t.Errorf("accuracy %.3f, want at least %.2f", acc, min)
	}
}
