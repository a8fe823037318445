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
}

// maxDocContext bounds the neighbour features a word collects.
const maxDocContext = 12

// newDocContext builds the context of a document given as sentences of
// tokens.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{ctx: map[uint64][]uint64{}, lowerSeen: map[uint64]bool{}}
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
			}
			if i+1 < len(s) {
				cur = appendUniq(cur, uint64(newHash(tDocRight).str(normLower(s[i+1]))))
			}
			dc.ctx[h] = cur
		}
	}
	return dc
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
