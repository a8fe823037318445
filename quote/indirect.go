package quote

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/rules"
)

// indirect finds reported speech sentence by sentence: cue phrases
// ("zufolge", "according to"), reporting verbs with the content before a
// comma ("…, sagte X") or after it ("X sagte, dass …"), and "wie X
// mitteilte".
func (r *run) indirect() {
	for si := range r.sents {
		s := r.sents[si]
		if s.last-s.first > maxSentence {
			continue
		}
		free := 0
		for i := s.first; i < s.last; i++ {
			if !r.used[i] && r.segOf[i] < 0 {
				free++
			}
		}
		if free < 3 {
			continue
		}
		if f := r.cuePhrase(si); f != nil {
			r.add(f)
			continue
		}
		if f := r.verbCue(si); f != nil {
			r.add(f)
		}
	}
}

func (r *run) add(f *found) {
	for i := f.firstTok; i < f.lastTok; i++ {
		r.used[i] = true
	}
	r.out = append(r.out, f)
	if r.bySent != nil {
		r.index(f)
	}
}

// index records the sentences a statement touches in r.bySent.
func (r *run) index(f *found) {
	if f.lastTok <= f.firstTok {
		return
	}
	for s := r.toks[f.firstTok].sent; s <= f.sentLast && s < len(r.sents); s++ {
		r.bySent[s] = append(r.bySent[s], f)
	}
}

// bounds returns the first and end token of a sentence's text, without
// opening dashes and closing punctuation.
func (r *run) bounds(si int) (int, int) {
	s := r.sents[si]
	a, b := s.first, s.last
	for a < b && (r.isPunct(a, "-–—,:;") || r.used[a] && r.segOf[a] < 0) {
		a++
	}
	for b > a && (r.isPunct(b-1, ".!?;:,") || r.toks[b-1].qmark != 0 && r.segOf[b-1] < 0) {
		b--
	}
	return a, b
}

// content builds a statement over tokens [a, b), cut where a direct
// quotation or another statement's tokens begin; nil when too short.
func (r *run) content(a, b int) *found {
	for a < b && (r.used[a] || r.isPunct(a, ",:;-–—")) {
		a++
	}
	for k := a; k < b; k++ {
		if r.used[k] || r.segOf[k] >= 0 && r.segs[r.segOf[k]].speech {
			b = k
			break
		}
	}
	for b > a && r.isPunct(b-1, ",:;-–—.") {
		b--
	}
	words := 0
	for k := a; k < b; k++ {
		if r.toks[k].word {
			words++
		}
	}
	if words < 2 {
		return nil
	}
	f := &found{kind: Indirect, firstTok: a, lastTok: b, confidence: 0.8, pron: -1}
	// unbalanced marks left at the edges of the content
	f.content = r.span(a, b)
	f.sentLast = r.toks[b-1].sent
	for k := a; k < b; k++ {
		if sg := r.segOf[k]; sg >= 0 && !r.segs[sg].speech {
			f.kind = Mixed
			break
		}
	}
	return f
}

// around makes the statement of a sentence whose attribution occupies
// tokens [aa, ab): the text after it when it opens the sentence, before
// it when it closes it, else the whole sentence.
func (r *run) around(si, aa, ab int) *found {
	a, b := r.bounds(si)
	switch {
	case aa <= a+2 && r.isPunct(ab, ","):
		// "Denn wie X mitteilte, …": a conjunction before the attribution
		return r.content(ab, b)
	case aa <= a:
		return r.content(ab, b)
	case ab >= b:
		return r.content(a, aa)
	default:
		return r.content(a, b)
	}
}

