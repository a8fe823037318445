package event

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/fold"
	"github.com/dateline/dateline/lang"
)

// word is a word of a sentence: a run of letters and digits. Hyphens and
// apostrophes split words ("US-Vertreter" is "US", "Vertreter";
// "Russia's" is "Russia", "s"; "didn't" is "did", "not").
type word struct {
	start, end int
	low        string
	cap        bool
	clause     int
}

// ment is an entity mention inside a sentence.
type ment struct {
	start, end  int
	first, last int // word indexes
	ent         string
	typ         string
	kind        string
	gov         string // class of what governs it: "", with, between, target, agent, place, other, gen
	stop        int    // index of the word that decided gov, -1 if none
	poss        bool   // followed by a possessive 's
	modifier    bool   // a derived mention modifying the name after it
	excluded    bool   // inside a source phrase or an issue; not a participant
	agency      bool   // a news agency: a source, never a participant
}

// sent is a sentence being analysed.
type sent struct {
	idx   int
	span  doc.Span
	words []word
	ments []ment
	cues  map[string][][]int // class -> matches (word indexes)
	trigs []trigCand         // trigger patterns whose first part matches a word
}

// cand is an event in the making.
type cand struct {
	doc.Event
	sent        int
	clause      int
	ti          int    // trigger word index in the sentence
	pos         string // part of speech of the trigger
	local       bool   // its noun phrase names participants or a format (so it is not a back-reference)
	def         bool   // definite determiner before a noun trigger
	dropped     bool
	inFrame     bool            // trigger in the clause of a reporting verb
	status      map[string]bool // status cue classes assigned to this trigger
	needTwo     bool            // an event only between two parties ("met")
	ownNP       bool            // the actor must be named in the trigger's own phrase
	adjSubj     bool            // the actor must stand right before the trigger
	withPartner bool            // a "mit"/"with" phrase names a partner of the noun
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isASCIIWord is isWordRune for an ASCII byte.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isClauseBreak(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch r {
	case ',', ';', ':', '"', '„', '“', '”', '»', '«', '–', '—', '?', '!':
		return true
	case '-':
		// a dash between spaces
		return i > 0 && i+1 < len(text) && text[i-1] == ' ' && text[i+1] == ' '
	}
	return false
}

// splitWords finds the words of text[s.Start:s.End].
func splitWords(text string, s doc.Span, subord map[string]bool) []word {
	var sp splitter
	return sp.split(text, s, subord)
}

// splitter splits sentences into words, reusing its buffers from one
// sentence to the next. The lower-case forms of a sentence's words share
// one string.
type splitter struct {
	lower  []byte // the words in lower case, one after the other
	lowEnd []int  // end of each word's lower-case form in lower
}

// split finds the words of text[s.Start:s.End].
func (sp *splitter) split(text string, s doc.Span, subord map[string]bool) []word {
	out := make([]word, 0, (s.End-s.Start)/6+1)
	lower, lowEnd := sp.lower[:0], sp.lowEnd[:0]
	clause := 0
	i := s.Start
	for i < s.End {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if isClauseBreak(text, i) {
				clause++
			}
			// didn't: "n" + "'t" -> "not"
			if (r == '\'' || r == '’') && i+size < s.End && (text[i+size] == 't' || text[i+size] == 'T') &&
				(i+size+1 >= s.End || !isWordRune(rune(text[i+size+1]))) && len(out) > 0 {
				w := &out[len(out)-1]
				low := lower[lowStart(lowEnd, len(out)-1):]
				if w.end == i && len(low) > 2 && low[len(low)-1] == 'n' {
					w.end--
					lower = lower[:len(lower)-1]
					lowEnd[len(out)-1]--
					out = append(out, word{start: i - 1, end: i + size + 1, clause: clause})
					lower = append(lower, "not"...)
					lowEnd = append(lowEnd, len(lower))
					i += size + 1
					continue
				}
			}
			i += size
			continue
		}
		j := i
		for j < s.End {
			if c := text[j]; c < utf8.RuneSelf {
				if !isASCIIWord(c) {
					break
				}
				j++
				continue
			}
			r2, n := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				// keep dots inside abbreviations like "U.S." out: split
				break
			}
			j += n
		}
		a := len(lower)
		lower = fold.AppendLower(lower, text[i:j])
		if subord[string(lower[a:])] && len(out) > 0 {
			clause++ // "said that ...": a new clause without a comma
		}
		out = append(out, word{start: i, end: j, cap: unicode.IsUpper(r), clause: clause})
		lowEnd = append(lowEnd, len(lower))
		i = j
	}
	all := string(lower)
	for k := range out {
		out[k].low = all[lowStart(lowEnd, k):lowEnd[k]]
	}
	sp.lower, sp.lowEnd = lower, lowEnd
	return out
}

// lowStart returns where the lower-case form of word k starts.
func lowStart(lowEnd []int, k int) int {
	if k == 0 {
		return 0
	}
	return lowEnd[k-1]
}

// extractor holds the state of one document's analysis.
type extractor struct {
	d     *doc.Document
	data  *Data
	sents []*sent
	cands []*cand
	// lastSpeaker is the most recent source or speaker, for reported
	// speech in the sentences that follow.
	lastSpeaker string
	docDate     time.Time
	split       splitter
}

func (x *extractor) run() {
	d := x.d
	if d.Dateline != nil && !d.Dateline.Date.IsZero() {
		x.docDate = d.Dateline.Date
	} else {
		x.docDate = d.Date
	}
	type rawMent struct {
		doc.Span
		ent, typ, kind string
	}
	var all []rawMent
	for _, e := range d.Entities {
		switch e.Type {
		case "PER", "ORG", "LOC":
		default:
			continue
		}
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(d.Text)) || m.Len() == 0 {
				continue
			}
			if m.Kind == doc.MentionPronoun && m.Confidence < 0.9 {
				continue
			}
			if m.Confidence > 0 && m.Confidence < 0.5 {
				continue
			}
			all = append(all, rawMent{m.Span, e.ID, e.Type, m.Kind})
		}
	}
	// a total order, so equal spans give the same result on every run
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		if a.ent != b.ent {
			return a.ent < b.ent
		}
		return a.kind < b.kind
	})
	for si, s := range d.Sentences {
		if !s.Span.Valid(len(d.Text)) {
			continue
		}
		st := &sent{idx: si, span: s.Span, words: x.split.split(d.Text, s.Span, x.data.single["subord"])}
		if len(st.words) == 0 {
			continue
		}
		// mentions in the sentence, longest first on overlap
		lo := sort.Search(len(all), func(i int) bool { return all[i].Start >= s.Start })
		var in []rawMent
		for k := lo; k < len(all) && all[k].Start < s.End; k++ {
			if all[k].End <= s.End {
				in = append(in, all[k])
			}
		}
		sort.SliceStable(in, func(i, j int) bool { return in[i].Len() > in[j].Len() })
		var kept []rawMent
		for _, m := range in {
			ok := true
			for _, k := range kept {
				if m.Start < k.End && k.Start < m.End {
					ok = false
					break
				}
			}
			if ok {
				kept = append(kept, m)
			}
		}
		sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
		for _, m := range kept {
			first, last := -1, -1
			for wi, w := range st.words {
				if w.end > m.Start && w.start < m.End {
					if first < 0 {
						first = wi
					}
					last = wi
				}
			}
			if first < 0 {
				continue
			}
			mm := ment{start: m.Start, end: m.End, first: first, last: last, ent: m.ent, typ: m.typ, kind: m.kind, stop: -1}
			if last+1 < len(st.words) && st.words[last+1].low == "s" && st.words[last+1].start > st.words[last].end {
				sep := strings.TrimSpace(d.Text[st.words[last].end:st.words[last+1].start])
				mm.poss = sep == "'" || sep == "’"
			}
			st.ments = append(st.ments, mm)
		}
		st.cues, st.trigs = x.data.scan(st.words)
		x.markModifiers(st)
		x.markFragments(st)
		for k := range st.ments {
			if agencies()[d.Text[st.ments[k].start:st.ments[k].end]] {
				st.ments[k].agency = true // reports, never takes part
			}
		}
		for mi := range st.ments {
			x.govern(st, mi)
			if m := &st.ments[mi]; m.poss && !x.data.adjLower && m.gov == "" && !x.stateNounAfter(st, m.last+2) {
				// "South Africa's largest labour federation criticised":
				// a possessive names whose, not who
				m.gov, m.stop = "gen", m.last+1
			}
		}
		x.sents = append(x.sents, st)
	}
	for _, st := range x.sents {
		x.sentence(st)
	}
	x.finish()
}

