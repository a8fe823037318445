package ner

import (
	"math"
	"strings"
)

// Model is a trained sequence tagger: a first-order linear-chain model
// (averaged structured perceptron weights) decoded with Viterbi under BIO
// constraints. A Model is safe for concurrent use by several goroutines.
type Model struct {
	// Lang is the language the model was trained for ("de", "en").
	Lang string
	// Labels are the BIO tags the model predicts ("O", "B-PER", ...).
	Labels []string
	// Domains name the annotation schemes the model was trained on, e.g.
	// "germeval" and "conll". Each domain allows a subset of Labels.
	Domains []string
	// Meta describes how the model was trained and how well it scored.
	Meta Meta

	allowed [][]bool // domain × label
	feat    map[uint64]int32
	table   featTable // feat, for fast lookups
	w       []float32 // len(feat) × L emission weights
	tmask   []float32 // trans with -Inf where BIO forbids a transition
	// The non-zero emission weights in compressed rows, for tagging: the
	// table maps a feature to the offset of its row in sp, a header entry
	// (lab = number of entries) followed by (label, weight) entries, so a
	// lookup touches one table slot and one short run of memory.
	sp      []spEntry
	trans   []float32 // (L+1) × L; row L is the sentence start
	transOK []bool    // (L+1) × L: BIO constraint
	fz      featurizer
	// Confidence calibration: p = 1/(1+exp(-(confA*margin+confB))).
	confA, confB float64
	// stage1 is the first-stage model of a two-pass model, or nil.
	stage1 *Model
	// oBias is subtracted from the score of label O at every token,
	// trading precision for recall.
	oBias float32
	// Label indices of O, B-ORG and I-ORG (-1 when absent), for orgRuler.
	oLabel, orgB, orgI, perB, perI int
}

func (m *Model) numLabels() int { return len(m.Labels) }

// domainIndex returns the index of a domain, or 0 (the default domain).
func (m *Model) domainIndex(name string) int {
	for i, d := range m.Domains {
		if d == name {
			return i
		}
	}
	return 0
}

// setup derives the BIO constraint table and domain masks' defaults.
func (m *Model) setup() {
	L := len(m.Labels)
	m.transOK = make([]bool, (L+1)*L)
	for p := 0; p <= L; p++ {
		prev := "O"
		if p < L {
			prev = m.Labels[p]
		}
		for c := 0; c < L; c++ {
			cur := m.Labels[c]
			ok := true
			if strings.HasPrefix(cur, "I-") {
				ok = prev != "O" && prev[2:] == cur[2:]
			}
			m.transOK[p*L+c] = ok
		}
	}
	m.oLabel, m.orgB, m.orgI, m.perB, m.perI = -1, -1, -1, -1, -1
	for i, l := range m.Labels {
		switch l {
		case "O":
			m.oLabel = i
		case "B-ORG":
			m.orgB = i
		case "I-ORG":
			m.orgI = i
		case "B-PER":
			m.perB = i
		case "I-PER":
			m.perI = i
		}
	}
	if len(m.allowed) == 0 {
		m.allowed = [][]bool{make([]bool, L)}
		for i := range m.allowed[0] {
			m.allowed[0][i] = true
		}
	}
}

// index prepares the model for tagging after training or loading.
func (m *Model) index() {
	L := m.numLabels()
	n := len(m.w) / max(L, 1)
	start := make([]int32, n)
	m.sp = m.sp[:0]
	for k := 0; k < n; k++ {
		start[k] = int32(len(m.sp))
		m.sp = append(m.sp, spEntry{})
		for y, v := range m.w[k*L : k*L+L] {
			if v != 0 {
				m.sp = append(m.sp, spEntry{lab: uint8(y), w: v})
			}
		}
		m.sp[start[k]].lab = uint8(len(m.sp) - int(start[k]) - 1)
	}
	offsets := make(map[uint64]int32, len(m.feat))
	for h, k := range m.feat {
		if int(k) < n {
			offsets[h] = start[k]
		}
	}
	m.table = newFeatTable(offsets)
	m.tmask = make([]float32, len(m.trans))
	for i, v := range m.trans {
		if m.transOK[i] {
			m.tmask[i] = v
		} else {
			m.tmask[i] = negInf
		}
	}
}

// spEntry is one non-zero weight of a compressed row.
type spEntry struct {
	lab uint8
	w   float32
}

