package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// mention is an entity mention flattened for look-up by position.
type mention struct {
	doc.Span
	id, typ, kind string
}

// quotation is an outermost pair of quotation marks and the content
// tokens between them.
type quotation struct {
	open, close int // token indexes of the marks, -1 when missing
	first, last int // content tokens [first, last)
	para        int
	speech      bool // a quotation of speech (not a title or scare quote)
	contNext    bool // unclosed, and the next paragraph opens with a mark
	f           *found
}

// run is the state of one extraction.
type run struct {
	x         *Extractor
	lex       *lexicon
	d         *doc.Document
	text      string
	toks      []tok
	sents     []sentence
	paras     []doc.Span
	segs      []*quotation
	segOf     []int            // token → index of the quotation whose marks or content hold it, -1
	sentFirst []int            // sentence → its first token after opening marks
	bySent    map[int][]*found // sentence → statements touching it (set by continuations)
	ich       []int            // sentence → its first \"ich\", -1
	used      []bool           // tokens belonging to a found attribution or content
	mentions  []mention
	out       []*found
}

func (e *Extractor) find(d *doc.Document) []*found {
	if d == nil || d.Text == "" || !utf8.ValidString(d.Text) {
		return nil
	}
	r := &run{x: e, lex: e.lex, d: d, text: d.Text}
	r.toks, r.sents, r.paras = view(d)
	if len(r.toks) == 0 {
		return nil
	}
	for i := range r.toks {
		r.toks[i].lex = r.lex.entry(r.toks[i].lower)
	}
	r.used = make([]bool, len(r.toks))
	if dl := d.Dateline; dl != nil && dl.Valid(len(d.Text)) {
		for i := range r.toks {
			if r.toks[i].Start >= dl.Start && r.toks[i].End <= dl.End {
				r.used[i] = true
			}
		}
	}
	var dl doc.Span
	if d.Dateline != nil && d.Dateline.Valid(len(d.Text)) {
		dl = d.Dateline.Span
	}
	for _, en := range d.Entities {
		for _, m := range en.Mentions {
			// the agency and place of the dateline never speak
			if m.Valid(len(d.Text)) && m.Len() > 0 && !(m.Start >= dl.Start && m.End <= dl.End && dl.End > 0) {
				r.mentions = append(r.mentions, mention{Span: m.Span, id: en.ID, typ: en.Type, kind: m.Kind})
			}
		}
	}
	sort.Slice(r.mentions, func(i, j int) bool { return r.mentions[i].Start < r.mentions[j].Start })
	r.scanMarks()
	r.direct()
	r.indirect()
	r.continuations()
	r.finish()
	sortFound(r.out)
	return r.out
}

// ---- quotation marks -------------------------------------------------

// closes reports whether mark c closes a quotation opened by o.
func closes(o, c rune) bool {
	switch o {
	case '„':
		return c == '“' || c == '”' || c == '"'
	case '“':
		return c == '”' || c == '“'
	case '‟':
		return c == '”'
	case '"':
		return c == '"' || c == '“' || c == '”'
	case '»':
		return c == '«'
	case '«':
		return c == '»'
	case '‚':
		return c == '‘' || c == '’'
	case '‘':
		return c == '’'
	case '\'':
		return c == '\'' || c == '’'
	case '‹':
		return c == '›'
	case '›':
		return c == '‹'
	}
	return false
}

func isDouble(r rune) bool {
	switch r {
	case '„', '“', '”', '"', '»', '«', '‟':
		return true
	}
	return false
}

func opensOnly(r rune) bool { return r == '„' || r == '‚' || r == '‟' }

type mark struct {
	r   rune
	idx int
}

