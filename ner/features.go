package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature is the 64-bit FNV-1a hash of its template
// byte and its value, so extraction allocates no feature strings.
const (
	tBias byte = iota + 1
	tWord
	tLower
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tBigramM
	tBigramP
	tPrefix
	tSuffix
	tShape
	tShortShape
	tShapeM1
	tShapeP1
	tFlags
	tClusterM1
	tCluster
	tClusterP1
	tGaz
	tGazM1
	tGazP1
	tLex
	tPOS
	tPOSM1
	tPOSP1
	tHyphFirst
	tHyphLast
	tHyphGaz
	tDeriv
	tLength
	tDomain
	tDomainLower
	tDomainShape
	tDomainSuffix
	tCapM1
	tCapP1
	tQuoteCtx
	tHead
	tDocLeft
	tDocRight
	tDocLower
	tDocPred
	tRole
	tFirstCap
	tDocName
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(t byte) hasher { return hasher((fnvOffset ^ uint64(t)) * fnvPrime) }

func (h hasher) str(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	return hasher(x)
}

func (h hasher) byte(b byte) hasher { return hasher((uint64(h) ^ uint64(b)) * fnvPrime) }

func (h hasher) num(v uint64) hasher {
	for i := 0; i < 8; i++ {
		h = h.byte(byte(v))
		v >>= 8
	}
	return h
}

// tokInfo is what the features need to know about one token, computed
// once per token.
type tokInfo struct {
	word, lower, shape, short string
	lowerHash                 uint64
	cap, upper, digit         bool
	gazMask                   uint16 // classes of single-token names
	gazPos                    [numGazClasses]byte
	cl                        [3]uint16
	hasCl                     bool
	lex                       uint8
	pos                       string
	head                      string // known noun at the end of a compound ("Paket" of "Wirtschaftspaket"), lower-cased
	headPOS                   string
}

// featurizer turns a sentence into per-token feature hashes.
type featurizer struct {
	res         *resources
	domainFeats bool
}

// sentence appends the features of every token of toks to buf and returns
// it with the start offset of each token's features (len(toks)+1 offsets).
//
// dc, when not nil, is the context of the document the sentence is part of.
func (fz *featurizer) sentence(toks []string, domain int, dc *docContext, buf []uint64, starts []int32) ([]uint64, []int32) {
	buf, starts, _ = fz.sentenceInfo(toks, domain, dc, buf, starts)
	return buf, starts
}

// sentenceInfo is sentence that also returns what it knows of each token.
func (fz *featurizer) sentenceInfo(toks []string, domain int, dc *docContext, buf []uint64, starts []int32) ([]uint64, []int32, []tokInfo) {
	n := len(toks)
	info := make([]tokInfo, n)
	for i, w := range toks {
		fz.info(&info[i], w)
	}
	fz.gazetteer(info)
	starts = starts[:0]
	for i := 0; i < n; i++ {
		starts = append(starts, int32(len(buf)))
		buf = fz.token(info, i, domain, buf)
		if dc != nil && info[i].cap {
			buf = append(buf, dc.ctx[strHash(info[i].word)]...)
			if dc.pred != nil {
				buf = append(buf, dc.pred[strHash(info[i].word)]...)
			}
			if fz.res != nil {
				if ev := dc.nameEvidence(strHash(info[i].word), fz.res); ev != 0 {
					buf = append(buf, uint64(newHash(tDocName).byte(ev)))
				}
			}
			if dc.lowerSeen[info[i].lowerHash] {
				buf = append(buf, uint64(newHash(tDocLower).byte(b2b(i == 0))))
			}
		}
	}
	starts = append(starts, int32(len(buf)))
	return buf, starts, info
}

func (fz *featurizer) info(ti *tokInfo, w string) {
	ti.word = w
	ti.lower = normLower(w)
	ti.shape, ti.short = shapes(w)
	r, _ := utf8.DecodeRuneInString(w)
	ti.cap = unicode.IsUpper(r)
	ti.upper = ti.cap && strings.ToUpper(w) == w && utf8.RuneCountInString(w) > 1
	ti.digit = strings.IndexFunc(w, unicode.IsDigit) >= 0
	ti.lowerHash = strHash(ti.lower)
	res := fz.res
	if res == nil {
		return
	}
	wh := strHash(w)
	if c, ok := res.clusters[wh]; ok {
		ti.cl, ti.hasCl = c, true
	} else if c, ok := res.clusters[ti.lowerHash]; ok {
		ti.cl, ti.hasCl = c, true
	}
	ti.gazMask = res.gaz1[ti.lowerHash]
	if strings.IndexByte(w, '-') > 0 {
		ti.gazMask |= res.hyphenRole(w)
	}
	lx := res.lex[wh]
	ti.lex = uint8(lx)
	if ti.cap {
		ti.lex |= uint8(res.lex[ti.lowerHash]) & lexDictLower
	} else {
		ti.lex |= uint8(res.lex[ti.lowerHash]) & lexDictCap
	}
	if p := int(lx >> 8); p < len(res.posNames) {
		ti.pos = res.posNames[p]
	}
	if ti.cap && len(res.lex) > 0 {
		fz.compoundHead(ti)
	}
}

// compoundHead finds the longest proper suffix of a capitalised word that
// the lexicon knows as a capitalised word (a noun): German compounds end
// in their head noun ("Wirtschafts|paket"), names rarely do.
func (fz *featurizer) compoundHead(ti *tokInfo) {
	w := ti.word
	n := 0
	for i, r := range w {
		if n >= 3 && len(w)-i >= 4 {
			if r == '-' {
				break
			}
			up := unicode.ToUpper(r)
			var buf [4]byte
			k := utf8.EncodeRune(buf[:], up)
			h := uint64(newHash(0).str(string(buf[:k])).str(w[i+utf8.RuneLen(r):]))
			if v, ok := fz.res.lex[h]; ok && v&lexDict != 0 {
				if len(ti.lower) == len(w) {
					ti.head = ti.lower[i:]
				} else {
					ti.head = normLower(w[i:])
				}
				if p := int(v >> 8); p < len(fz.res.posNames) {
					ti.headPOS = fz.res.posNames[p]
				}
				return
			}
		}
		n++
	}
}

// gazetteer marks multi-token gazetteer matches: gazPos[c] is 'B', 'I' or
// 'U' (a single-token name) for class c, or 0.
func (fz *featurizer) gazetteer(info []tokInfo) {
	if fz.res == nil {
		return
	}
	for i := range info {
		for c := 0; c < numGazClasses; c++ {
			if info[i].gazMask&(1<<c) != 0 && info[i].gazPos[c] == 0 {
				info[i].gazPos[c] = 'U'
			}
		}
		ents := fz.res.gazMulti[info[i].lowerHash]
		for _, e := range ents {
			if i+len(e.toks) >= len(info) {
				continue
			}
			ok := true
			for k, t := range e.toks {
				if info[i+1+k].lowerHash != t {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for c := 0; c < numGazClasses; c++ {
				if e.mask&(1<<c) == 0 {
					continue
				}
				info[i].gazPos[c] = 'B'
				for k := range e.toks {
					info[i+1+k].gazPos[c] = 'I'
				}
			}
		}
	}
	// A capitalised given name before another capitalised word starts a
	// person's name more likely than it names a small place: the given
	// name outranks a GeoNames place match ("Donald Trump").
	for i := 0; i+1 < len(info); i++ {
		if info[i].cap && info[i+1].cap && info[i].gazPos[gazFirst] != 0 && info[i].gazPos[gazPlace] != 0 &&
			info[i].gazPos[gazCountry] == 0 && info[i].gazPos[gazCity] == 0 {
			info[i].gazPos[gazPlace] = 0
		}
	}
}

func (fz *featurizer) token(info []tokInfo, i, domain int, buf []uint64) []uint64 {
	ti := &info[i]
	add := func(h hasher) { buf = append(buf, uint64(h)) }
	lowerAt := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(info) {
			return "</s>"
		}
		return info[j].lower
	}
	shortAt := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(info) {
			return "</s>"
		}
		return info[j].short
	}
	add(newHash(tBias))
	add(newHash(tWord).str(ti.word))
	add(newHash(tLower).str(ti.lower))
	add(newHash(tLowerM1).str(lowerAt(i - 1)))
	add(newHash(tLowerP1).str(lowerAt(i + 1)))
	add(newHash(tLowerM2).str(lowerAt(i - 2)))
	add(newHash(tLowerP2).str(lowerAt(i + 2)))
	add(newHash(tBigramM).str(lowerAt(i - 1)).byte(0).str(ti.lower))
	add(newHash(tBigramP).str(ti.lower).byte(0).str(lowerAt(i + 1)))
	// Affixes of the lower-cased word, by runes.
	lw := ti.lower
	nr := utf8.RuneCountInString(lw)
	if nr > 1 {
		k, p := 0, 0
		for _, r := range lw {
			p += utf8.RuneLen(r)
			k++
			if k > 4 || k >= nr {
				break
			}
			add(newHash(tPrefix).byte(byte(k)).str(lw[:p]))
		}
		k, p = 0, len(lw)
		for p > 0 && k < 5 && k < nr-1 {
			_, sz := utf8.DecodeLastRuneInString(lw[:p])
			p -= sz
			k++
			add(newHash(tSuffix).byte(byte(k)).str(lw[p:]))
		}
	}
	add(newHash(tShape).str(ti.shape))
	add(newHash(tShortShape).str(ti.short))
	add(newHash(tShapeM1).str(shortAt(i - 1)).byte(0).str(ti.short))
	add(newHash(tShapeP1).str(ti.short).byte(0).str(shortAt(i + 1)))
	var flags byte
	if ti.cap {
		flags |= 1
	}
	if ti.upper {
		flags |= 2
	}
	if ti.digit {
		flags |= 4
	}
	if i == 0 {
		flags |= 8
	}
	if strings.Contains(ti.word, "-") {
		flags |= 16
	}
	add(newHash(tFlags).byte(flags))
	if i > 0 {
		prevCap := info[i-1].cap
		add(newHash(tCapM1).byte(b2b(prevCap)).byte(b2b(ti.cap)).byte(b2b(i-1 == 0)))
	}
	if i+1 < len(info) {
		add(newHash(tCapP1).byte(b2b(ti.cap)).byte(b2b(info[i+1].cap)))
	}
	add(newHash(tLength).num(uint64(min(nr, 12))))
	// Word clusters at three granularities, for the word and neighbours.
	for d, t := range [3]byte{tClusterM1, tCluster, tClusterP1} {
		j := i + d - 1
		if j < 0 || j >= len(info) {
			continue
		}
		if !info[j].hasCl {
			add(newHash(t).byte(255))
			continue
		}
		for lv := 0; lv < 3; lv++ {
			add(newHash(t).byte(byte(lv)).num(uint64(info[j].cl[lv])))
		}
	}
	// Gazetteers.
	for c := 0; c < numGazClasses; c++ {
		if p := ti.gazPos[c]; p != 0 {
			add(newHash(tGaz).byte(byte(c)).byte(p))
			add(newHash(tGaz).byte(byte(c)).byte(p).byte(b2b(ti.cap)))
		}
		if i > 0 && info[i-1].gazPos[c] != 0 {
			add(newHash(tGazM1).byte(byte(c)))
		}
		if i+1 < len(info) && info[i+1].gazPos[c] != 0 {
			add(newHash(tGazP1).byte(byte(c)))
		}
	}
	// A given name before a capitalised word, and a role noun one or two
	// words before ("Präsident Trump", "US-Präsident Donald Trump").
	if ti.cap && i+1 < len(info) && info[i+1].cap && ti.gazPos[gazFirst] != 0 {
		add(newHash(tFirstCap).byte(b2b(i == 0)))
	}
	if ti.cap && i > 0 && info[i-1].gazMask&(1<<gazRole) != 0 {
		add(newHash(tRole).byte(1))
	}
	if ti.cap && i > 1 && info[i-1].cap && info[i-2].gazMask&(1<<gazRole) != 0 {
		add(newHash(tRole).byte(2))
	}
	// Lexicon.
	if fz.res != nil && len(fz.res.lex) > 0 {
		add(newHash(tLex).byte(ti.lex).byte(b2b(ti.cap)).byte(b2b(i == 0)))
		add(newHash(tPOS).str(ti.pos))
		if i > 0 {
			add(newHash(tPOSM1).str(info[i-1].pos))
		}
		if i+1 < len(info) {
			add(newHash(tPOSP1).str(info[i+1].pos))
		}
	}
	// Hyphenated compounds: "US-Präsident", "russisch-ukrainischen".
	if h := strings.IndexByte(ti.lower, '-'); h > 0 && h < len(ti.lower)-1 {
		first, last := ti.lower[:h], ti.lower[strings.LastIndexByte(ti.lower, '-')+1:]
		add(newHash(tHyphFirst).str(first))
		add(newHash(tHyphLast).str(last))
		if fz.res != nil {
			m := fz.res.gaz1[strHash(first)]
			for c := 0; c < numGazClasses; c++ {
				if m&(1<<c) != 0 {
					add(newHash(tHyphGaz).byte(byte(c)))
				}
			}
		}
		if hw := strings.IndexByte(ti.word, '-'); hw > 0 {
			fs, _ := shapes(ti.word[:hw])
			add(newHash(tHyphFirst).byte(0).str(fs))
		}
	}
	// Derived adjectives and inhabitants: "russischen", "Berliner".
	if fz.res != nil {
		if stem, kind := derivStem(ti.lower); kind != 0 {
			rs := []rune(stem)
			if len(rs) >= 4 {
				if len(rs) > 8 {
					rs = rs[:8]
				}
				for n := len(rs); n >= 4; n-- {
					if fz.res.locPfx[strHash(string(rs[:n]))] {
						add(newHash(tDeriv).byte(kind).byte(byte(n)))
						break
					}
				}
			}
		}
	}
	if ti.head != "" {
		hl := utf8.RuneCountInString(ti.head)
		add(newHash(tHead).byte(byte(min(hl, 10))).byte(ti.lex & lexDict))
		add(newHash(tHead).byte(20).str(ti.head))
		add(newHash(tHead).byte(21).str(ti.headPOS))
	}
	// Inside quotation marks.
	if i > 0 && info[i-1].lower == `"` {
		add(newHash(tQuoteCtx).byte(1).byte(b2b(ti.cap)))
	}
	if domain > 0 || fz.domainFeats {
		d := byte(domain)
		add(newHash(tDomain).byte(d))
		if fz.domainFeats {
			add(newHash(tDomainLower).byte(d).str(ti.lower))
			add(newHash(tDomainShape).byte(d).str(ti.short))
			if nr > 3 {
				_, p := lastRunes(lw, 3)
				add(newHash(tDomainSuffix).byte(d).str(lw[p:]))
			}
		}
	}
	return buf
}

func lastRunes(s string, n int) (int, int) {
	p := len(s)
	k := 0
	for p > 0 && k < n {
		_, sz := utf8.DecodeLastRuneInString(s[:p])
		p -= sz
		k++
	}
	return k, p
}

// derivStem strips the endings of German nationality adjectives
// ("russischen" → "russ", kind 'a') and inhabitant nouns ("berliner" →
// "berlin", kind 'e'), and of English adjectives ("russian" → "russ",
// kind 'n').
func derivStem(lw string) (string, byte) {
	if i := strings.LastIndex(lw, "isch"); i > 0 && len(lw)-i <= 6 {
		return lw[:i], 'a'
	}
	for _, suf := range []string{"ian", "ean", "an"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+3 {
			return lw[:len(lw)-len(suf)], 'n'
		}
	}
	for _, suf := range []string{"ern", "er"} {
		if strings.HasSuffix(lw, suf) {
			return lw[:len(lw)-len(suf)], 'e'
		}
	}
	return "", 0
}

func b2b(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// normLower lower-cases a token, maps typographic quotes to ASCII ones and
// digits to 0.
func normLower(w string) string {
	need := false
	for _, r := range w {
		if r >= 0x80 || ('A' <= r && r <= 'Z') || ('1' <= r && r <= '9') {
			need = true
			break
		}
	}
	if !need {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case '„', '“', '”', '»', '«', '‟', '″':
			r = '"'
		case '‚', '‘', '’', '›', '‹', '`', '´':
			r = '\''
		case '–', '—', '‐', '‑':
			r = '-'
		default:
			if '1' <= r && r <= '9' {
				r = '0'
			} else {
				r = unicode.ToLower(r)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shapes returns the word shape (X for upper-case letters, x for lower,
// d for digits, other runes as they are; at most 12 runes) and the short
// shape (runs of the same class collapsed).
func shapes(w string) (string, string) {
	var long, short [16]byte
	nl, ns := 0, 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 0x80:
			c = byte(r)
		case r == '„' || r == '“' || r == '”' || r == '»' || r == '«':
			c = '"'
		default:
			c = '*'
		}
		if nl < 12 {
			long[nl] = c
			nl++
		}
		if c != last && ns < 16 {
			short[ns] = c
			ns++
		}
		last = c
	}
	return string(long[:nl]), string(short[:ns])
}