// decoder holds scratch space for one Viterbi decoding.
type decoder struct {
	feats  []uint64
	starts []int32
	em     []float32
	delta  []float32
	beta   []float32
	back   []int32
	path   []int
}

var negInf = float32(math.Inf(-1))

// emissions fills d.em with the emission score of each (token, label).
func (m *Model) emissions(d *decoder, n int) {
	L := m.numLabels()
	if cap(d.em) < n*L {
		d.em = make([]float32, n*L)
	}
	d.em = d.em[:n*L]
	clear(d.em)
	for t := 0; t < n; t++ {
		row := d.em[t*L : t*L+L]
		for _, f := range d.feats[d.starts[t]:d.starts[t+1]] {
			a := m.table.get(f)
			if a < 0 {
				continue
			}
			for _, e := range m.sp[a+1 : a+1+int32(m.sp[a].lab)] {
				row[e.lab] += e.w
			}
		}
		row[0] -= m.oBias
	}
}

// viterbi decodes the best label sequence for n tokens whose emission
// scores are in d.em, allowing only the labels in allow. When margins is
// non-nil it also receives, per token, the score difference between the
// best path and the best path with another label at that token.
func (m *Model) viterbi(d *decoder, n int, allow []bool, margins []float32) []int {
	L := m.numLabels()
	if cap(d.delta) < n*L {
		d.delta = make([]float32, n*L)
		d.back = make([]int32, n*L)
	}
	d.delta, d.back = d.delta[:n*L], d.back[:n*L]
	for t := 0; t < n; t++ {
		for y := 0; y < L; y++ {
			best, arg := negInf, int32(-1)
			if allow[y] {
				if t == 0 {
					if m.transOK[L*L+y] {
						best = m.trans[L*L+y]
					}
				} else {
					prev := d.delta[(t-1)*L : t*L]
					tm := m.tmask
					for p := 0; p < L; p++ {
						if s := prev[p] + tm[p*L+y]; s > best {
							best, arg = s, int32(p)
						}
					}
				}
				if best != negInf {
					best += d.em[t*L+y]
				}
			}
			d.delta[t*L+y], d.back[t*L+y] = best, arg
		}
	}
	if cap(d.path) < n {
		d.path = make([]int, n)
	}
	path := d.path[:n]
	if n == 0 {
		return path
	}
	best, arg := negInf, 0
	for y := 0; y < L; y++ {
		if s := d.delta[(n-1)*L+y]; s > best {
			best, arg = s, y
		}
	}
	for t := n - 1; t >= 0; t-- {
		path[t] = arg
		if t > 0 {
			arg = int(d.back[t*L+arg])
			if arg < 0 {
				arg = 0
			}
		}
	}
	if margins != nil {
		m.maxMarginals(d, n, allow, margins, best)
	}
	return path
}

// maxMarginals computes, for every token, best − (best path score with a
// different label at that token), using a backward max pass.
func (m *Model) maxMarginals(d *decoder, n int, allow []bool, margins []float32, best float32) {
	L := m.numLabels()
	if cap(d.beta) < n*L {
		d.beta = make([]float32, n*L)
	}
	d.beta = d.beta[:n*L]
	for y := 0; y < L; y++ {
		d.beta[(n-1)*L+y] = 0
	}
	for t := n - 2; t >= 0; t-- {
		for y := 0; y < L; y++ {
			b := negInf
			for c := 0; c < L; c++ {
				if !allow[c] || !m.transOK[y*L+c] {
					continue
				}
				nb := d.beta[(t+1)*L+c]
				if nb == negInf {
					continue
				}
				if s := m.trans[y*L+c] + d.em[(t+1)*L+c] + nb; s > b {
					b = s
				}
			}
			d.beta[t*L+y] = b
		}
	}
	for t := 0; t < n; t++ {
		y0 := d.path[t]
		alt := negInf
		for y := 0; y < L; y++ {
			if y == y0 || d.delta[t*L+y] == negInf || d.beta[t*L+y] == negInf {
				continue
			}
			if s := d.delta[t*L+y] + d.beta[t*L+y]; s > alt {
				alt = s
			}
		}
		if alt == negInf {
			margins[t] = 1e6
		} else {
			margins[t] = best - alt
		}
	}
}