// scanMarks pairs the quotation marks of each paragraph and records the
// outermost quotations as segments.
func (r *run) scanMarks() {
	r.segOf = make([]int, len(r.toks))
	for i := range r.segOf {
		r.segOf[i] = -1
	}
	start := 0
	for start < len(r.toks) {
		end := start
		for end < len(r.toks) && r.toks[end].para == r.toks[start].para {
			end++
		}
		r.scanParagraph(start, end)
		start = end
	}
	// multi-paragraph quotations
	for i, s := range r.segs {
		if s.close == -1 && s.open >= 0 && i+1 < len(r.segs) {
			n := r.segs[i+1]
			if n.open >= 0 && n.para == s.para+1 && n.open == r.paraFirst(n.open) {
				s.contNext = true
			}
		}
	}
	for k, s := range r.segs {
		lo, hi := s.first, s.last
		if s.open >= 0 {
			lo = s.open
		}
		if s.close >= 0 {
			hi = s.close + 1
		}
		for i := lo; i < hi; i++ {
			r.segOf[i] = k
		}
	}
}

func (r *run) paraFirst(i int) int {
	for i > 0 && r.toks[i-1].para == r.toks[i].para {
		i--
	}
	return i
}

func (r *run) isPunct(i int, set string) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i].text
	return len(t) > 0 && utf8.RuneCountInString(t) == 1 && strings.Contains(set, t)
}

func (r *run) scanParagraph(start, end int) {
	var stack []mark
	for i := start; i < end; i++ {
		t := r.toks[i]
		if t.qmark == 0 {
			continue
		}
		atStart := i == start
		prevOpen := atStart || t.space || r.isPunct(i-1, "([{-–—:,")
		nextTight := i+1 < end && !r.toks[i+1].space && !r.isPunct(i+1, ".,;:!?)")
		openish := prevOpen && nextTight
		closeish := !atStart && !t.space && !nextTight
		c := t.qmark
		// close the innermost quotation this mark closes
		if len(stack) > 0 && !opensOnly(c) {
			k := -1
			for j := len(stack) - 1; j >= 0; j-- {
				if closes(stack[j].r, c) {
					k = j
					break
				}
			}
			ambiguous := c == stack[len(stack)-1].r // " " or ' '
			if k >= 0 && (!openish || !ambiguous && k == len(stack)-1 || closeish) {
				if k == 0 {
					r.addSeg(stack[0].idx, i, stack[0].idx+1, i, t.para)
				}
				stack = stack[:k]
				continue
			}
		}
		switch {
		case openish && c != '”' && (c != '«' || len(stack) == 0) || opensOnly(c) || c == '»' && len(stack) == 0 && !closeish:
			if len(stack) == 0 && !isDouble(c) && c != '‚' && c != '‹' && c != '›' {
				// a top-level single mark opens only when it closes
				// again in the paragraph
				if !r.singleCloses(c, i+1, end) {
					continue
				}
			}
			stack = append(stack, mark{c, i})
		case closeish && len(stack) == 0 && isDouble(c) && c != '„':
			// closing mark without an opening one: the quotation starts
			// the paragraph (kept only when an attribution follows)
			r.addSeg(-1, i, start, i, t.para)
		}
	}
	if len(stack) > 0 && isDouble(stack[0].r) || len(stack) > 0 && stack[0].r == '‚' {
		// an unclosed quotation: one that opens its paragraph runs to the
		// paragraph's end (the convention for quotations continued in the
		// next paragraph); elsewhere the closing mark is missing, and the
		// quotation ends with its sentence
		o := stack[0].idx
		stop := end
		if k := o - 1; k >= start && !(k == start && r.isPunct(k, "-–—")) {
			stop = min(end, r.sents[r.toks[o].sent].last)
		}
		if o+1 < stop {
			r.addSeg(o, -1, o+1, stop, r.toks[o].para)
		}
	}
}

func (r *run) singleCloses(o rune, from, end int) bool {
	for j := from; j < end && j < from+maxSingle; j++ {
		if r.toks[j].qmark != 0 && closes(o, r.toks[j].qmark) && !r.toks[j].space {
			return true
		}
	}
	return false
}