// clauseEnd returns the index after the last word of the clause of word i.
func clauseEnd(ws []word, i int) int {
	c := ws[i].clause
	j := i
	for j < len(ws) && ws[j].clause == c {
		j++
	}
	return j
}

func clauseStart(ws []word, i int) int {
	c := ws[i].clause
	j := i
	for j > 0 && ws[j-1].clause == c {
		j--
	}
	return j
}

// mentAt returns the index of the mention covering word wi, or -1.
func (st *sent) mentAt(wi int) int {
	for k, m := range st.ments {
		if m.first <= wi && wi <= m.last {
			return k
		}
	}
	return -1
}

// isStructural reports whether lower-case w is a single-word cue of any of
// the structural classes.
func (x *extractor) isStructural(w string) bool { return x.data.structural[w] }

// isAdj reports whether w looks like an inflected adjective or participle
// (German: lower case, ending -e, -en, -er, -es, -em).
func (x *extractor) isAdj(w word) bool {
	if !x.data.adjLower || w.cap || x.isStructural(w.low) {
		return false
	}
	for _, suf := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(w.low, suf) {
			return true
		}
	}
	return false
}

// isNoun reports whether word wi looks like a common noun or title: capitalised
// inside the sentence (German nouns, English titles) and not a name.
func (x *extractor) isNoun(st *sent, wi int) bool {
	w := st.words[wi]
	if x.data.is("title", w.low) {
		return true
	}
	if !w.cap || wi == 0 || x.isStructural(w.low) {
		return false
	}
	// after a clause break or a quote the capital may start a sentence part
	if st.words[wi-1].clause != w.clause && !x.data.adjLower {
		return false
	}
	return st.mentAt(wi) < 0
}

// markFragments excludes a place or organisation name that touches a
// person's name or role with nothing but a space between ("US-Präsident
// Donald Trump" where "Donald" was taken for a place): such a split name
// is not a participant of its own.
func (x *extractor) markFragments(st *sent) {
	for k := range st.ments {
		m := &st.ments[k]
		// "Hans Jörg Schelling (ÖVP)", "Naturschutzbund (ÖNB)": a name in
		// brackets right after another is an apposition
		if k > 0 {
			if between := strings.TrimSpace(x.d.Text[st.ments[k-1].end:m.start]); between == "(" && st.ments[k-1].end <= m.start {
				m.excluded = true
			}
		}
		// the dateline's place is no participant
		if dl := x.d.Dateline; dl != nil && m.start >= dl.Start && m.end <= dl.End {
			m.excluded = true
		}
		if m.typ == "PER" || m.kind == doc.MentionDerived {
			continue
		}
		for _, k2 := range []int{k - 1, k + 1} {
			if k2 < 0 || k2 >= len(st.ments) {
				continue
			}
			n := st.ments[k2]
			if n.typ != "PER" || n.ent == m.ent || n.kind == doc.MentionDerived {
				continue
			}
			a, b := n, *m
			if k2 > k {
				a, b = *m, n
			}
			if strings.TrimSpace(x.d.Text[a.end:b.start]) == "" && b.start-a.end <= 1 {
				m.excluded = true
			}
		}
	}
}

// markModifiers flags derived mentions ("russische", "US-") that modify
// the name of a person after them ("der russische Gesandte Kirill
// Dmitrijew"): the person takes part, not the country.
func (x *extractor) markModifiers(st *sent) {
	for k := range st.ments {
		m := &st.ments[k]
		if m.typ == "PER" || k+1 >= len(st.ments) {
			continue
		}
		n := st.ments[k+1]
		if n.kind == doc.MentionDerived || n.kind == doc.MentionPronoun {
			continue
		}
		gap := n.first - m.last - 1
		if gap < 0 || gap > 3 || m.kind != doc.MentionDerived && (gap == 0 || n.typ != "PER") {
			// a name (not an adjective) modifies only a person it is
			// joined to by a title: "Nordkoreas Machthaber Kim Jong-un"
			continue
		}
		ok := true
		for wi := m.last + 1; wi < n.first; wi++ {
			w := st.words[wi]
			// English titles may carry lower-case nouns before them: "EU
			// trade chief Maros Sefcovic"
			plain := !x.data.adjLower && !w.cap && !x.isStructural(w.low) && x.data.is("title", st.words[n.first-1].low)
			if w.clause != m.clauseOf(st) || !(x.isNoun(st, wi) || x.isAdj(w) || x.data.is("title", w.low) || plain) {
				ok = false
			}
		}
		if st.words[n.first].clause != st.words[m.last].clause {
			ok = false
		}
		m.modifier = ok
	}
}

func (m ment) clauseOf(st *sent) int { return st.words[m.first].clause }

// govern finds what governs mention mi: the preposition before it (past
// determiners, adjectives, titles and modifiers), a genitive determiner
// after a noun, or nothing (a free name: subject or object).
func (x *extractor) govern(st *sent, mi int) {
	m := &st.ments[mi]
	c := m.clauseOf(st)
	if x.data.adjLower && m.kind == doc.MentionName && strings.HasSuffix(st.words[m.last].low, "s") && m.last+1 < len(st.words) &&
		st.words[m.last+1].clause == c && st.mentAt(m.last+1) < 0 && x.isNoun(st, m.last+1) && !x.data.is("title", st.words[m.last+1].low) &&
		!(m.first > 0 && x.isNoun(st, m.first-1)) {
		// "Iglesias Forderung", "Putins Krieg": a genitive before its noun
		// (not after one: "mit Unterstützung Großbritanniens Luftangriffe")
		m.poss = true
		m.gov, m.stop = "gen", m.last+1
		return
	}
	sawDet, sawGenDet, sawAdjOrDet := false, false, false
	for j := m.first - 1; j >= 0 && st.words[j].clause == c; j-- {
		w := st.words[j]
		if k := st.mentAt(j); k >= 0 {
			if st.ments[k].modifier {
				j = st.ments[k].first
				continue
			}
			m.stop = j
			return
		}
		low := w.low
		switch {
		case x.data.is("det", low):
			sawDet, sawAdjOrDet = true, true
			if low == "des" || low == "der" || low == "eines" || low == "einer" {
				sawGenDet = true
			}
			continue
		case x.data.is("and", low):
			// coordination: share the governor of the name before
			for k := mi - 1; k >= 0; k-- {
				if st.ments[k].last < j && !st.ments[k].modifier {
					if st.ments[k].clauseOf(st) == c {
						m.gov, m.stop = st.ments[k].gov, st.ments[k].stop
					}
					return
				}
			}
			m.stop = j
			return
		}
		for _, cl := range []string{"with", "between", "target", "agent", "place", "gen", "other"} {
			if x.data.is(cl, low) {
				m.gov, m.stop = cl, j
				return
			}
		}
		if x.isAdj(w) {
			sawAdjOrDet = true
			continue
		}
		if x.isNoun(st, j) {
			if sawDet {
				if sawGenDet {
					m.gov = "gen"
				}
				m.stop = j
				return
			}
			if !sawAdjOrDet {
				continue // a title right before the name
			}
		}
		m.stop = j
		return
	}
}