func (r *run) cuePhrase(si int) *found {
	s := r.sents[si]
	for i := s.first; i < s.last; i++ {
		if r.used[i] || r.segOf[i] >= 0 {
			continue
		}
		for _, cp := range r.toks[i].lex.cues {
			n := len(cp.words)
			if i+n > s.last {
				continue
			}
			ok := true
			for k, w := range cp.words {
				if r.toks[i+k].lower != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			var a, b, aa, ab int
			switch cp.dir {
			case "pre", "opt":
				a = i + n
				if a < s.last && (r.toks[a].lower == "von" || r.toks[a].lower == "of") {
					a++
				}
				b = r.npForward(a, s.last)
				if b == a && !r.isDE() {
					// bare plural: "according to economists polled by Reuters"
					for b < s.last && b < a+6 && !r.isPunct(b, ",.;:!?") && r.toks[b].qmark == 0 {
						b++
					}
				}
				aa, ab = i, b
			case "post":
				a, b = r.npBefore(i, s.first)
				aa, ab = a, i+n
			case "self":
				a, _ = r.bounds(si)
				b = r.npForward(a, i)
				aa, ab = i, i+n
			}
			if b <= a && cp.dir == "opt" {
				// "nach Medienberichten": the phrase names its source
				a, b = i, i+n
			}
			if b <= a {
				continue
			}
			f := r.around(si, aa, ab)
			if f == nil {
				continue
			}
			at := &attr{cue: i, part: -1, cueEnd: i + n, lemma: cp.lemma, npA: a, npB: b, clauseA: aa, clauseB: ab, phrase: true}
			r.fill(f, at)
			return f
		}
	}
	return nil
}

// finiteFollows reports whether the content starting at token a reads as
// reported speech: a "dass"/"ob" clause or a Konjunktiv verb.
func (r *run) reported(a, b int) bool {
	if a < b && r.class(a) == "conj" {
		return true
	}
	if !r.isDE() {
		return b-a >= 3
	}
	for k := a; k < b; k++ {
		if r.isKI(k) || r.isKII(k) {
			return true
		}
	}
	return false
}

var konjunktiv2 = map[string]bool{"würde": true, "würden": true, "hätte": true, "hätten": true, "wäre": true, "wären": true, "müssten": true, "könnten": true}

func (r *run) isKII(i int) bool { return r.toks[i].lex.kii && !r.toks[i].cap }

// isKIIPlural reports a plural Konjunktiv II ("hätten", "würden"), which
// replaces the Konjunktiv I where that equals the indicative; the singular
// forms are too often conditional to mark reported speech on their own.
func (r *run) isKIIPlural(i int) bool {
	return r.isDE() && r.isKII(i) && strings.HasSuffix(r.toks[i].lower, "n") && r.segOf[i] < 0
}

// isKI reports whether token i is a finite Konjunktiv I verb: a listed
// form, or by rule a lower-case word in -e that does not follow an
// article or a preposition and does not precede a noun.
func (r *run) isKI(i int) bool {
	t := r.toks[i]
	if !t.word || t.cap || !r.isDE() || r.segOf[i] >= 0 {
		return false
	}
	w := t.lower
	if t.lex.kiNever || r.sentStart(i) {
		return false
	}
	if i > 0 {
		p := r.toks[i-1].lower
		if p == "ich" || p == "zu" || p == "wir" || r.class(i-1) == "det" || r.class(i-1) == "prep" {
			return false
		}
	}
	if !t.lex.kiStrong {
		// "Ich habe studiert und habe gearbeitet": 1st person indicative
		if r.ich == nil {
			r.ich = make([]int, len(r.sents))
			for k := range r.ich {
				r.ich[k] = -1
			}
			for k := len(r.toks) - 1; k >= 0; k-- {
				if r.toks[k].lower == "ich" {
					r.ich[r.toks[k].sent] = k
				}
			}
		}
		if f := r.ich[t.sent]; f >= 0 && f < i {
			return false
		}
	}
	if t.lex.kiKnown {
		return true
	}
	if utf8.RuneCountInString(w) < 5 || !strings.HasSuffix(w, "e") {
		return false
	}
	for _, suf := range []string{"ige", "ische", "liche", "ende", "ene", "ste", "bare", "same", "lose", "hafte", "te", "ere", "iele", "ele", "ie", "ee", "he"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	if i+1 < len(r.toks) && (r.toks[i+1].cap || r.looksAdj(i+1)) {
		return false // an adjective before its noun
	}
	if i > 0 && r.looksAdj(i-1) {
		return false
	}
	// the indicative counterpart in -t must not be a known non-verb:
	// accept when the previous token is a noun or a pronoun (V2 order)
	return i > 0 && (r.toks[i-1].cap || r.class(i-1) == "pron" || r.class(i-1) == "adv")
}

func (r *run) verbCue(si int) *found {
	s := r.sents[si]
	a0, b0 := r.bounds(si)
	for i := s.first; i < s.last; i++ {
		if r.used[i] || r.segOf[i] >= 0 {
			continue
		}
		if f := r.soClause(si, i); f != nil {
			return f
		}
		lemma, part, ok := r.cueAt(i, s.last)
		if !ok {
			continue
		}
		cueEnd := i + 1
		after := cueEnd
		if part >= 0 {
			after = part + 1
		}
		if f := r.wieClause(si, i, part, lemma); f != nil {
			return f
		}
		// postposed: "…, sagte X." / "…, X said."
		if r.isPunct(i-1, ",") || r.isPunct(i-1, "-–—") {
			lim := r.clauseEnd(i)
			subjEnd := lim
			if part >= 0 && part < subjEnd {
				subjEnd = part
			}
			na, nb := r.npAfter(i+1, subjEnd)
			if !r.isDE() && nb > na && nb < lim && !r.isPunct(nb, ",") && r.class(nb) != "prep" && r.class(nb) != "temporal" {
				// "X, a unit of Y, said William Smith resigned": the
				// inverted subject must end the clause
				na, nb = 0, 0
			}
			if r.isDE() || nb > na {
				f := r.content(a0, i-1)
				if f != nil && f.lastTok <= i-1 && !r.onlyPP(f) {
					r.fill(f, &attr{cue: i, part: part, cueEnd: cueEnd, lemma: lemma, npA: na, npB: nb, clauseA: i - 1, clauseB: lim})
					return f
				}
			}
		}
		if !r.isDE() {
			na, nb := r.npBefore(i, s.first)
			if r.class(i-1) == "coord" {
				// "X welcomed the decision and said …": the sentence's subject
				na, nb = r.subjectAt(a0, i)
			}
			if nb <= na && (r.isPunct(i-1, ",-–—)") || r.isPunct(i-1, ",")) {
				// "Carly Fiorina, a hopeful, says …": the subject opens
				// the sentence, an apposition stands before the verb
				k := a0
				for k < i && (r.class(k) == "adv" || r.class(k) == "temporal") {
					k++
				}
				if e := r.npForward(k, i); e > k && r.isPunct(e, ",-–—(") {
					na, nb = k, e
				}
			}
			j := r.skipAdjuncts(after, b0)
			thatFollows := j > 0 && j <= b0 && (r.toks[j-1].lower == "that" || r.isPunct(j-1, ":"))
			short := r.wordsIn(a0, na-1) < 4
			postOK := nb > na && r.isPunct(na-1, ",") && na-1 > a0
			preferPre := thatFollows || short && j < b0 && r.wordsIn(j, b0) >= 3
			post := func() *found {
				f := r.content(a0, na-1)
				if f == nil || r.onlyPP(f) {
					return nil
				}
				r.fill(f, &attr{cue: i, part: part, cueEnd: cueEnd, lemma: lemma, npA: na, npB: nb, clauseA: na - 1, clauseB: r.clauseEnd(i)})
				return f
			}
			if postOK && !preferPre {
				if f := post(); f != nil {
					return f
				}
			}
			if nb > na && !(r.needThat(i) && !thatFollows) && j < b0 && j > after-1 && r.reported(j, b0) {
				k := j
				if k > after && r.toks[k-1].lower == "that" {
					k-- // the content keeps its conjunction, as German "dass"
				}
				if f := r.content(k, b0); f != nil {
					r.fill(f, &attr{cue: i, part: part, cueEnd: cueEnd, lemma: lemma, npA: na, npB: nb, clauseA: a0, clauseB: j})
					return f
				}
			}
			if postOK && preferPre {
				if f := post(); f != nil {
					return f
				}
			}
			continue
		}
		// preposed: "X sagte (am Mittwoch), dass …" / "…, die Lage sei …"
		c := -1
		for j := after; j < s.last && j < after+12; j++ {
			if r.toks[j].qmark != 0 {
				break
			}
			if r.isPunct(j, ",:") {
				c = j
				break
			}
		}
		if c < 0 && part >= 0 {
			for j := i + 1; j < s.last && j < i+12; j++ {
				if r.isPunct(j, ",:") {
					if j > part {
						c = j
					}
					break
				}
			}
		}
		if c < 0 || c+1 >= b0 {
			continue
		}
		conf := 0.8
		if !r.isPunct(c, ":") && !r.reported(c+1, b0) {
			// a main clause after the comma ("…, die Zölle belasteten das
			// Geschäft") is reported speech too, though less surely
			k := c + 1
			if k >= b0 || !(r.class(k) == "det" || r.class(k) == "pron" || r.isName(k)) || b0-k < 4 {
				continue
			}
			if r.class(k) == "det" && !(r.isName(k+1) || r.looksAdj(k+1)) {
				continue // a relative clause: "…, die ab Januar gelten sollen"
			}
			conf = 0.6
		}
		na, nb := r.npBefore(i, s.first)
		if r.class(i-1) == "coord" {
			na, nb = r.subjectAt(a0, i) // "X kritisierte Y und sagte, …"
		}
		if nb <= na {
			na, nb = r.npAfter(after, c)
		}
		if nb <= na {
			// the sentence's first noun phrase: "X hatte zuletzt gesagt, …"
			if k, e := r.subjectAt(a0, i); e > k && r.entityIn(k, e) != nil {
				na, nb = k, e
			}
		}
		f := r.content(c+1, b0)
		if f == nil {
			continue
		}
		f.confidence = conf
		if r.isPunct(c, ":") && !r.reported(c+1, b0) && f.kind == Indirect {
			// "X schreibt: Der Zug …": a citation without marks
			f.kind = Direct
		}
		r.fill(f, &attr{cue: i, part: part, cueEnd: cueEnd, lemma: lemma, npA: na, npB: nb, clauseA: a0, clauseB: c + 1})
		return f
	}
	return nil
}

// wieClause handles "…, wie X mitteilte." and "Wie X sagte, …" (English
// "as X said").
func (r *run) wieClause(si, i, part int, lemma string) *found {
	s := r.sents[si]
	w := -1
	for j := i - 1; j >= s.first && j >= i-10; j-- {
		if r.isPunct(j, ",;:") || r.toks[j].qmark != 0 {
			break
		}
		if r.toks[j].lower == "wie" || r.toks[j].lower == "as" {
			w = j
			break
		}
	}
	if w < 0 {
		return nil
	}
	na, nb := w+1, r.npForward(w+1, i)
	if nb <= na {
		return nil
	}
	end := i + 1
	if part > end-1 {
		end = part + 1
	}
	f := r.around(si, w, end)
	if f == nil {
		return nil
	}
	r.fill(f, &attr{cue: i, part: part, cueEnd: i + 1, lemma: lemma, npA: na, npB: nb, clauseA: w, clauseB: end})
	return f
}

// skipAdjuncts skips, after an English reporting verb, the words that
// belong to the attribution: an addressee ("told Reuters"), a channel
// ("in a statement"), time words ("on Tuesday") and "that".
func (r *run) skipAdjuncts(j, end int) int {
	for j < end {
		t := r.toks[j]
		if m, ok := r.lex.channels.MatchAt(r.text, t.Start); ok {
			k := j
			for k < end && r.toks[k].Start < m.End {
				k++
			}
			j = k
			continue
		}
		switch {
		case r.class(j) == "temporal" || r.class(j) == "adv":
			j++
			continue
		case (t.lower == "on" || t.lower == "last" || t.lower == "this" || t.lower == "late" || t.lower == "early") && j+1 < end && r.class(j+1) == "temporal":
			j += 2
			continue
		case j > 0 && (r.toks[j-1].lower == "told" || r.toks[j-1].lower == "tells" || r.toks[j-1].lower == "tell"):
			// the addressee: "told him", "told a news conference"
			if k := r.npForward(j, end); k > j {
				j = k
				continue
			}
		case t.lower == "that" || r.isPunct(j, ",:"):
			return j + 1
		}
		break
	}
	return j
}

// continuations gives unattributed direct quotations the last speaker,
// and turns Konjunktiv I sentences that follow a statement into indirect
// statements of the same speaker.
func (r *run) continuations() {
	sortFound(r.out)
	r.bySent = map[int][]*found{}
	for _, f := range r.out {
		r.index(f)
	}
	// in document order, so each statement sees the speakers before it
	var last *found
	for _, f := range r.out {
		if f.pron >= 0 && f.speaker == "" {
			f.speaker = r.resolvePronoun(f.pron, f, last)
		}
		if f.kind == Direct && f.cueLemma == "" && f.speaker == "" {
			// an unattributed quotation continues the speaker of the
			// statement just before, else belongs to the person or
			// organisation the sentence before is about ("Merz äußerte sich
			// am Abend. „…“"), else to the recent speaker
			if id := r.resolvePronoun(f.firstTok, f, last); id != "" {
				f.speaker = id
				f.confidence = 0.5
			}
			if l := r.recent(last, f.content.Start); l != nil && (f.speaker == "" || f.speaker == l.speaker) {
				f.speaker, f.speakerNP = l.speaker, l.speakerNP
				f.time = l.time
				f.clause = l.clause
				f.confidence = 0.6
			}
		}
		if f.attributed() {
			last = f
		}
	}
	touched := make([]bool, len(r.sents))
	for _, f := range r.out {
		if f.lastTok > f.firstTok {
			for s := r.toks[f.firstTok].sent; s <= f.sentLast && s < len(touched); s++ {
				touched[s] = true
			}
		}
	}
	n := len(r.out) // r.out[:n] is sorted; statements added below follow
	j := 0
	last = nil
	for si := 1; si < len(r.sents); si++ {
		for ; j < n && r.out[j].content.Start < r.sents[si].Start; j++ {
			if r.out[j].attributed() {
				last = r.out[j]
			}
		}
		if touched[si] {
			continue
		}
		follows := touched[si-1] || si >= 2 && touched[si-2] && r.sents[si-2].para == r.sents[si].para
		s := r.sents[si]
		if s.last-s.first > maxSentence {
			continue
		}
		ki, known := false, false
		for i := s.first; i < s.last; i++ {
			if r.isKI(i) {
				ki = true
				known = known || r.toks[i].lex.kiKnown
			} else if r.isKIIPlural(i) && follows {
				ki = true
			}
		}
		// a Konjunktiv I sentence right after a statement continues it; one
		// further away, only with a listed form ("sei", "habe", "werde")
		if !ki || !follows && !known {
			continue
		}
		l := r.recent(last, s.Start)
		if l == nil && !known {
			continue
		}
		a, b := r.bounds(si)
		f := r.content(a, b)
		if f == nil {
			continue
		}
		f.confidence = 0.3 // reported speech whose speaker is not named
		if l != nil {
			f.speaker, f.speakerNP, f.clause = l.speaker, l.speakerNP, l.clause
			f.confidence = 0.6
		}
		r.add(f)
		touched[si] = true
		last = f
	}
	sortFound(r.out)
}

// trimDot drops a sentence-final dot that a pattern took into a name
// ("told Reuters."), keeping those of abbreviations ("U.S.").
func (r *run) trimDot(sp doc.Span) doc.Span {
	t := r.text[sp.Start:sp.End]
	if strings.HasSuffix(t, ".") && len(t) > 2 && !strings.Contains(t[:len(t)-1], ".") {
		prev, _ := utf8.DecodeLastRuneInString(t[:len(t)-1])
		if unicode.IsLower(prev) {
			sp.End--
		}
	}
	return sp
}

// finish sets times, channels and addressees.
func (r *run) finish() {
	var dateline string
	if r.d.Dateline != nil && !r.d.Dateline.Date.IsZero() {
		dateline = r.d.Dateline.Date.Format("2006-01-02")
	} else if !r.d.Date.IsZero() {
		dateline = r.d.Date.Format("2006-01-02")
	}
	for _, f := range r.out {
		if f.clause.End > f.clause.Start && f.cueLemma != "" {
			cl := f.clause
			r.lex.channels.Scan(r.text, cl.Start, cl.End, func(m rules.Match) {
				if m.Start >= cl.End || m.Start < f.speakerNP.End && m.End > f.speakerNP.Start {
					return
				}
				role := m.Rule.Attrs["role"]
				np := doc.Span{}
				if g, err := strconv.Atoi(m.Rule.Attrs["np"]); err == nil {
					if a, b := m.GroupSpan(g); a >= 0 && b > a {
						np = doc.Span{Start: a, End: b}
					}
				}
				np = r.trimDot(np)
				whole := r.trimDot(doc.Span{Start: m.Start, End: m.End})
				switch role {
				case "channel":
					if f.channel.End == 0 {
						f.channel = whole
					}
				case "addressee":
					if f.addressee.End == 0 {
						if np.End > 0 {
							f.addressee = np
						} else {
							f.addressee = whole
						}
						if f.channel.End == 0 && np.End > 0 && r.x.agencies[strings.ToLower(r.text[np.Start:np.End])] {
							f.channel = np
						}
					}
				}
			})
		}
		if f.time == "" {
			for _, t := range r.d.Timexes {
				if t.Value != "" && t.Start < f.clause.End && t.End > f.clause.Start && f.clause.End > f.clause.Start {
					f.time = t.Value
					break
				}
			}
		}
		if f.time == "" {
			f.time = dateline
		}
	}
}

// onlyPP reports whether a would-be content is a short prepositional
// phrase ("In a statement, the ministry said ...").
func (r *run) onlyPP(f *found) bool {
	return f.lastTok-f.firstTok <= 5 && r.class(f.firstTok) == "prep"
}

// needThat reports whether the reporting verb at i introduces speech only
// through "that" (English "announced that", not "announced the order").
func (r *run) needThat(i int) bool {
	for _, s := range r.toks[i].lex.verbs {
		if !s.needThat {
			return false
		}
	}
	return true
}

// wordsIn counts the words among tokens [a, b).
func (r *run) wordsIn(a, b int) int {
	n := 0
	for k := max(a, 0); k < b && k < len(r.toks); k++ {
		if r.toks[k].word {
			n++
		}
	}
	return n
}

// soClause handles German "…, so der Minister." and "…, so X am Montag.":
// "so" after a comma, a noun phrase, and the end of the sentence (with at
// most a time or place adjunct).
func (r *run) soClause(si, i int) *found {
	if !r.isDE() || r.class(i) != "so" || !r.isPunct(i-1, ",") {
		return nil
	}
	a0, b0 := r.bounds(si)
	na, nb := r.npAfter(i+1, b0)
	if nb <= na || r.class(na) == "pron" && r.toks[na].lower != "er" && r.toks[na].lower != "sie" {
		return nil
	}
	k := nb
	for k < b0 && (r.class(k) == "prep" || r.class(k) == "temporal" || r.class(k) == "adv" || r.isName(k) || r.toks[k].num || r.class(k) == "det" || r.isPunct(k, ".")) {
		k++
	}
	if k < b0 {
		return nil
	}
	f := r.content(a0, i-1)
	if f == nil || r.onlyPP(f) {
		return nil
	}
	r.fill(f, &attr{cue: i, part: -1, cueEnd: i + 1, lemma: "so", npA: na, npB: nb, clauseA: i - 1, clauseB: r.clauseEnd(i)})
	return f
}

// subjectAt returns the noun phrase opening the clause at a (after
// adverbs and time words), bounded by limit.
func (r *run) subjectAt(a, limit int) (int, int) {
	k := a
	for k < limit && (r.class(k) == "adv" || r.class(k) == "temporal") {
		k++
	}
	return k, r.npForward(k, limit)
}
