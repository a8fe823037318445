package rules

import (
	"regexp"
	"testing"
)

// fuzzPatterns are patterns in the style of the rule files: tables as
// alternations, optional parts, word boundaries, case folding, non-ASCII.
var fuzzPatterns = []string{
	`(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s(Mio\.|Millionen|Mrd\.|Milliarden)?\s?(Euro|Dollar|US-Dollar)`,
	`(?i:(am|im)\s(montag|dienstag|mittwoch|märz|mai))\b`,
	`(\d+)\s?\%`,
	`([a-z][a-z\-]*[a-z]s|people|men)\b`,
	`(?:Anfang|Mitte|Ende)\s(?:des\s)?(Jahres|Monats|(?:Jänner|Januar|März))(?:\s(\d{4}))?`,
	`(?i:(?:the\s)?(last|next|this)\s(week|month|year))`,
	`(\d\d?)\.\s?(\d\d?)\.\s?(\d{4})?`,
	`(?:vor|in)\s+(\p{L}+)\s(Jahren|Tagen|Stunden)`,
	`(?i:€|\$|£)\s?(\d+(?:\.\d+)?)(?:\s(mln|bln|m|bn))?`,
	`(\d+)(?:-(\d{1,2})/(\d{1,2}))?\s(pct|percent|per\s+cent)$`,
}

// FuzzMachine checks the rule matcher and the DFA against package regexp
// on arbitrary input: same match, same groups, same end; no panic.
func FuzzMachine(f *testing.F) {
	for _, s := range []string{"1.500,5 Mio. Euro", "am Montag", "20 %", "3 soldiers", "Ende des Jahres 2026",
		"the last week", "24. 2. 2026", "vor drei Jahren", "$2.3 bln", "9-1/2 pct", "Am MÄRZ x", "", "\xff\xfe"} {
		f.Add(s)
	}
	var rs []*Rule
	for _, p := range fuzzPatterns {
		m, err := compileMachine(p)
		if err != nil {
			f.Fatal(err)
		}
		r := &Rule{Name: p, m: m}
		r.one = newUnion([]*Rule{r}, false)
		if r.re, err = regexp.Compile(`^(?:` + p + `)`); err != nil {
			f.Fatal(err)
		}
		rs = append(rs, r)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2*Window {
			s = s[:2*Window]
		}
		for _, r := range rs {
			if err := r.checkMachine(s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