func (r *run) addSeg(open, close, first, last, para int) {
	// drop a trailing comma inside the marks ("...," he said) and
	// leading/trailing marks of inner quotations that are only punctuation
	for last > first && r.isPunct(last-1, ",") {
		last--
	}
	if last <= first {
		return
	}
	r.segs = append(r.segs, &quotation{open: open, close: close, first: first, last: last, para: para})
}

// ---- word classes and phrases ------------------------------------------

func (r *run) class(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].lex.class
}

func (r *run) isDE() bool { return r.lex.lang == "de" }

// clauseEnd returns the first token at or after i that ends a clause for
// attribution purposes: sentence punctuation, a quotation mark or a
// paragraph break (the token index, exclusive end).
func (r *run) clauseEnd(i int) int {
	if i >= len(r.toks) {
		return len(r.toks)
	}
	p := r.toks[i].para
	j := i
	for ; j < len(r.toks) && r.toks[j].para == p; j++ {
		t := r.toks[j]
		if t.qmark != 0 {
			break
		}
		if t.text == "!" || t.text == "?" || t.text == ";" {
			break
		}
		if t.text == "." {
			if j > 0 && r.toks[j-1].End == t.Start && (abbrevs[r.toks[j-1].lower] || r.toks[j-1].word && utf8.RuneCountInString(r.toks[j-1].text) == 1) {
				continue
			}
			break
		}
	}
	return j
}

// cueAt reports whether token i is a reporting verb: its lemma and the
// index of its particle (-1 when none).
func (r *run) cueAt(i, limit int) (string, int, bool) {
	if i < 0 || i >= len(r.toks) || !r.toks[i].word {
		return "", -1, false
	}
	senses := r.toks[i].lex.verbs
	if len(senses) == 0 {
		return "", -1, false
	}
	if r.toks[i].cap && (!r.isDE() || i > 0 && !r.sentStart(i)) {
		return "", -1, false // a capitalised noun ("Sagen", "the United States"), not a verb
	}
	if i > 0 && (r.toks[i-1].lower == "zu" && r.isDE() || r.toks[i-1].lower == "to" && !r.isDE()) {
		return "", -1, false // an infinitive: "zu berichten", "to say"
	}
	best, bestPart := "", -1
	for _, s := range senses {
		if s.particle == "" {
			if best == "" {
				best = s.lemma
			}
			continue
		}
		pw := strings.Fields(s.particle)
		for j := i + 1; j < limit && j < i+16 && j < len(r.toks); j++ {
			t := r.toks[j]
			if t.qmark != 0 || r.isPunct(j, ".,;:!?") || t.para != r.toks[i].para {
				break
			}
			if t.lower == pw[0] {
				return s.lemma, j, true
			}
		}
	}
	return best, bestPart, best != ""
}

// sentStart reports whether token i opens its sentence (after opening
// marks, brackets and dashes).
func (r *run) sentStart(i int) bool {
	if i == 0 {
		return true
	}
	si := r.toks[i].sent
	if r.sentFirst == nil {
		r.sentFirst = make([]int, len(r.sents))
		for k, s := range r.sents {
			j := s.first
			for j < s.last && (r.toks[j].qmark != 0 || r.isPunct(j, "(-–—")) {
				j++
			}
			r.sentFirst[k] = j
		}
	}
	return r.sentFirst[si] == i
}

// Bounds that keep the cost linear on hostile input: a single quotation
// mark looks this many tokens ahead for its closing mark, and sentences
// longer than maxSentence tokens (no real sentence is) are not searched
// for reported speech.
const (
	maxSingle   = 200
	maxSentence = 400
)

// looksAdj reports whether a lower-case word can be an attributive
// adjective (German endings; English: any lower-case word).
func (r *run) looksAdj(i int) bool {
	t := r.toks[i]
	if !t.word || t.cap || r.class(i) != "" {
		return false
	}
	if t.lex.verbs != nil {
		return false
	}
	if !r.isDE() {
		return true
	}
	for _, suf := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(t.lower, suf) {
			return true
		}
	}
	return false
}