// sentence finds the events of one sentence.
func (x *extractor) sentence(st *sent) {
	d := x.d
	ws := st.words
	// Sources: adverbial cues apply to the whole sentence.
	var source string
	for _, class := range []string{"source-after", "source-before"} {
		for _, idx := range st.cues[class] {
			first, last := idx[0], idx[len(idx)-1]
			if class == "source-after" {
				for k := range st.ments {
					m := &st.ments[k]
					if m.first > last && m.first-last <= 8 && m.clauseOf(st) == ws[last].clause && !m.modifier && (m.typ == "PER" || m.typ == "ORG" || m.kind != doc.MentionDerived) {
						source = m.ent
						end := m.last
						// the source's name may follow its role: "des
						// Präsidenten Wolodymyr Selenskyj"
						for k2 := k + 1; k2 < len(st.ments) && st.ments[k2].ent == m.ent && st.ments[k2].first-end <= 2; k2++ {
							end = st.ments[k2].last
						}
						for k2 := range st.ments {
							if st.ments[k2].first >= first && st.ments[k2].last <= end {
								st.ments[k2].excluded = true
							}
						}
						break
					}
				}
			} else {
				for k := len(st.ments) - 1; k >= 0; k-- {
					m := &st.ments[k]
					if m.last < first && first-m.last <= 6 && m.clauseOf(st) == ws[first].clause && !m.modifier {
						source = m.ent
						for k2 := range st.ments {
							if st.ments[k2].first >= m.first-3 && st.ments[k2].last < first {
								st.ments[k2].excluded = true
							}
						}
						break
					}
				}
			}
			if source != "" {
				break
			}
		}
		if source != "" {
			break
		}
	}
	// Reporting verbs: the speaker next to the verb.
	frameClause, frameVerb, speaker, speakerBefore := -1, -1, "", false
	for _, idx := range st.cues["report"] {
		v := idx[0]
		c := ws[v].clause
		sp := -1
		// a name right before the verb speaks ("Peskov said"); else the
		// name after it ("sagte Selenskyj", "teilte der Rat mit")
		for k := len(st.ments) - 1; k >= 0; k-- {
			m := st.ments[k]
			if m.clauseOf(st) == c && !m.modifier && m.last == v-1 {
				sp = k
				speakerBefore = true
				break
			}
		}
		for k, m := range st.ments {
			if sp >= 0 {
				break
			}
			if m.clauseOf(st) != c || m.modifier || (m.typ != "PER" && m.typ != "ORG" && m.kind == doc.MentionDerived) {
				continue
			}
			if m.first > v && m.first-v <= 4 {
				sp = k
				break
			}
		}
		if sp < 0 {
			for k := len(st.ments) - 1; k >= 0; k-- {
				m := st.ments[k]
				if m.clauseOf(st) == c && !m.modifier && m.last < v && v-m.last <= 3 {
					sp = k
					speakerBefore = true
					break
				}
			}
		}
		if sp >= 0 {
			frameClause, frameVerb, speaker = c, v, st.ments[sp].ent
			// only a verb taking a bare clause has its content in its own
			// clause ("Peskov said Russia would ..."); "Deutschland sagte
			// der Ukraine Hilfe zu" is no report
			clauseVerb := false
			for _, rc := range st.cues["report-clause"] {
				if rc[0] == v {
					clauseVerb = true
				}
			}
			if clauseVerb && v+1 < len(ws) && ws[v+1].clause == c && (x.data.is("other", ws[v+1].low) || x.data.is("place", ws[v+1].low) || x.data.is("with", ws[v+1].low)) {
				// "Zelenskiy said after a phone call with Trump": a
				// preposition, not a clause, follows the verb
				clauseVerb = false
			}
			if speakerBefore && !clauseVerb {
				frameClause, frameVerb, speaker, speakerBefore = -1, -1, "", false
				continue
			}
			break
		}
	}
	// Quotes: the speaker of reported speech.
	quoteSpeaker := func(pos int) string {
		for _, q := range d.Quotes {
			if q.Speaker != "" && q.Start <= pos && pos < q.End {
				return q.Speaker
			}
		}
		return ""
	}
	// Triggers.
	var cs []*cand
	trigs := x.findTriggers(st)
	// "hours after Pyongyang threatened": a name governed by a
	// conjunction-like preposition and followed by a verb trigger is its
	// subject
	for _, tr := range trigs {
		if tr.p.pos != posVerb {
			continue
		}
		for k := range st.ments {
			m := &st.ments[k]
			if m.last+1 == tr.idx[0] && m.stop >= 0 && x.data.is("conj", ws[m.stop].low) {
				m.gov = ""
			}
		}
	}
	inInterview := func(wi int) bool {
		for _, idx := range st.cues["interview"] {
			if idx[0] <= wi && wi <= idx[len(idx)-1] {
				return true
			}
		}
		return false
	}
	for _, tr := range trigs {
		wi := tr.idx[0]
		if inInterview(wi) {
			continue // "sagte er im Gespräch mit der APA"
		}
		blockedCue := false
		for _, idx := range st.cues["block"] {
			if idx[0] == wi {
				blockedCue = true // "traf ... ein", "in die Kritik geraten"
			}
		}
		if blockedCue {
			continue
		}
		c := &cand{sent: st.idx, clause: ws[wi].clause, ti: wi, pos: tr.p.pos}
		switch c.pos {
		case posVerb2:
			c.pos, c.needTwo = posVerb, true
		case posNounOwn:
			c.pos, c.ownNP = posNoun, true
		case posVerbAdj:
			c.pos, c.adjSubj = posVerb, true
		}
		if c.pos == posVerb && wi > 0 && x.data.is("det", ws[wi-1].low) && !x.data.adjLower && (strings.HasSuffix(ws[wi].low, "ed") || strings.HasSuffix(ws[wi].low, "ing")) {
			continue // "an agreed surcharge": a participle used as an adjective
		}
		if c.pos == posVerb && wi > 0 && x.data.is("det", ws[wi-1].low) {
			c.pos = posNoun // "the demand": a verb's form used as a noun
		}
		if c.pos == posVerb && !x.data.adjLower && len(tr.p.parts) == 1 && x.adjectival(st, wi) {
			continue // "threatened trade sanctions", "negotiating leverage"
		}
		if c.pos == posVerb && !x.data.adjLower && wi > 0 {
			if k := st.mentAt(wi - 1); k >= 0 && st.ments[k].kind == doc.MentionDerived {
				c.pos = posNoun // "U.S. demands"
			}
			if wi > 1 && ws[wi-1].low == "s" {
				if k := st.mentAt(wi - 2); k >= 0 && st.ments[k].poss {
					c.pos = posNoun // "Russia's demand"
				}
			}
		}
		c.Type, c.Mode = tr.p.typ, tr.p.mode
		c.Trigger = doc.Span{Start: ws[wi].start, End: ws[wi].end}
		c.Evidence = st.span
		c.inFrame = ws[wi].clause == frameClause && !(speakerBefore && wi > frameVerb)
		cs = append(cs, c)
	}
	x.assignStatus(st, cs)
	// Content after "X said" in the same clause: names before the verb are
	// the frame, not participants.
	for _, c := range cs {
		x.build(st, c, cs, frameClause, frameVerb, speakerBefore)
	}
	// An event word that is the issue of another event ("Israel lehnt
	// Verhandlungen mit der Hisbollah ab") is not an event of its own.
	for _, c := range cs {
		for _, o := range cs {
			if o != c && o.About != nil && (c.pos == posNoun || c.pos == posCoref) &&
				o.About.Start <= c.Trigger.Start && c.Trigger.End <= o.About.End {
				c.dropped = true
			}
		}
	}
	var prev *cand
	for _, c := range cs {
		if c.dropped {
			continue
		}
		// source
		switch {
		case quoteSpeaker(c.Trigger.Start) != "":
			c.Source = quoteSpeaker(c.Trigger.Start)
		case source != "":
			c.Source = source
		case speaker != "" && !c.inFrame:
			c.Source = speaker
		case x.reported(st, c) && x.lastSpeaker != "":
			c.Source = x.lastSpeaker
		}
		// anaphoric object: "..., was die Ukraine ablehnt"
		if prev != nil && isDirected(c.Type) && roleOf(c.Participants, "target") == "" {
			for _, idx := range st.cues["anaphor"] {
				if idx[0] < c.ti && ws[idx[0]].clause == c.clause {
					if a := roleOf(prev.Participants, "actor"); a != "" && a != roleOf(c.Participants, "actor") {
						c.Participants = append(c.Participants, doc.Participant{Entity: a, Role: "target"})
					}
					if c.About == nil && prev.About != nil {
						ab := *prev.About
						c.About = &ab
					}
					break
				}
			}
		}
		prev = c
	}
	if source != "" {
		x.lastSpeaker = source
	} else if speaker != "" {
		x.lastSpeaker = speaker
	}
	for _, q := range d.Quotes {
		if q.Speaker != "" && q.Start < st.span.End && q.End > st.span.Start {
			x.lastSpeaker = q.Speaker
		}
	}
	var touched []*cand
	for _, c := range cs {
		if c.dropped {
			continue
		}
		if ante := x.corefer(c); ante != nil {
			touched = append(touched, ante)
			continue
		}
		if c.pos == posCoref {
			continue
		}
		x.cands = append(x.cands, c)
		touched = append(touched, c)
	}
	x.confirmation(st, touched)
}

