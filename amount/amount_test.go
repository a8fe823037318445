package amount

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

func mustTagger(t testing.TB, code string) *Tagger {
	t.Helper()
	tg, err := For(code)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func format(a doc.Amount) string {
	s := strconv.FormatFloat(a.Value, 'g', -1, 64)
	if a.Unit != "" {
		s += " " + a.Unit
	}
	return s
}

// TestRuleExamples runs every rule's example through the whole tagger.
func TestRuleExamples(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		tg := mustTagger(t, code)
		for _, r := range tg.Rules().Rules {
			for _, ex := range r.Examples {
				got := tg.Tag(ex.Text)
				if r.Attrs["unit"] == "-" {
					for _, a := range got {
						if a.Start < ex.End && ex.Start < a.End {
							t.Errorf("%s:%d: %s: %q: amount %q, want none", r.File, ex.Line, r.Name, ex.Text, ex.Text[a.Start:a.End])
						}
					}
					continue
				}
				var found *doc.Amount
				for i := range got {
					if got[i].Start == ex.Start && got[i].End == ex.End {
						found = &got[i]
					}
				}
				if found == nil {
					t.Errorf("%s:%d: %s: %q: %q not found (got %v)", r.File, ex.Line, r.Name, ex.Text, ex.Text[ex.Start:ex.End], got)
					continue
				}
				if ex.Want != "" {
					want := ex.Want
					if f := strings.Fields(want); len(f) > 0 {
						if v, err := strconv.ParseFloat(f[0], 64); err == nil {
							f[0] = strconv.FormatFloat(v, 'g', -1, 64)
							want = strings.Join(f, " ")
						}
					}
					if format(*found) != want {
						t.Errorf("%s:%d: %s: %q: got %q, want %q", r.File, ex.Line, r.Name, ex.Text, format(*found), want)
					}
				}
			}
		}
	}
}

func TestTag(t *testing.T) {
	cases := []struct {
		name, lang, text string
		want             string
	}{
		{"story", "de", "Kosten für den Wiederaufbau auf 588 Milliarden Dollar. Russland fordert die verbleibenden 20 Prozent der Region Donezk.", "588 Milliarden Dollar=5.88e+11 USD | 20 Prozent=20 percent"},
		{"billionen", "de", "Die Schulden liegen bei 1,2 Billionen Euro.", "1,2 Billionen Euro=1.2e+12 EUR"},
		{"year not amount", "de", "seit Kriegsbeginn im Februar 2022 Soldaten und am 24. Februar 2022.", ""},
		{"euro sign", "de", "Das kostet 12,50 € pro Stück und 3 Mio. Rubel.", "12,50 €=12.5 EUR | 3 Mio. Rubel=3e+06 RUB"},
		{"counted", "de", "Russland hat 3.000 Soldaten und zwei Dutzend Panzer verlegt.", "3.000 Soldaten=3000 Soldaten/Soldaten | zwei Dutzend Panzer=24 Panzer/Panzer"},
		{"hrywnja", "de", "Die Ukraine zahlte 500 Millionen Hrywnja.", "500 Millionen Hrywnja=5e+08 UAH"},
		{"points", "de", "Die Zinsen stiegen um 0,25 Prozentpunkte.", "0,25 Prozentpunkte=0.25 percentage_point"},
		{"en dollars", "en", "It raised $2.3 billion and 1.5 bln dlrs, up 7 pct.", "$2.3 billion=2.3e+09 USD | 1.5 bln dlrs=1.5e+09 USD | 7 pct=7 percent"},
		{"en trillion", "en", "Debt hit 2 trillion euros.", "2 trillion euros=2e+12 EUR"},
		{"en count", "en", "About 3,000 soldiers and two dozen tanks.", "3,000 soldiers=3000 soldiers/soldiers | two dozen tanks=24 tanks/tanks"},
		{"en date not amount", "en", "On March 3, 2026 prices fell.", ""},
		// ranges and pairs whose unit is written once, after the second
		{"range", "de", "zwischen 2 und 3 Millionen Euro, von 25 auf 18 Prozent, zwei bis drei Prozent", "2=2e+06 EUR | 3 Millionen Euro=3e+06 EUR | 25=25 percent | 18 Prozent=18 percent | zwei=2 percent | drei Prozent=3 percent"},
		{"range count", "de", "68 von 70 Mitgliedern, eines von 56 Projekten", "68=68 Mitgliedern/Mitgliedern | 70 Mitgliedern=70 Mitgliedern/Mitgliedern | 56 Projekten=56 Projekten/Projekten"},
		{"en range", "en", "200 mln to 300 mln Canadian dlrs, 86.50-87.25 dlrs, 114,887 or four cts a share", "200 mln=2e+08 CAD | 300 mln Canadian dlrs=3e+08 CAD | 86.50=86.5 USD | 87.25 dlrs=87.25 USD | four cts=0.04 USD"},
		{"compound words", "de", "Einundzwanzig Soldaten und dreiundzwanzig Prozent", "Einundzwanzig Soldaten=21 Soldaten/Soldaten | dreiundzwanzig Prozent=23 percent"},
		{"en compound words", "en", "Twenty-five people and forty-one pct", "Twenty-five people=25 people/people | forty-one pct=41 percent"},
		{"code before", "de", "EUR 5 Mio. und 5 Euro-Cent", "EUR 5 Mio.=5e+06 EUR | 5 Euro-Cent=0.05 EUR"},
		{"not amounts", "en", "S and P 500 options for 1986/87 crops in band three bank bills", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tg := mustTagger(t, c.lang)
			var got []string
			for _, a := range tg.Tag(c.text) {
				s := c.text[a.Start:a.End] + "=" + format(a)
				if a.Counted != "" {
					s += "/" + a.Counted
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " | "); g != c.want {
				t.Errorf("got  %q\nwant %q", g, c.want)
			}
		})
	}
}

// TestTagNone checks that a text without amounts gives nil, not an empty
// slice (JSON null, as before the results were pooled).
func TestTagNone(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		if got := mustTagger(t, code).Tag("Keine Zahl hier. No number here."); got != nil {
			t.Errorf("%s: got %#v, want nil", code, got)
		}
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		s    string
		dec  byte
		want float64
		ok   bool
	}{
		{"3.000", ',', 3000, true},
		{"1.500.000,25", ',', 1500000.25, true},
		{"1,5", ',', 1.5, true},
		{"1.5", ',', 1.5, true},
		{"1,500", '.', 1500, true},
		{"1,500.75", '.', 1500.75, true},
		{"2.3", '.', 2.3, true},
		{"1.2.3", '.', 0, false},
		{"1,5.000", ',', 0, false},
		{"", '.', 0, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s_%c", c.s, c.dec), func(t *testing.T) {
			got, ok := ParseNumber(c.s, c.dec)
			if ok != c.ok || got != c.want {
				t.Errorf("got %v %v, want %v %v", got, ok, c.want, c.ok)
			}
		})
	}
}