// tag labels one sentence of tokens under the given domain and returns
// label indices (and per-token margins when margins is non-nil).
func (m *Model) tag(d *decoder, toks []string, domain int, dc *docContext, margins []float32) []int {
	var info []tokInfo
	d.feats, d.starts, info = m.fz.sentenceInfo(toks, domain, dc, d.feats[:0], d.starts[:0])
	m.emissions(d, len(toks))
	if domain < 0 || domain >= len(m.allowed) {
		domain = 0
	}
	path := m.viterbi(d, len(toks), m.allowed[domain], margins)
	m.orgRuler(info, path, margins)
	m.nameMemory(info, path, dc, margins)
	return path
}

// nameMemory applies what earlier sentences of the document said: news
// name a person in full first and by surname after ("Donald Trump", then
// "Trump"), so a capitalised word the model left O that ended a person's
// name of two or more words earlier in the document is tagged PER (margin
// 0, the lowest confidence). Then it records the last words of this
// sentence's multi-word person names.
func (m *Model) nameMemory(info []tokInfo, path []int, dc *docContext, margins []float32) {
	if dc == nil || m.perB < 0 || m.perI < 0 || m.oLabel < 0 {
		return
	}
	if len(dc.perLast) > 0 {
		for i := range info {
			if path[i] != m.oLabel || !info[i].cap || info[i].upper || !dc.perLast[strHash(info[i].word)] {
				continue
			}
			if i+1 < len(path) && m.Labels[path[i+1]][0] == 'I' {
				continue
			}
			path[i] = m.perB
			if margins != nil {
				margins[i] = 0
			}
		}
	}
	for i := 1; i < len(path); i++ {
		if path[i] == m.perI && (i+1 == len(path) || path[i+1] != m.perI) && info[i].cap {
			if dc.perLast == nil {
				dc.perLast = map[uint64]bool{}
			}
			dc.perLast[strHash(info[i].word)] = true
		}
	}
}

// orgRuler writes ORG over a name of the organisation gazetteer (the
// knowledge base's organisations: "Weltbank", "Internationaler
// Währungsfonds") that the model left wholly O, when every word of it is
// capitalised. The model's reading wins wherever it found anything, so
// this only adds names, each with margin 0 (the lowest confidence).
func (m *Model) orgRuler(info []tokInfo, path []int, margins []float32) {
	if m.orgB < 0 || m.orgI < 0 || m.oLabel < 0 || m.fz.res == nil {
		return
	}
	for i := 0; i < len(info); i++ {
		p := info[i].gazPos[gazOrg]
		if p != 'U' && p != 'B' {
			continue
		}
		j := i + 1
		for j < len(info) && info[j].gazPos[gazOrg] == 'I' {
			j++
		}
		ok := true
		for k := i; k < j; k++ {
			if !info[k].cap || path[k] != m.oLabel {
				ok = false
				break
			}
		}
		if j < len(info) && path[j] != m.oLabel && m.Labels[path[j]][0] == 'I' {
			ok = false
		}
		if !ok {
			continue
		}
		for k := i; k < j; k++ {
			path[k] = m.orgI
			if margins != nil {
				margins[k] = 0
			}
		}
		path[i] = m.orgB
		i = j - 1
	}
}

// Tag returns one BIO tag per token for a sentence of tokens (taken as a
// document of its own), using the
// model's first (default) annotation scheme. It never fails: an empty
// sentence gives an empty result.
func (m *Model) Tag(tokens []string) []string {
	return m.TagDomain(tokens, "")
}

// TagDomain is Tag under a named annotation scheme ("germeval", "conll"
// for German); an unknown name selects the default scheme.
func (m *Model) TagDomain(tokens []string, domain string) []string {
	var d decoder
	dom := m.domainIndex(domain)
	dc := newDocContext([][]string{tokens})
	m.prepareDoc(&d, [][]string{tokens}, dom, dc)
	path := m.tag(&d, tokens, dom, dc, nil)
	out := make([]string, len(path))
	for i, y := range path {
		out[i] = m.Labels[y]
	}
	return out
}

// confidence maps a Viterbi margin to a probability-like score in (0, 1).
func (m *Model) confidence(margin float32) float64 {
	a, b := m.confA, m.confB
	if a == 0 {
		a, b = 0.5, 0
	}
	return 1 / (1 + math.Exp(-(a*float64(margin) + b)))
}