// corefer links a back-reference ("An dem Telefonat nahmen auch ... teil",
// "the talks") to the latest earlier event of its type within a few
// sentences, adding the names of a joining clause, and returns it; nil
// when c is an event of its own.
func (x *extractor) corefer(c *cand) *cand {
	if !(c.def && !c.local && (c.pos == posNoun || c.pos == posCoref) || c.pos == posCoref) {
		return nil
	}
	var ante *cand
	for k := len(x.cands) - 1; k >= 0; k-- {
		o := x.cands[k]
		if o.Type == c.Type && compatibleModes(o.Mode, c.Mode) && c.sent-o.sent <= 8 && o.sent < c.sent {
			ante = o
			break
		}
	}
	if ante == nil {
		return nil
	}
	changed := false
	if x.participates(c) {
		for _, p := range c.Participants {
			if p.Role != "mediator" {
				n := len(ante.Participants)
				ante.Participants = addPart(ante.Participants, p.Entity, "participant")
				changed = changed || len(ante.Participants) > n
			}
		}
	}
	for _, p := range c.Participants {
		if p.Role == "mediator" {
			ante.Participants = addPart(ante.Participants, p.Entity, "mediator")
			if ante.Format == "" {
				ante.Format = "mediated"
			}
			changed = true
		}
	}
	if ante.Place == "" && c.Place != "" {
		ante.Place = c.Place
		changed = true
	}
	if changed && ante.Evidence.End < c.Evidence.End {
		ante.Evidence.End = c.Evidence.End
	}
	return ante
}

// compatibleModes reports whether a back-reference of mode b may refer to
// an event of mode a: equal, unset, or talks and meeting (one word often
// stands for the other).
func compatibleModes(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	tm := func(m string) bool { return m == "talks" || m == "meeting" }
	return tm(a) && tm(b)
}

// statusClasses are the cue classes that set an event's status, by priority.
var statusClasses = []string{"negated", "hypothetical", "expected", "planned", "ongoing"}

// assignStatus gives each status cue to the trigger it speaks of: the
// triggers inside a cue with a gap ("wird ... erwartet"), else the nearest
// trigger of its clause ("die geplanten Gespräche", "will meet"). A German
// participle cue before a noun that is no trigger ("die geplanten
// Lieferungen") modifies that noun and is ignored.
func (x *extractor) assignStatus(st *sent, cs []*cand) {
	ws := st.words
	for _, c := range cs {
		c.status = map[string]bool{}
	}
	isTrig := func(wi int) bool {
		for _, c := range cs {
			if c.ti == wi {
				return true
			}
		}
		return false
	}
	for _, class := range statusClasses {
		for _, idx := range st.cues[class] {
			first, last := idx[0], idx[len(idx)-1]
			cl := ws[first].clause
			if len(idx) == 1 && x.isAdj(ws[first]) {
				skip := false
				for j := first + 1; j < len(ws) && j <= first+3 && ws[j].clause == cl; j++ {
					if ws[j].cap {
						skip = !isTrig(j)
						break
					}
				}
				if skip {
					continue
				}
			}
			var inside []*cand
			if last-first >= len(idx) {
				for _, c := range cs {
					if c.clause == cl && c.ti > first && c.ti < last {
						inside = append(inside, c)
					}
				}
			}
			if len(inside) > 0 {
				for _, c := range inside {
					c.status[class] = true
				}
				continue
			}
			var best *cand
			bestD := 1 << 30
			for _, c := range cs {
				if c.clause != cl {
					continue
				}
				d := c.ti - last
				if c.ti < first {
					d = first - c.ti
				} else if c.ti <= last {
					d = 0
				}
				if d < bestD || d == bestD && c.ti > first {
					best, bestD = c, d
				}
			}
			if best != nil {
				best.status[class] = true
			}
		}
	}
	for _, idx := range st.cues["condition"] {
		for _, c := range cs {
			if c.clause == ws[idx[0]].clause && c.ti > idx[len(idx)-1] {
				c.status["hypothetical"] = true
				break
			}
		}
	}
}

// trig is a trigger match: the phrase and the indexes of its words.
type trig struct {
	p   *phrase
	idx []int
}

// findTriggers returns the trigger matches of a sentence, left to right,
// the longest pattern winning at each word.
func (x *extractor) findTriggers(st *sent) []trig {
	ws := st.words
	var out []trig
	k := 0 // st.trigs[k:] are the candidates of words from wi on
	for wi := 0; wi < len(ws); {
		var best *phrase
		var bestIdx []int
		try := func(p *phrase) {
			if x.data.adjLower {
				// German: nouns are capitalised, verbs not
				capOK := ws[wi].cap
				if p.pos == posNoun || p.pos == posCoref {
					if !capOK {
						return
					}
				} else if capOK && wi > 0 {
					return
				}
			}
			if idx, ok := matchAt(p, ws, wi, clauseEnd(ws, wi)); ok {
				if best == nil || len(p.parts) > len(best.parts) || len(p.parts) == len(best.parts) && specificity(p) > specificity(best) {
					best, bestIdx = p, idx
				}
			}
		}
		for k < len(st.trigs) && st.trigs[k].wi < wi {
			k++
		}
		for j := k; j < len(st.trigs) && st.trigs[j].wi == wi; j++ {
			try(st.trigs[j].p)
		}
		if best == nil || st.mentAt(wi) >= 0 {
			wi++
			continue
		}
		out = append(out, trig{best, bestIdx})
		wi = bestIdx[len(bestIdx)-1] + 1
		if bestIdx[len(bestIdx)-1]-bestIdx[0] >= len(bestIdx) {
			wi = bestIdx[0] + 1 // discontinuous: words in the gap may hold other triggers
		}
	}
	return out
}

// specificity ranks patterns for ties: exact words before prefixes
// before suffixes ("gipfel*" beats "*treffen" on "Gipfeltreffen").
func specificity(p *phrase) int {
	f := p.parts[0]
	switch {
	case f.prefix && f.suffix:
		return 0
	case f.suffix:
		return 1
	case f.prefix:
		return 2
	}
	return 3
}