// isName reports whether token i can be part of a name or a noun head.
func (r *run) isName(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	if !(t.cap && (t.word || t.num)) {
		return false
	}
	if c := r.class(i); c == "det" || c == "prep" || c == "pron" || c == "conj" || c == "rel" || c == "temporal" || c == "adv" {
		return false
	}
	if t.lex.verbs != nil && !r.isDE() && r.sentStart(i) {
		return false
	}
	return true
}

// isAbbrevDot reports whether token i is a dot closing an abbreviation
// ("Mr.", "U.S.").
func (r *run) isAbbrevDot(i int) bool {
	if i <= 0 || i >= len(r.toks) || r.toks[i].text != "." {
		return false
	}
	p := r.toks[i-1]
	return p.End == r.toks[i].Start && (abbrevs[p.lower] || strings.Contains(p.text, ".") || p.word && utf8.RuneCountInString(p.text) == 1)
}

// npForward returns the noun phrase starting at token i: [i, end), or
// end == i when there is none. limit bounds it.
func (r *run) npForward(i, limit int) int {
	if i >= limit || i >= len(r.toks) {
		return i
	}
	if r.class(i) == "pron" {
		return i + 1
	}
	j := i
	det := false
	if r.class(j) == "det" {
		j++
		det = true
	}
	adj := 0
	for j < limit && adj < 4 && r.looksAdj(j) && !(r.isDE() && !det) {
		j++
		adj++
	}
	h := j
	for j < limit && (r.isName(j) || r.isAbbrevDot(j) && j > h ||
		r.toks[j].qmark != 0 && j == h && j+1 < limit && r.isName(j+1) || // a quoted name: "des »Spiegel«"
		r.toks[j].qmark != 0 && j > h && !r.toks[j].space) {
		j++
	}
	if j > h && r.toks[h].qmark != 0 && !(r.toks[j-1].qmark != 0 && j-1 > h) {
		j = h // an opening mark without its closing one is not part of a name
	}
	if !r.isDE() && det && j > h {
		// a lower-case head after a name: "a Senate aide", "the White
		// House spokesman"
		for n := 0; n < 2 && j < limit && r.toks[j].word && !r.toks[j].cap && r.class(j) == "" && r.toks[j].lex.verbs == nil; n++ {
			j++
		}
	}
	if j == h {
		if !r.isDE() && det && adj > 0 {
			// English lower-case head: "the spokesman"
			return j
		}
		return i
	}
	// genitive or of-phrase: "des Ministeriums", "of the ministry"; in
	// German only after a determiner ("ein Sprecher des Ministeriums"),
	// since after a bare name "der Zeitung" is a dative addressee
	if j < limit && (det || !r.isDE()) {
		c := r.toks[j].lower
		if r.isDE() && (c == "des" || c == "der" || c == "von") || !r.isDE() && (c == "of" || c == "for" || c == "at") {
			if k := r.npForward(j+1, limit); k > j+1 {
				return k
			}
			if r.isDE() && (c == "des" || c == "der") {
				// "des ukrainischen Präsidenten": det then adjectives
				k := j + 1
				for k < limit && r.looksAdj(k) {
					k++
				}
				h2 := k
				for k < limit && r.isName(k) {
					k++
				}
				if k > h2 {
					return k
				}
			}
		}
	}
	return j
}

// npAfter finds the subject after a reporting verb: it skips adverbs,
// time words and up to two prepositional phrases. It returns [a, b) or
// a == b when none.
func (r *run) npAfter(i, limit int) (int, int) {
	pps := 0
	for i < limit {
		c := r.class(i)
		t := r.toks[i]
		switch {
		case c == "adv" || c == "temporal" || t.num || t.text == "," && false:
			i++
			continue
		case c == "prep" && pps < 2:
			pps++
			j := r.npForward(i+1, limit)
			if j == i+1 {
				// "am 25. Februar", "in Kiew"
				j = i + 1
				for j < limit && (r.toks[j].num || r.isPunct(j, ".") || r.class(j) == "temporal" || r.isName(j)) {
					j++
				}
			}
			i = j
			continue
		case c == "pron":
			if t.lower == "es" || t.lower == "it" || t.lower == "man" {
				return i, i
			}
			return i, i + 1
		}
		j := r.npForward(i, limit)
		return i, j
	}
	return i, i
}

