package ner

import "unicode"

// docContext aggregates, for the capitalised words of one document, the
// neighbours of all their occurrences, so that every occurrence of
// "Tass" sees "Nachrichtenagentur" before one of them ("context
// aggregation", Ratinov and Roth 2009), and records which words also occur
// in lower case.
type docContext struct {
	ctx       map[uint64][]uint64 // exact word hash → neighbour feature hashes
	lowerSeen map[uint64]bool     // hashes of words seen starting in lower case
	pred      map[uint64][]uint64 // first-stage predictions (twopass.go)
	prev      map[uint64][]string // exact word hash → the words before its occurrences
	nameEv    map[uint64]byte     // exact word hash → name evidence (nameEvidence), computed on first use
	perLast   map[uint64]bool     // last words of the multi-word person names tagged so far (nameMemory)
}

// maxDocContext bounds the neighbour features a word collects.
const maxDocContext = 12

// newDocContext builds the context of a document given as sentences of
// tokens.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{ctx: map[uint64][]uint64{}, lowerSeen: map[uint64]bool{}, prev: map[uint64][]string{}}
	for _, s := range sents {
		for i, w := range s {
			r := firstRune(w)
			if unicode.IsLower(r) {
				dc.lowerSeen[strHash(w)] = true
				continue
			}
			if !unicode.IsUpper(r) {
				continue
			}
			h := strHash(w)
			cur := dc.ctx[h]
			if len(cur) >= maxDocContext {
				continue
			}
			if i > 0 {
				cur = appendUniq(cur, uint64(newHash(tDocLeft).str(normLower(s[i-1]))))
				dc.prev[h] = append(dc.prev[h], s[i-1])
			}
			if i+1 < len(s) {
				cur = appendUniq(cur, uint64(newHash(tDocRight).str(normLower(s[i+1]))))
			}
			dc.ctx[h] = cur
		}
	}
	return dc
}

// Name evidence: what the other occurrences of a capitalised word in the
// document say about it.
const (
	evAfterFirst byte = 1 << iota // after a capitalised given name ("Donald Trump" → "Trump")
	evAfterRole                   // after a role noun ("Präsident Trump", "US-Präsident Trump")
	evAfterArea                   // after a region noun ("Region Donezk")
)

// nameEvidence returns the evidence bits of the word with hash h, looking
// the words before its occurrences up in the gazetteers once per document.
func (dc *docContext) nameEvidence(h uint64, res *resources) byte {
	if v, ok := dc.nameEv[h]; ok {
		return v
	}
	var v byte
	for _, p := range dc.prev[h] {
		m := res.gaz1[strHash(normLower(p))]
		if m&(1<<gazFirst) != 0 && unicode.IsUpper(firstRune(p)) {
			v |= evAfterFirst
		}
		m |= res.hyphenRole(p)
		if m&(1<<gazRole) != 0 {
			v |= evAfterRole
		}
		if m&(1<<gazArea) != 0 {
			v |= evAfterArea
		}
	}
	if dc.nameEv == nil {
		dc.nameEv = map[uint64]byte{}
	}
	dc.nameEv[h] = v
	return v
}

func appendUniq(s []uint64, h uint64) []uint64 {
	for _, x := range s {
		if x == h {
			return s
		}
	}
	return append(s, h)
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