// reported reports whether the clause of c is in reported speech (German
// Konjunktiv I: "unterstütze", "sei").
func (x *extractor) reported(st *sent, c *cand) bool {
	ws := st.words
	for _, idx := range st.cues["reported"] {
		if ws[idx[0]].clause == c.clause {
			return true
		}
	}
	if c.pos != posVerb {
		return false
	}
	w := ws[c.ti].low
	for _, p := range x.data.cues["reported-suffix"] {
		if strings.HasSuffix(w, p.parts[0].text) {
			for _, n := range x.data.cues["reported-not"] {
				if strings.HasSuffix(w, n.parts[0].text) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// objectiveGenitive reports whether a genitive after an event noun of
// type t names its target rather than its actor ("Unterstützung der
// Ukraine", "Untersuchung des Vorfalls").
func objectiveGenitive(t string) bool {
	switch t {
	case "SUPPORT", "AID", "INVESTIGATE":
		return true
	}
	return false
}

// isSpeechAct reports whether events of type t are statements whose object
// is a thing or proposal rather than a party.
func isSpeechAct(t string) bool {
	switch t {
	case "DEMAND", "SUPPORT", "REJECT", "DISAPPROVE":
		return true
	}
	return false
}

func isDirected(t string) bool {
	switch t {
	case "CONSULT", "COOPERATE", "FIGHT", "AGREE":
		return false
	}
	return true
}

func roleOf(ps []doc.Participant, role string) string {
	for _, p := range ps {
		if p.Role == role {
			return p.Entity
		}
	}
	return ""
}

func addPart(ps []doc.Participant, ent, role string) []doc.Participant {
	if ent == "" {
		return ps
	}
	for _, p := range ps {
		if p.Entity == ent {
			return ps
		}
	}
	return append(ps, doc.Participant{Entity: ent, Role: role})
}

// usable reports whether mention k may take part in an event.
func usable(m ment) bool { return !m.excluded && !m.modifier && !m.agency && m.gov != "place" }

// build fills participants, place, time, status, format and issue of c.
func (x *extractor) build(st *sent, c *cand, all []*cand, frameClause, frameVerb int, speakerBefore bool) {
	ws := st.words
	cl := c.clause
	cStart, cEnd := clauseStart(ws, c.ti), clauseEnd(ws, c.ti)
	inClause := func(m ment) bool {
		if m.clauseOf(st) != cl {
			return false
		}
		if cl == frameClause && speakerBefore && c.ti > frameVerb && m.last < frameVerb {
			return false // "X said Y ..." : X is the frame
		}
		return true
	}
	// the next and previous trigger in the clause bound the noun phrase
	nextT, prevT := cEnd, cStart-1
	for _, o := range all {
		if o.clause == cl && o.ti > c.ti && o.ti < nextT {
			nextT = o.ti
		}
		if o.clause == cl && o.ti < c.ti && o.ti > prevT {
			prevT = o.ti
		}
	}
	// Issue: what the event is about.
	x.about(st, c, cEnd)
	// Left modifiers of a noun trigger: "russisch-ukrainische Verhandlungen".
	var leftMods []int
	if c.pos == posNoun || c.pos == posCoref {
		for j := c.ti - 1; j > prevT && j >= cStart; j-- {
			w := ws[j]
			if k := st.mentAt(j); k >= 0 {
				m := st.ments[k]
				if (m.kind == doc.MentionDerived || m.poss) && usable(m) {
					leftMods = append(leftMods, k)
					j = m.first
					continue
				}
				break
			}
			if x.isAdj(w) || x.data.is("and", w.low) || x.isFormat(w.low) {
				continue
			}
			if !x.data.adjLower && !w.cap && c.ti-j <= 2 && !x.isStructural(w.low) && !x.data.is("aux", w.low) && !x.data.is("pronoun", w.low) && !strings.HasSuffix(w.low, "ed") {
				continue // "U.S. trade sanctions", "Russian drone strike"
			}
			if w.low == "s" && j > 0 {
				if k := st.mentAt(j - 1); k >= 0 && st.ments[k].poss {
					continue // "Boeing's protest"
				}
			}
			if x.data.is("det", w.low) {
				c.def = x.data.is("def", w.low)
				break
			}
			break
		}
	}
	// blocked: another trigger stands between name k and this noun trigger,
	// so k is that one's subject ("Die UN verurteilten die Angriffe")
	blocked := func(k int) bool {
		for _, o := range all {
			if o != c && o.clause == cl && o.ti > st.ments[k].last && o.ti < c.ti {
				return true
			}
			// German verb-final: "Ban hat den Angriff verurteilt"
			if o != c && o.clause == cl && o.pos == posVerb && o.ti > c.ti && x.data.adjLower && isSpeechAct(o.Type) {
				return true
			}
		}
		return false
	}
	var ps []doc.Participant
	consumedByOther := func(k int) bool {
		// a derived mention right before another noun trigger belongs to it
		m := st.ments[k]
		for _, o := range all {
			if o == c || o.clause != cl || (o.pos != posNoun && o.pos != posCoref) {
				continue
			}
			if o.ti > m.last && o.ti-m.last <= 3 && m.kind == doc.MentionDerived {
				between := true
				for j := m.last + 1; j < o.ti; j++ {
					if !(x.isAdj(ws[j]) || x.isFormat(ws[j].low) || x.data.is("and", ws[j].low) || st.mentAt(j) >= 0) {
						between = false
					}
				}
				if between {
					return true
				}
			}
			// with/between names after another trigger belong to it
			if (m.gov == "with" || m.gov == "between") && m.first > o.ti && (m.first < c.ti || c.ti < o.ti) {
				return true
			}
		}
		return false
	}
	// mediator
	mediator := ""
	for _, idx := range st.cues["mediator-before"] {
		// "von den USA moderierten russisch-ukrainischen Verhandlungen":
		// the cue stands before the trigger it belongs to
		if ws[idx[0]].clause != cl || idx[0] > c.ti || c.ti-idx[0] > 4 || prevT > idx[0] {
			continue
		}
		for k := len(st.ments) - 1; k >= 0; k-- {
			m := st.ments[k]
			if m.last < idx[0] && idx[0]-m.last <= 2 {
				mediator = m.ent
				st.ments[k].excluded = true
				break
			}
		}
	}
	for _, idx := range st.cues["mediator-after"] {
		// "talks mediated by Qatar": the cue follows its trigger
		if ws[idx[0]].clause != cl || idx[0] < c.ti || nextT < idx[0] {
			continue
		}
		last := idx[len(idx)-1]
		for k, m := range st.ments {
			if m.first > last && m.first-last <= 3 {
				mediator = m.ent
				st.ments[k].excluded = true
				break
			}
		}
	}
	passive, passiveAt := false, -1
	for _, idx := range st.cues["passive"] {
		if ws[idx[0]].clause == cl {
			passive = true
			if passiveAt < 0 {
				passiveAt = idx[0]
			}
		}
	}
	if c.ti+1 < len(ws) && x.data.is("passive-after", ws[c.ti+1].low) {
		passive = true // "soll unterstützt werden"
	}
	if !x.data.adjLower && c.pos == posVerb {
		// English passive: a form of "be" right before the participle
		// ("Simon is accused of perjury")
		passive = false
		if c.ti > 0 && strings.HasSuffix(ws[c.ti].low, "ed") {
			for j := c.ti - 1; j >= cStart && j >= c.ti-2; j-- {
				switch ws[j].low {
				case "is", "are", "was", "were", "be", "been", "being":
					passive = true
				}
			}
		}
	}
	// place
	for _, m := range st.ments {
		if inClause(m) && m.gov == "place" && m.typ == "LOC" && !m.excluded {
			c.Place = m.ent
			break
		}
	}
	c.local = len(leftMods) > 0
	joins := false
	for _, idx := range st.cues["participate"] {
		if ws[idx[0]].clause == cl {
			joins = true
		}
	}
	if !isDirected(c.Type) {
		for _, idx := range st.cues["topic"] {
			if ws[idx[0]].clause == cl && idx[0] > c.ti {
				for k := range st.ments {
					if st.ments[k].first > idx[0] && st.ments[k].clauseOf(st) == cl {
						st.ments[k].excluded = true // the topic, not a party
					}
				}
			}
		}
		if c.Type == "AGREE" {
			// "the Paris agreement", "a new GATT agreement": a name before
			// an agreement names it, it is no party
			var keep []int
			for _, k := range leftMods {
				if st.ments[k].kind == doc.MentionDerived {
					keep = append(keep, k)
				}
			}
			leftMods = keep
		}
		subjK := -1
		if c.pos == posNoun || c.pos == posCoref {
			for _, m := range st.ments {
				if inClause(m) && usable(m) && (m.gov == "with" || m.gov == "between") && m.first > c.ti && m.first < nextT+1 && x.npReaches(st, c.ti, m.stop) {
					c.withPartner = true // "nach einem Telefonat mit Trump"
				}
			}
			for _, m := range st.ments {
				if inClause(m) && usable(m) && m.gov == "agent" && m.first > c.ti && m.stop > c.ti && m.stop <= c.ti+2 {
					subjK = -2 // an agent after the noun names the parties
				}
			}
		}
		for _, k := range leftMods {
			ps = addPart(ps, st.ments[k].ent, "participant")
		}
		for k, m := range st.ments {
			if !inClause(m) || !usable(m) || m.ent == mediator {
				continue
			}
			switch m.gov {
			case "with", "between":
				if c.pos != posVerb && c.pos != posMediate && m.first > c.ti && !x.npReaches(st, c.ti, m.stop) {
					continue // "Treffen, bei dem die Konflikte zwischen X und Y ..."
				}
				if m.first > c.ti && m.first < nextT+1 && !consumedByOther(k) || (c.pos == posVerb || c.pos == posMediate) && !consumedByOther(k) {
					ps = addPart(ps, m.ent, "participant")
					c.withPartner = true
					if m.first > c.ti {
						c.local = true
					}
				}
			case "":
				if consumedByOther(k) {
					continue
				}
				if c.pos == posMediate {
					ps = append(ps, doc.Participant{Entity: m.ent, Role: "mediator"})
					c.Format = "mediated"
					continue
				}
				if c.pos == posVerb || joins {
					// for verbs, any free name of the clause, unless a
					// pronoun stands between it and the verb
					if m.last < c.ti && x.pronounBetween(st, m.last, c.ti) {
						continue
					}
					ps = addPart(ps, m.ent, "participant")
				} else if m.last < c.ti && !blocked(k) && !x.actorOfVerb(st, k, all, c) && subjK == -1 && x.subjectOK(st, c, k) {
					// for nouns, the clause subject and the names joined to it
					subjK = k
					for _, k2 := range x.coordinated(st, k) {
						ps = addPart(ps, st.ments[k2].ent, "participant")
					}
				}
			case "agent":
				if c.pos == posVerb && passive {
					ps = addPart(ps, m.ent, "participant")
				}
				if (c.pos == posNoun || c.pos == posCoref) && m.first > c.ti && m.stop > c.ti && m.stop <= c.ti+2 {
					// "talks by EC foreign ministers": the agent, not the
					// clause subject, takes part
					ps = addPart(ps, m.ent, "participant")
					subjK = -2
				}
			}
		}
		if mediator != "" {
			ps = append(ps, doc.Participant{Entity: mediator, Role: "mediator"})
			c.Format = "mediated"
		}
		for _, f := range []string{"bilateral", "trilateral", "multilateral"} {
			for _, idx := range st.cues[f] {
				if ws[idx[0]].clause == cl {
					c.Format = f
					c.local = true
				}
			}
		}
	} else {
		actorK, targetK := -1, -1
		free := func(k int) bool {
			m := st.ments[k]
			return inClause(m) && usable(m) && m.gov == "" && !consumedByOther(k)
		}
		// firstFree is the first free name of the clause before the
		// trigger (German: the subject comes first, "Deutschland sagte der
		// Ukraine Hilfe zu"); English verbs take the nearest.
		subject := func(first bool) int {
			found := -1
			for k := range st.ments {
				if st.ments[k].last < c.ti && free(k) {
					found = k
					if first {
						break
					}
				}
			}
			return found
		}
		switch c.pos {
		case posPart:
			// "die von der Ukraine geforderten Garantien"
			for k := len(st.ments) - 1; k >= 0; k-- {
				m := st.ments[k]
				if m.last < c.ti && c.ti-m.last <= 2 && m.gov == "agent" && inClause(m) {
					actorK = k
					break
				}
			}
		case posNoun, posCoref:
			for _, k := range leftMods {
				actorK = k
			}
			if actorK < 0 {
				for k, m := range st.ments {
					if inClause(m) && usable(m) && m.first == c.ti+1 && x.data.adjLower && m.kind != doc.MentionDerived {
						actorK = k // "Forderung Russlands"
					}
					if inClause(m) && usable(m) && m.gov == "gen" && (m.stop == c.ti || m.stop == c.ti+1 && !x.data.adjLower) {
						actorK = k // "Angriff des Iran", "attack of"
					}
				}
			}
			if actorK < 0 {
				if k := subject(true); k >= 0 && !c.ownNP && !blocked(k) && !x.pronounBetween(st, st.ments[k].last, c.ti) {
					subj := st.ments[k]
					switch {
					case x.cueBetween(st, "undergo", subj.last, c.ti):
						// "GM sought aid from Washington"
						targetK = k
						for k2, m := range st.ments {
							if inClause(m) && m.first > c.ti && m.stop >= 0 && x.data.is("from", ws[m.stop].low) {
								actorK = k2
								break
							}
						}
					case c.Type == "AID" && !x.cueBetween(st, "give", subj.last, c.ti):
						// the subject of an aid noun gives only with a giving verb
					case c.Type == "SANCTION" && !x.cueAfter(st, "impose", subj.last, cl):
						// "The EU imposed sanctions", "hat Sanktionen verhängt"
					default:
						actorK = k
					}
				}
			}
		default:
			if passive {
				for k, m := range st.ments {
					// "wurde von der Polizei festgenommen", not "Der Spieler
					// von Juventus ... wurde festgenommen"
					if inClause(m) && usable(m) && m.gov == "agent" && (m.first > passiveAt || m.last == c.ti-1) {
						actorK = k
						break
					}
				}
				for k := range st.ments {
					if free(k) && (actorK < 0 || st.ments[k].ent != st.ments[actorK].ent) {
						targetK = k
						break
					}
				}
			} else {
				actorK = subject(x.data.adjLower)
				if actorK >= 0 && x.pronounBetween(st, st.ments[actorK].last, c.ti) {
					actorK = -1 // "after they refused": the pronoun is the subject
				}
				if actorK >= 0 && c.adjSubj && st.ments[actorK].last != c.ti-1 {
					actorK = -1
				}
				if actorK >= 0 && x.cueBetween(st, "control", st.ments[actorK].last, c.ti) {
					actorK = -1 // "Gencorp urged shareholders to reject": not Gencorp
				}
				if actorK >= 0 && !x.data.adjLower && x.pronounBetween(st, cStart-1, st.ments[actorK].first) {
					actorK = -1 // "he had rounded on Kiechle and accused Bonn"
				}
				if actorK < 0 && x.data.adjLower && c.ti-cStart <= 3 && x.inverted(st, cStart, c.ti) {
					// German verb-second with inversion: "Scharf kritisierte Paris ..."
					for k := range st.ments {
						if st.ments[k].first > c.ti && free(k) {
							if !x.subjectSlotFree(st, c.ti, st.ments[k].first) {
								break // "werfen die Abgeordneten Schaunig vor", "fordern wir Deutschland auf"
							}
							actorK = k
							break
						}
					}
				}
			}
		}
		if actorK >= 0 && objectiveGenitive(c.Type) && st.ments[actorK].gov == "gen" {
			// "Unterstützung der syrischen Armee": whom it is for
			targetK, actorK = actorK, -1
		}
		actors := x.coordinated(st, actorK)
		isActor := func(k int) bool {
			for _, a := range actors {
				if st.ments[a].ent == st.ments[k].ent {
					return true
				}
			}
			return false
		}
		if targetK < 0 && actorK >= 0 {
			for k, m := range st.ments {
				if !inClause(m) || !usable(m) || isActor(k) || m.first < c.ti || consumedByOther(k) {
					continue
				}
				if m.first > nextT && c.pos != posVerb {
					break
				}
				if m.gov == "target" || m.gov == "" || (m.gov == "agent" && !passive && c.pos != posPart) || m.gov == "with" && c.Type == "THREATEN" {
					if c.About != nil && m.start >= c.About.Start && m.end <= c.About.End {
						continue
					}
					if m.kind == doc.MentionDerived && isSpeechAct(c.Type) && m.last+1 < len(ws) && st.mentAt(m.last+1) < 0 && ws[m.last+1].clause == cl {
						// "verlangt Gegenmaßnahmen gegen amerikanische
						// Konzerne": an adjective of a thing, not the addressee
						continue
					}
					targetK = k
					break
				}
			}
		}
		if targetK < 0 && actorK >= 0 && c.Type == "DEMAND" && c.ti+1 < len(ws) && x.data.is("subord", ws[c.ti+1].low) {
			// "Moscow demands that Ukraine cede ...": the addressee
			for k, m := range st.ments {
				if m.first == c.ti+2 && usable(m) && !isActor(k) {
					targetK = k
				}
			}
		}
		if targetK < 0 && actorK >= 0 && x.data.adjLower && c.pos != posPart {
			// German object between subject and a final verb or noun:
			// "China hat den USA gedroht", "sagte der Ukraine Hilfe zu"
			for k, m := range st.ments {
				if m.first > st.ments[actorK].last && m.last < c.ti && free(k) && !isActor(k) {
					if m.kind == doc.MentionDerived && isSpeechAct(c.Type) && st.mentAt(m.last+1) < 0 {
						continue // "einen britischen Pressebericht zurückgewiesen"
					}
					targetK = k
					break
				}
			}
		}
		for _, k := range actors {
			ps = addPart(ps, st.ments[k].ent, "actor")
		}
		if actorK >= 0 {
			for _, k := range x.coordinated(st, targetK) {
				if !isActor(k) {
					ps = addPart(ps, st.ments[k].ent, "target")
				}
			}
		}
	}
	c.Participants = ps
	// drop participants that are only the place
	if c.Place != "" {
		var keep []doc.Participant
		for _, p := range c.Participants {
			if p.Entity != c.Place || p.Role == "actor" {
				keep = append(keep, p)
			}
		}
		c.Participants = keep
	}
	// time: the nearest time expression in the clause
	best, bestDist := -1, 1<<30
	for ti, t := range x.d.Timexes {
		if t.Start < ws[cStart].start || t.End > ws[cEnd-1].end || t.Value == "" {
			continue
		}
		dist := t.Start - c.Trigger.Start
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = ti, dist
		}
	}
	if best >= 0 {
		c.Time = &doc.EventTime{Value: x.d.Timexes[best].Value, Timex: best}
	}
	c.Status = x.status(st, c)
}

// coordinated returns mention k and the mentions joined to it by "and"
// ("Litauen und Polen", "Berlin und Paris"), in order; nil when k < 0.
func (x *extractor) coordinated(st *sent, k int) []int {
	if k < 0 {
		return nil
	}
	out := []int{k}
	joined := func(a, b int) bool { // a before b
		ma, mb := st.ments[a], st.ments[b]
		if ma.clauseOf(st) != mb.clauseOf(st) || ma.modifier || mb.modifier || ma.excluded || mb.excluded {
			return false
		}
		and := false
		for j := ma.last + 1; j < mb.first; j++ {
			w := st.words[j].low
			switch {
			case x.data.is("and", w):
				and = true
			case x.data.is("det", w):
			default:
				return false
			}
		}
		return and
	}
	for a := k; a > 0 && joined(a-1, a); a-- {
		out = append([]int{a - 1}, out...)
	}
	for b := k; b+1 < len(st.ments) && joined(b, b+1); b++ {
		out = append(out, b+1)
	}
	return out
}

// subjectOK reports whether name k, the subject of c's clause, may take
// part in the noun event c: no pronoun between them, and for an agreement
// a concluding verb ("signed", "unterzeichnete") between them.
func (x *extractor) subjectOK(st *sent, c *cand, k int) bool {
	m := st.ments[k]
	if x.pronounBetween(st, m.last, c.ti) {
		return false
	}
	if c.Type == "CONSULT" && !c.withPartner && !x.cueAfter(st, "hold", -1, c.clause) {
		// "Yeutter stressed the importance of trade negotiations": the
		// subject takes part only when it holds, joins or seeks them
		return false
	}
	if c.Type == "AGREE" && !x.cueBetween(st, "conclude", m.last, c.ti) {
		return false
	}
	return true
}

// inverted reports whether the German words before a verb at clause
// position two or three leave the subject after it ("Scharf kritisierte
// Paris", "Am Montag traf Scholz"): no pronoun and no determiner opening a
// noun phrase that no preposition governs ("Die Rebellen riefen ...").
func (x *extractor) inverted(st *sent, from, ti int) bool {
	ws := st.words
	for j := from; j < ti; j++ {
		if x.data.is("pronoun", ws[j].low) {
			return false
		}
		if x.data.is("det", ws[j].low) && (j == from || !x.isStructural(ws[j-1].low) || x.data.is("det", ws[j-1].low) || x.data.is("and", ws[j-1].low)) {
			return false
		}
	}
	return true
}

// npReaches reports whether a preposition at word p still belongs to the
// noun trigger at word t: no other common noun stands between them
// (German, where nouns are capitalised; English allows four words).
func (x *extractor) npReaches(st *sent, t, p int) bool {
	if p < 0 {
		return false
	}
	if !x.data.adjLower {
		return p-t <= 5
	}
	for j := t + 1; j < p; j++ {
		if st.words[j].cap && st.mentAt(j) < 0 && !x.timexAt(st.words[j]) {
			return false
		}
	}
	return true
}

// timexAt reports whether word w lies in a time expression.
func (x *extractor) timexAt(w word) bool {
	for _, t := range x.d.Timexes {
		if t.Start < w.end && w.start < t.End {
			return true
		}
	}
	return false
}

// adjectival reports whether an English -ed or -ing verb form at word wi
// is used as an adjective: nothing before it that a verb needs (a name, a
// pronoun, an auxiliary or adverb) and a plain word after it ("to halt
// threatened trade sanctions", "trade negotiating leverage").
func (x *extractor) adjectival(st *sent, wi int) bool {
	ws := st.words
	w := ws[wi].low
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") {
		return false
	}
	if wi > 0 {
		p := ws[wi-1]
		if st.mentAt(wi-1) >= 0 || p.cap || x.timexAt(p) || x.data.is("pronoun", p.low) || x.data.is("aux", p.low) || strings.HasSuffix(p.low, "ly") || p.clause != ws[wi].clause {
			return false
		}
	} else {
		return false
	}
	if wi > 1 && (st.mentAt(wi-2) >= 0 || x.data.is("pronoun", ws[wi-2].low)) {
		return false // "Gencorp earlier urged shareholders"
	}
	if wi+1 >= len(ws) || ws[wi+1].clause != ws[wi].clause {
		return false
	}
	n := ws[wi+1].low
	if st.mentAt(wi+1) >= 0 || x.isStructural(n) || x.data.is("pronoun", n) || x.data.is("aux", n) {
		return false
	}
	return true
}

// subjectSlotFree reports whether nothing between a German verb at word v
// and a name at word n can be the subject instead: no pronoun and no
// determiner with a common noun that no mention covers.
func (x *extractor) subjectSlotFree(st *sent, v, n int) bool {
	ws := st.words
	for j := v + 1; j < n; j++ {
		if x.data.is("pronoun", ws[j].low) {
			return false
		}
		if x.data.is("det", ws[j].low) {
			for k := j + 1; k < n; k++ {
				if ws[k].cap && st.mentAt(k) < 0 {
					return false
				}
			}
		}
	}
	return true
}

// pronounBetween reports whether a pronoun that no mention covers stands
// between words a and b: then it, not a name before it, is the subject.
func (x *extractor) pronounBetween(st *sent, a, b int) bool {
	for j := a + 1; j < b; j++ {
		if x.data.is("pronoun", st.words[j].low) && st.mentAt(j) < 0 {
			return true
		}
	}
	return false
}

// stateNounAfter reports whether one of the three words from wi names an
// organ of a state ("Mali's military government", "India's foreign
// ministry"), so the possessive before it stands for the state.
func (x *extractor) stateNounAfter(st *sent, wi int) bool {
	for j := wi; j < len(st.words) && j < wi+3; j++ {
		if x.data.is("state", st.words[j].low) {
			return true
		}
	}
	return false
}

// cueAfter reports whether a cue of class starts after word a in clause cl.
func (x *extractor) cueAfter(st *sent, class string, a, cl int) bool {
	for _, idx := range st.cues[class] {
		if idx[0] > a && st.words[idx[0]].clause == cl {
			return true
		}
	}
	return false
}

// cueBetween reports whether a cue of class starts between words a and b.
func (x *extractor) cueBetween(st *sent, class string, a, b int) bool {
	for _, idx := range st.cues[class] {
		if idx[0] > a && idx[0] < b {
			return true
		}
	}
	return false
}

func (x *extractor) isFormat(w string) bool {
	for _, f := range []string{"bilateral", "trilateral", "multilateral"} {
		for _, p := range x.data.cues[f] {
			if p.parts[0].matches(w) && len(p.parts) == 1 {
				return true
			}
		}
	}
	return false
}

// actorOfVerb reports whether mention k is the actor of a verb trigger in
// the same clause (so not a participant of a noun trigger there too).
func (x *extractor) actorOfVerb(st *sent, k int, all []*cand, c *cand) bool {
	m := st.ments[k]
	for _, o := range all {
		if o != c && o.clause == c.clause && o.pos == posVerb && isDirected(o.Type) {
			if roleOf(o.Participants, "actor") == m.ent {
				return true
			}
		}
	}
	return false
}

// about finds the issue: the noun phrase after an "about" preposition
// following the trigger, or the direct object of a verb of demanding,
// rejecting, supporting or criticising.
func (x *extractor) about(st *sent, c *cand, cEnd int) {
	ws := st.words
	for j := c.ti + 1; j < cEnd && j <= c.ti+12; j++ {
		if x.data.is("about", ws[j].low) {
			if sp, ok := x.nounPhrase(st, j+1, cEnd); ok {
				c.About = &sp
			} else if !isDirected(c.Type) {
				// "talks on Ukraine", "to discuss Greenland": a name as
				// the topic of a meeting is no participant
				k := j + 1
				for k < cEnd && x.data.is("det", ws[k].low) {
					k++
				}
				if k < cEnd {
					if mi := st.mentAt(k); mi >= 0 {
						m := &st.ments[mi]
						c.About = &doc.Span{Start: m.start, End: m.end}
						m.excluded = true
					}
				}
			}
			return
		}
	}
	if c.pos == posVerb && x.data.adjLower {
		// verb-final German clause: "über den Wiederaufbau beraten"
		for j := c.ti - 1; j >= clauseStart(ws, c.ti) && j >= c.ti-8; j-- {
			if x.data.is("about", ws[j].low) {
				if sp, ok := x.nounPhrase(st, j+1, c.ti); ok {
					c.About = &sp
				}
				return
			}
		}
	}
	switch c.Type {
	case "DEMAND", "REJECT", "SUPPORT", "DISAPPROVE", "AGREE":
	default:
		return
	}
	if c.pos != posVerb && c.pos != posPart {
		return
	}
	j := c.ti + 1
	if j < cEnd && (x.data.is("det", ws[j].low) || c.pos == posPart || x.isAdj(ws[j]) || x.data.adjLower && ws[j].cap) {
		if sp, ok := x.nounPhrase(st, j, cEnd); ok {
			c.About = &sp
		}
	}
}

// nounPhrase returns the span of the noun phrase starting at word i: from
// its head through a chain of genitives ("Abtretung der verbleibenden 20
// Prozent der Region Donezk"); false when the head is a name.
func (x *extractor) nounPhrase(st *sent, i, end int) (doc.Span, bool) {
	ws := st.words
	j := i
	for j < end && (x.data.is("det", ws[j].low) || x.isAdj(ws[j]) || isNumber(ws[j].low)) {
		j++
	}
	// "die von der Ukraine geforderten Sicherheitsgarantien"
	if j < end && j > i && (x.data.is("agent", ws[j].low) || x.data.is("other", ws[j].low)) && x.data.adjLower {
		for j < end && !(x.isAdj(ws[j]) && j+1 < end && ws[j+1].cap && st.mentAt(j+1) < 0) {
			j++
		}
		j++
	}
	if j >= end || st.mentAt(j) >= 0 {
		return doc.Span{}, false
	}
	if x.data.adjLower && !ws[j].cap {
		return doc.Span{}, false
	}
	if x.isStructural(ws[j].low) || x.data.is("planned", ws[j].low) || x.data.is("negated", ws[j].low) {
		return doc.Span{}, false
	}
	for _, t := range x.d.Timexes {
		if t.Start < ws[j].end && ws[j].start < t.End {
			return doc.Span{}, false
		}
	}
	head := j
	last := j
	if !x.data.adjLower {
		// English: up to the next preposition, conjunction or clause end
		for k := j + 1; k < end && k <= j+4; k++ {
			if x.isStructural(ws[k].low) || x.data.is("report", ws[k].low) || st.mentAt(k) >= 0 && st.ments[st.mentAt(k)].kind != doc.MentionDerived {
				break
			}
			last = k
		}
	} else {
		// German: genitive chain
		k := last + 1
		for k < end {
			w := ws[k]
			if m := st.mentAt(k); m >= 0 && k == last+1 && x.isNoun(st, last) {
				last = st.ments[m].last // "Region Donezk"
				k = last + 1
				continue
			}
			if k == last+1 && w.cap && !x.isStructural(w.low) && x.isNoun(st, last) && !x.isNoun(st, k-2) {
				last = k // a name in apposition the entity layer missed: "Region Donezk"
				k++
				continue
			}
			if w.low == "des" || w.low == "der" || w.low == "eines" || w.low == "einer" {
				n := k + 1
				for n < end && (x.isAdj(ws[n]) || isNumber(ws[n].low)) {
					n++
				}
				if n < end && ws[n].cap {
					if m := st.mentAt(n); m >= 0 {
						last = st.ments[m].last
					} else {
						last = n
					}
					k = last + 1
					continue
				}
			}
			break
		}
	}
	return doc.Span{Start: ws[head].start, End: ws[last].end}, true
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// status reads the clause's cues; a date after the story's date makes a
// plain event planned.
func (x *extractor) status(st *sent, c *cand) string {
	has := func(class string) bool { return c.status[class] }
	switch {
	case has("negated"):
		return "negated"
	case has("hypothetical"):
		return "hypothetical"
	case has("expected"):
		return "expected"
	case has("planned"):
		return "planned"
	case has("ongoing"):
		return "ongoing"
	}
	if c.Time != nil && !x.docDate.IsZero() {
		v := c.Time.Value
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if len(v) >= len(layout) {
				if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
					dd := x.docDate
					var future bool
					switch layout {
					case "2006-01-02":
						future = t.After(dd)
					case "2006-01":
						future = t.Year() > dd.Year() || t.Year() == dd.Year() && t.Month() > dd.Month()
					default:
						future = t.Year() > dd.Year()
					}
					if future {
						return "planned"
					}
					break
				}
			}
		}
	}
	return "occurred"
}

// confirmation applies a confirmation cue of the sentence to its events,
// or to those of the previous sentence when it has none.
func (x *extractor) confirmation(st *sent, touched []*cand) {
	ws := st.words
	if len(st.cues["confirm"]) == 0 {
		return
	}
	idx := st.cues["confirm"][0]
	c := ws[idx[0]].clause
	neg := false
	for _, n := range st.cues["confirm-neg"] {
		if ws[n[0]].clause == c {
			neg = true
		}
	}
	var confirmer []string
	for _, m := range st.ments {
		if m.clauseOf(st) == c && !m.modifier {
			confirmer = append(confirmer, m.ent)
		}
	}
	targets := touched
	if len(targets) == 0 && st.idx > 0 {
		targets = x.eventsOf(st.idx - 1)
	}
	for _, e := range targets {
		if neg {
			f := false
			e.Confirmed = &f
			continue
		}
		for _, ent := range confirmer {
			for _, p := range e.Participants {
				if p.Entity == ent {
					t := true
					e.Confirmed = &t
				}
			}
		}
	}
}

func (x *extractor) eventsOf(si int) []*cand {
	var out []*cand
	for _, c := range x.cands {
		if c.sent == si && !c.dropped {
			out = append(out, c)
		}
	}
	return out
}

// finish resolves coreference, merges duplicates, drops events without
// solid participants and numbers the rest.
func (x *extractor) finish() {
	var out []*cand
	for _, c := range x.cands {
		if !solid(c) {
			continue
		}
		if c.Type == "FIGHT" && x.allPersons(c) {
			continue // "Knoll und Schmidt kämpften um das Lager": a campaign, no fight
		}
		// duplicates in one clause: "traf ... zu Gesprächen"
		dup := false
		for _, o := range out {
			if o.sent == c.sent && o.clause == c.clause && o.Type == c.Type && overlaps(o.Participants, c.Participants) {
				for _, p := range c.Participants {
					o.Participants = addPart(o.Participants, p.Entity, p.Role)
				}
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		// dateline place for physical events of the lead that name no
		// place among their participants
		if c.Place == "" && c.sent == 0 && x.d.Dateline != nil && len(x.d.Dateline.Places) > 0 && !x.hasLOC(c) {
			switch c.Type {
			case "PROTEST", "ASSAULT", "FIGHT", "MOBILIZE", "COERCE":
				c.Place = x.d.Dateline.Places[0].Entity
			}
		}
		out = append(out, c)
	}
	x.d.Events = x.d.Events[:0]
	for i, c := range out {
		e := c.Event
		e.ID = "e" + strconv.Itoa(i+1)
		sortParticipants(e.Participants)
		if e.Status == "" {
			e.Status = "occurred"
		}
		x.d.Events = append(x.d.Events, e)
	}
}

// hasLOC reports whether a participant of c is a location.
func (x *extractor) hasLOC(c *cand) bool {
	for _, p := range c.Participants {
		for _, e := range x.d.Entities {
			if e.ID == p.Entity && e.Type == "LOC" {
				return true
			}
		}
	}
	return false
}

// participates reports whether the back-reference's clause says someone
// joins the event ("nahmen ... teil", "joined").
func (x *extractor) participates(c *cand) bool {
	for _, st := range x.sents {
		if st.idx != c.sent {
			continue
		}
		for _, idx := range st.cues["participate"] {
			if st.words[idx[0]].clause == c.clause {
				return true
			}
		}
	}
	return false
}

// solid reports whether c has the participants an event needs: an actor
// for directed types, a participant otherwise.
func solid(c *cand) bool {
	if isDirected(c.Type) {
		return roleOf(c.Participants, "actor") != ""
	}
	n := 0
	for _, p := range c.Participants {
		if p.Role == "participant" {
			n++
		}
	}
	if c.needTwo {
		return n >= 2
	}
	return n > 0
}

// allPersons reports whether every participant of c is a person.
func (x *extractor) allPersons(c *cand) bool {
	for _, p := range c.Participants {
		for _, e := range x.d.Entities {
			if e.ID == p.Entity && e.Type != "PER" {
				return false
			}
		}
	}
	return len(c.Participants) > 0
}

func overlaps(a, b []doc.Participant) bool {
	for _, p := range a {
		for _, q := range b {
			if p.Entity == q.Entity && p.Role != "mediator" && q.Role != "mediator" {
				return true
			}
		}
	}
	return false
}

var roleRank = map[string]int{"actor": 0, "target": 1, "participant": 2, "mediator": 3}

func sortParticipants(ps []doc.Participant) {
	sort.SliceStable(ps, func(i, j int) bool { return roleRank[ps[i].Role] < roleRank[ps[j].Role] })
}

var (
	agencyOnce sync.Once
	agencySet  map[string]bool
)

// agencies returns the news agencies' names as written (lang/common/agencies.txt).
func agencies() map[string]bool {
	agencyOnce.Do(func() {
		agencySet = map[string]bool{}
		lines, err := lang.Read("common", "agencies.txt")
		if err != nil {
			return
		}
		for _, l := range lines {
			agencySet[l.Fields[0]] = true
			if len(l.Fields) > 1 {
				agencySet[l.Fields[1]] = true
			}
		}
	})
	return agencySet
}
