package ner

import "strings"

// innerTags predicts GermEval's inner (nested) chunks by rule inside the
// predicted multi-token outer chunks of type ORG, OTH and LOC: a
// gazetteer place is an inner LOC ("Bank of England", "Universität
// Hamburg"), an adjective or inhabitant noun derived from a place is an
// inner LOCderiv ("Bayerischen Rundfunks", "Hamburger Hafen"). Other
// tokens are O. outer holds IOB2 tags.
func (m *Model) innerTags(toks []string, outer []string) []string {
	inner := make([]string, len(toks))
	for i := range inner {
		inner[i] = "O"
	}
	res := m.fz.res
	if res == nil {
		return inner
	}
	var info []tokInfo
	for _, c := range Chunks(outer) {
		if c.End-c.Start < 2 || strings.HasPrefix(c.Type, "PER") || strings.HasSuffix(c.Type, "deriv") || strings.HasSuffix(c.Type, "part") {
			continue
		}
		if info == nil {
			info = make([]tokInfo, len(toks))
			for i, w := range toks {
				m.fz.info(&info[i], w)
			}
			m.fz.gazetteer(info)
		}
		const locMask = 1<<gazCountry | 1<<gazCity | 1<<gazRegion
		for i := c.Start; i < c.End; i++ {
			ti := &info[i]
			if !ti.cap {
				continue
			}
			pos := byte(0)
			for _, cl := range []int{gazCountry, gazCity, gazRegion} {
				if p := ti.gazPos[cl]; p != 0 {
					pos = p
				}
			}
			switch {
			case pos == 'U' || pos == 'B':
				inner[i] = "B-LOC"
			case pos == 'I' && i > c.Start && inner[i-1] != "O":
				inner[i] = "I-LOC"
			case ti.gazMask&locMask == 0 && m.derivedFromPlace(ti.lower):
				inner[i] = "B-LOCderiv"
			}
		}
	}
	return inner
}

// derivedFromPlace reports whether a word looks derived from a country or
// city name ("bayerischen", "hamburger").
func (m *Model) derivedFromPlace(lw string) bool {
	stem, kind := derivStem(lw)
	if kind == 0 || kind == 'n' {
		return false
	}
	rs := []rune(stem)
	if len(rs) < 4 {
		return false
	}
	if len(rs) > 8 {
		rs = rs[:8]
	}
	return m.fz.res.locPfx[strHash(string(rs))]
}
