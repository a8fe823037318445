package rules

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// CheckMachine compares, for every rule the index offers at every position
// of text, the rule's machine with package regexp on the window Scan
// would give it, and returns the first difference.
func (s *Set) CheckMachine(text string) error {
	for pos := 0; pos < len(text); pos++ {
		if !utf8.RuneStart(text[pos]) {
			continue
		}
		for _, i := range s.candidates(text, pos, nil) {
			r := s.Rules[i]
			if err := r.checkMachine(window(text, pos)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *Rule) checkMachine(s string) error {
	for end := len(s); end > 0; end-- {
		if !utf8.RuneStart(s[end-1]) && end < len(s) {
			continue
		}
		want := r.re.FindStringSubmatchIndex(s[:end])
		got := make([]int, r.m.ncap)
		if !r.m.match(s[:end], got) {
			got = nil
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("rule %s on %q: machine %v, regexp %v", r.Name, s[:end], got, want)
		}
		e, ok := r.one.end(s[:end])
		if ok != (want != nil) || ok && e != want[1] {
			return fmt.Errorf("rule %s on %q: dfa %d %v, regexp %v", r.Name, s[:end], e, ok, want)
		}
		if end < len(s)-12 {
			break
		}
	}
	return nil
}

// CheckUnion compares, at every position of text, the match the union
// automaton finds (MatchAt) with the one the backtracker finds trying each
// rule the index offers alone, and returns the first difference.
func (s *Set) CheckUnion(text string) error {
	for pos := 0; pos < len(text); pos++ {
		if !utf8.RuneStart(text[pos]) {
			continue
		}
		got, gok := s.MatchAt(text, pos)
		want, wok := s.matchSlow(text, pos, s.candidates(text, pos, nil))
		if gok != wok || gok && (got.Rule != want.Rule || got.End != want.End || !slices.Equal(got.groups, want.groups)) {
			return fmt.Errorf("at %d of %q: union %v, backtracker %v", pos, text, describe(got, gok), describe(want, wok))
		}
	}
	return nil
}

func describe(m Match, ok bool) string {
	if !ok {
		return "no match"
	}
	return fmt.Sprintf("%s %q", m.Rule.Name, m.text[m.Start:m.End])
}

// CheckScanTokens compares ScanTokens with the plain loop it replaces
// (every token start, every byte inside a token) on text and toks, and
// returns the first difference.
func (s *Set) CheckScanTokens(text string, toks []doc.Token) error {
	var got, want []string
	s.ScanTokens(text, toks, func(m Match) { got = append(got, fmt.Sprint(m.Rule.Name, m.Start, m.End, m.groups)) })
	w := s.u.get()
	defer s.u.put(w)
	next := 0
	try := func(p int) {
		if m, ok := s.matchUnion(w, text, p); ok {
			want = append(want, fmt.Sprint(m.Rule.Name, m.Start, m.End, m.groups))
			next = m.End
		}
	}
	for _, t := range toks {
		if t.End <= next || t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		if t.Start >= next && s.mayStart(text, t.Start) {
			try(t.Start)
		}
		for i := t.Start + 1; i < t.End-1; i++ {
			if c := text[i]; (c == '-' || c == '/') && i+1 >= next && s.mayStart(text, i+1) {
				try(i + 1)
			}
		}
	}
	if !slices.Equal(got, want) {
		return fmt.Errorf("on %q: ScanTokens %v, plain loop %v", text, got, want)
	}
	return nil
}