// npBefore finds the subject before a reporting verb at i, not reaching
// before floor. It skips adverbs and auxiliaries; an NP right after a
// preposition is not a subject ("Am Mittwoch sagte ..."), nor is a noun
// phrase in a German sentence where the verb follows at the end.
func (r *run) npBefore(i, floor int) (int, int) {
	j := i - 1
	for j >= floor && (r.class(j) == "adv" || r.class(j) == "aux" || r.class(j) == "temporal" && !r.isDE()) {
		j--
	}
	if j < floor {
		return i, i
	}
	if r.class(j) == "pron" {
		if r.toks[j].lower == "es" || r.toks[j].lower == "it" || r.toks[j].lower == "man" {
			return i, i
		}
		return j, j + 1
	}
	end := j + 1
	a := end
	for a-1 >= floor && (r.isName(a-1) || r.isAbbrevDot(a-1)) {
		a--
	}
	if a == end && !r.isDE() {
		// English lower-case head: "the spokesman said", "EU diplomats
		// said", "Russia's defence ministry said", ", officials said"
		k := a
		for k-1 >= floor && end-(k-1) <= 3 && r.toks[k-1].word && !r.toks[k-1].cap && r.class(k-1) == "" {
			if r.toks[k-1].lex.verbs != nil {
				break
			}
			k--
		}
		switch {
		case k == a:
		case k-1 >= floor && r.class(k-1) == "det":
			a = k - 1
		case k-1 >= floor && (r.isName(k-1) || r.isAbbrevDot(k-1)):
			a = k - 1
			for a-1 >= floor && (r.isName(a-1) || r.isAbbrevDot(a-1)) {
				a--
			}
			if a-1 >= floor && r.class(a-1) == "det" {
				a--
			}
		case k-1 < floor || r.isPunct(k-1, ",") || r.sentStart(k):
			a = k
		}
		if a == end {
			return i, i
		}
	} else if a == end {
		return i, i
	}
	// English title words before a name: ", finance minister Rachel
	// Reeves said", "the company's chief executive Mary Barra said"
	if !r.isDE() && a < end && r.isName(a) {
		k := a
		for k-1 >= floor && a-(k-1) <= 3 && r.toks[k-1].word && !r.toks[k-1].cap && r.class(k-1) == "" {
			if r.toks[k-1].lex.verbs != nil {
				break
			}
			k--
		}
		if k < a && (k-1 < floor || r.isPunct(k-1, ",") || r.class(k-1) == "det" || r.sentStart(k)) {
			a = k
		}
	}
	// adjectives and determiner before the head; adjectives only with
	// their determiner ("der ukrainische Präsident", not "wollen Selenskyj")
	k := a
	for k-1 >= floor && r.looksAdj(k-1) && r.isDE() {
		k--
	}
	if k-1 >= floor && r.class(k-1) == "det" {
		a = k - 1
	}
	// genitive / of-chains: "Ein Sprecher des Ministeriums",
	// "a spokesman for the company"
	for a-1 >= floor {
		c := r.toks[a].lower
		p := r.toks[a-1].lower
		if r.isDE() && (c == "des" || c == "der") && r.isName(a-1) || !r.isDE() && (p == "of" || p == "for" || p == "at") {
			k := a - 1
			if !r.isDE() {
				k = a - 2
			}
			if k < floor {
				break
			}
			b := k + 1
			for k >= floor && (r.isName(k) || r.isAbbrevDot(k) || !r.isDE() && r.toks[k].word && !r.toks[k].cap && r.class(k) == "") && b-k <= 4 {
				k--
			}
			for k >= floor && r.isDE() && r.looksAdj(k) {
				k--
			}
			if k >= floor && r.class(k) == "det" {
				k--
			}
			if k+1 >= b {
				break
			}
			a = k + 1
			continue
		}
		break
	}
	if a-1 >= floor && r.class(a-1) == "prep" && r.isDE() {
		return i, i
	}
	// appositive: "Kevin Madden, a spokesman for Romney, said"
	if !r.isDE() && a-2 >= floor && r.isPunct(a-1, ",") && r.isPunct(end, ",") && r.class(a) == "det" && r.isName(a-2) {
		k := a - 2
		for k-1 >= floor && (r.isName(k-1) || r.isAbbrevDot(k-1)) {
			k--
		}
		return k, a - 1
	}
	return a, end
}

