package event

import "slices"

// phraseIndex finds the patterns whose first part matches a word without
// trying every pattern: exact first words through a map, "x*" and "*x"
// through maps keyed by the word's first or last few bytes (as many as the
// shortest such pattern has), "*x*" by trying each. Per word it costs
// three map lookups and a check of the few patterns sharing those bytes.
type phraseIndex struct {
	exact     map[string][]*phrase
	prefix    map[string][]*phrase // first prefixLen bytes of the "x*" text -> patterns
	suffix    map[string][]*phrase // last suffixLen bytes of the "*x" text -> patterns
	infix     []*phrase            // "*x*"
	prefixLen int
	suffixLen int
	pending   []*phrase // "x*" and "*x" patterns until build
	n         int
}

// add indexes p; build must be called after the last add.
func (ix *phraseIndex) add(p *phrase) {
	p.ord = ix.n
	ix.n++
	f := p.parts[0]
	switch {
	case f.prefix && f.suffix:
		ix.infix = append(ix.infix, p)
	case f.prefix || f.suffix:
		ix.pending = append(ix.pending, p)
	default:
		if ix.exact == nil {
			ix.exact = map[string][]*phrase{}
		}
		ix.exact[f.text] = append(ix.exact[f.text], p)
	}
}

// build makes the prefix and suffix maps of the patterns added.
func (ix *phraseIndex) build() {
	ix.prefix, ix.suffix = map[string][]*phrase{}, map[string][]*phrase{}
	ix.prefixLen, ix.suffixLen = 0, 0
	for _, p := range ix.pending {
		n := len(p.parts[0].text)
		if p.parts[0].prefix && (ix.prefixLen == 0 || n < ix.prefixLen) {
			ix.prefixLen = n
		}
		if p.parts[0].suffix && (ix.suffixLen == 0 || n < ix.suffixLen) {
			ix.suffixLen = n
		}
	}
	for _, p := range ix.pending {
		t := p.parts[0].text
		if p.parts[0].prefix {
			k := t[:ix.prefixLen]
			ix.prefix[k] = append(ix.prefix[k], p)
		} else {
			k := t[len(t)-ix.suffixLen:]
			ix.suffix[k] = append(ix.suffix[k], p)
		}
	}
	ix.pending = nil
}

// candidates appends to buf the patterns whose first part matches the
// lower-case word w: those with w as their exact first word, then the
// wildcard ones, each group in the order they were added (the order of
// trying every pattern, which callers rely on for ties).
func (ix *phraseIndex) candidates(w string, buf []*phrase) []*phrase {
	buf = append(buf, ix.exact[w]...)
	start := len(buf)
	if ix.prefixLen > 0 && len(w) >= ix.prefixLen {
		for _, p := range ix.prefix[w[:ix.prefixLen]] {
			if p.parts[0].matches(w) {
				buf = append(buf, p)
			}
		}
	}
	if ix.suffixLen > 0 && len(w) >= ix.suffixLen {
		for _, p := range ix.suffix[w[len(w)-ix.suffixLen:]] {
			if p.parts[0].matches(w) {
				buf = append(buf, p)
			}
		}
	}
	for _, p := range ix.infix {
		if p.parts[0].matches(w) {
			buf = append(buf, p)
		}
	}
	if len(buf)-start > 1 {
		slices.SortFunc(buf[start:], func(a, b *phrase) int { return a.ord - b.ord })
	}
	return buf
}