// ---- speakers ------------------------------------------------------------

// entityIn returns the first entity mention inside tokens [a, b).
func (r *run) entityIn(a, b int) *mention {
	if b <= a {
		return nil
	}
	s, e := r.toks[a].Start, r.toks[b-1].End
	k := sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].End > s })
	var best *mention
	for ; k < len(r.mentions) && r.mentions[k].Start < e; k++ {
		m := &r.mentions[k]
		if m.End <= s {
			continue
		}
		if best == nil || mentionRank(m) > mentionRank(best) {
			best = m
		}
	}
	return best
}

// mentionRank orders the mentions of a speaker phrase: names of persons
// first, then organisations, then other names; derived words
// ("ukrainischen") and pronouns last.
func mentionRank(m *mention) int {
	n := 0
	switch m.kind {
	case doc.MentionDerived, doc.MentionPronoun:
		n = 0
	case doc.MentionRole, doc.MentionMetonym:
		n = 10
	default:
		n = 20
	}
	switch m.typ {
	case "PER":
		n += 3
	case "ORG":
		n += 2
	case "MISC", "OTH":
	default:
		n++
	}
	return n
}

// entityNamed returns the id of an entity with a name mention whose last
// word is the last name-like word of tokens [a, b): "Selenskyj" finds
// the entity of "Wolodymyr Selenskyj" when no mention covers the phrase
// (a stand-in for linking when mentions were missed).
func (r *run) entityNamed(a, b int) string {
	last := ""
	for k := b - 1; k >= a; k-- {
		if r.isName(k) {
			last = r.toks[k].text
			break
		}
	}
	if last == "" {
		return ""
	}
	best := ""
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.kind != doc.MentionName && m.kind != doc.MentionAlias && m.kind != "" {
			continue
		}
		t := r.text[m.Start:m.End]
		if t == last || strings.HasSuffix(t, " "+last) {
			if best == "" || m.typ == "PER" {
				best = m.id
			}
			if m.typ == "PER" {
				break
			}
		}
	}
	return best
}

// speaker resolves the noun phrase [a, b) to an entity id.
func (r *run) speaker(a, b int) string {
	if b <= a {
		return ""
	}
	if m := r.entityIn(a, b); m != nil && mentionRank(m) >= 10 {
		return m.id
	}
	if id := r.entityNamed(a, b); id != "" {
		return id
	}
	if m := r.entityIn(a, b); m != nil && m.kind != doc.MentionDerived {
		return m.id
	}
	if id := r.institution(a, b); id != "" {
		return id
	}
	if b-a == 1 && r.class(a) == "pron" {
		return r.resolvePronoun(a, nil, nil)
	}
	return ""
}

// resolvePronoun finds the entity a speaker pronoun at token p refers to:
// through the resolver when there is one; else the speaker of a statement
// in one of the two preceding sentences, or the person or organisation
// named first in such a sentence; else the last speaker; else the nearest
// preceding person.
func (r *run) resolvePronoun(p int, self, last *found) string {
	id := r.resolveRef(p, self, last)
	if self != nil && self.defType != "" && id != "" && !r.hasType(id, self.defType) {
		// "X will meet Y, the ministry said": a description of an
		// institution never refers back to a person, nor the reverse
		return ""
	}
	return id
}

// hasType reports whether entity id has a mention of type t (ORG accepts
// a place standing for its government).
func (r *run) hasType(id, t string) bool {
	for _, m := range r.mentions {
		if m.id == id {
			return m.typ == t || t == "ORG" && m.typ == "LOC"
		}
	}
	return false
}

// defHead is the head word of a definite description ending at token k:
// the word itself or the last part of a hyphenated compound.
func (r *run) defHead(k int) string {
	head := r.toks[k].lower
	if i := strings.LastIndexByte(head, '-'); i >= 0 {
		head = head[i+1:]
	}
	return head
}

func (r *run) resolveRef(p int, self, last *found) string {
	if r.x.resolver != nil {
		if id := r.x.resolver.ResolvePronoun(r.d, r.toks[p].Start); id != "" {
			return id
		}
	}
	cur := r.toks[p].sent
	first := cur - 1
	if self != nil && (self.pronDef || self.kind == Direct && self.cueLemma == "") {
		// "GM will recall trucks, the company said"; "Schmidt äußerte
		// sich. „…“" in one sentence
		first = cur
	}
	for s := first; s >= 0 && s >= cur-2; s-- {
		for _, g := range r.bySent[s] {
			if g != self && g.speaker != "" {
				return g.speaker
			}
		}
		st := r.sents[s]
		// a person or organisation named early in the sentence, else an
		// institution named by a derived adjective ("der ungarischen
		// Regierung")
		for pass := 0; pass < 2; pass++ {
			n := 0
			for k := st.first; k < st.last && k < p && n < 12; k++ {
				if r.segOf[k] >= 0 || r.used[k] && s != cur {
					continue
				}
				n++
				if m := r.entityIn(k, k+1); pass == 0 && m != nil && (m.typ == "PER" || m.typ == "ORG") && mentionRank(m) >= 10 {
					return m.id
				}
				if id := r.institution(k, min(k+3, st.last)); pass == 1 && id != "" && k > st.first && r.class(k-1) == "det" {
					return id
				}
			}
		}
	}
	at := r.toks[p].Start
	if f := r.recent(last, at); f != nil && f != self && f.speaker != "" {
		return f.speaker
	}
	// the nearest preceding person, among the last few mentions
	k := sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].End > at })
	for n := 0; k > 0 && n < 50; n++ {
		k--
		if r.mentions[k].typ == "PER" {
			return r.mentions[k].id
		}
	}
	return ""
}

// recent returns the statement last — the last attributed one before
// offset at — when it lies within the three preceding paragraphs.
func (r *run) recent(last *found, at int) *found {
	if last == nil {
		return nil
	}
	if p := r.paraAt(at); p-r.paraAt(last.content.Start) > 3 {
		return nil
	}
	return last
}

// attributed reports whether a statement has a speaker or speaker words.
func (f *found) attributed() bool { return f.speaker != "" || f.speakerNP.End > f.speakerNP.Start }

func (r *run) paraAt(at int) int {
	return sort.Search(len(r.paras), func(i int) bool { return r.paras[i].End >= at })
}

func (r *run) span(a, b int) doc.Span {
	if b <= a || a < 0 || b > len(r.toks) {
		return doc.Span{}
	}
	return doc.Span{Start: r.toks[a].Start, End: r.toks[b-1].End}
}

// attr is an attribution found around a statement.
type attr struct {
	cue, part int // token of the verb or cue word, particle token or -1
	cueEnd    int // exclusive end token of the cue phrase
	lemma     string
	npA, npB  int
	clauseA   int
	clauseB   int
	phrase    bool // a cue phrase ("nach Angaben der Bank"): its source is new, not a back-reference
}

func (r *run) fill(f *found, a *attr) {
	f.cue = r.span(a.cue, a.cueEnd)
	f.cueLemma = a.lemma
	f.cueParts = append(f.cueParts, f.cue)
	if a.part >= 0 {
		f.cueParts = append(f.cueParts, r.span(a.part, a.part+1))
	}
	f.pron = -1
	if a.npB > a.npA {
		f.speakerNP = r.span(a.npA, a.npB)
		if a.npB-a.npA == 1 && r.class(a.npA) == "pron" {
			if m := r.entityIn(a.npA, a.npB); m != nil {
				f.speaker = m.id // the linker resolved it ("sagte er")
			} else {
				f.pron = a.npA // resolved in document order, see continuations
			}
		} else {
			f.speaker = r.speaker(a.npA, a.npB)
			if f.speaker == "" && !a.phrase && r.definite(a.npA, a.npB) {
				// "sagte der CSU-Politiker", "the company said": a definite
				// description refers back like a pronoun
				f.pron, f.pronDef = a.npA, true
				f.defType = r.lex.anaphorType[r.defHead(a.npB-1)]
			}
		}
	}
	if f.speaker == "" && f.pron < 0 {
		// "hieß es in einer Erklärung des Verbandes": the source named in
		// the rest of the attribution
		if m := r.entityIn(a.cueEnd, a.clauseB); m != nil && (m.typ == "PER" || m.typ == "ORG") && mentionRank(m) >= 10 {
			f.speaker = m.id
			if f.speakerNP.End <= f.speakerNP.Start {
				f.speakerNP = m.Span
			}
		}
	}
	f.clause = r.span(a.clauseA, a.clauseB)
	for k := a.clauseA; k < a.clauseB && k < len(r.used); k++ {
		r.used[k] = true
	}
	if s := r.toks[max(a.clauseB-1, a.clauseA)].sent; s > f.sentLast {
		f.sentLast = s
	}
}

// definite reports whether tokens [a, b) are a definite description
// without a name: a definite article, adjectives and one noun ("der
// CSU-Politiker", "the company").
func (r *run) definite(a, b int) bool {
	if b-a < 2 || b-a > 4 {
		return false
	}
	switch r.toks[a].lower {
	case "der", "die", "das", "the":
	default:
		return false
	}
	caps := 0
	for k := a + 1; k < b; k++ {
		if r.toks[k].cap {
			caps++
		}
	}
	if r.isDE() && !(caps == 1 && r.toks[b-1].cap) || !r.isDE() && caps != 0 {
		return false
	}
	// only heads that refer back: "der CSU-Politiker", "der Konzern",
	// "the company"; not "die Opposition", which is new
	// the head itself, or the last part of a hyphenated compound
	// ("CSU-Politiker"); a closed compound ("Hauptverband", "Weltbank") is
	// a name of its own
	head := r.toks[b-1].lower
	if k := strings.LastIndexByte(head, '-'); k >= 0 {
		head = head[k+1:]
	}
	for _, a := range r.lex.anaphors {
		if head == a {
			return true
		}
	}
	return false
}

// institution returns, for a noun phrase naming an institution by a
// derived adjective ("das russische Verteidigungsministerium", "der
// ungarischen Regierung", "Russia's defence ministry"), the entity of the
// place it is derived from: the country speaks, as the linker treats
// "Moskau" and "der Kreml" as metonyms of Russia.
func (r *run) institution(a, b int) string {
	for k := a; k < b; k++ {
		m := r.entityIn(k, k+1)
		if m == nil || m.typ != "LOC" && m.typ != "ORG" {
			continue
		}
		if m.kind == doc.MentionDerived && k+1 < b && (r.toks[k+1].cap || r.isDE() && r.looksAdj(k+1)) {
			return m.id
		}
		if !r.isDE() && (strings.HasSuffix(r.toks[k].text, "'s") || strings.HasSuffix(r.toks[k].text, "’s") || k+1 < b && (r.toks[k+1].text == "'s" || r.toks[k+1].text == "’s")) {
			return m.id // "Ukraine's air force"
		}
	}
	return ""
}
