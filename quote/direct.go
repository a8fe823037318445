package quote

// direct attributes the quotation segments and keeps those that are
// speech.
func (r *run) direct() {
	for k, s := range r.segs {
		a := r.attribAfter(s)
		if a == nil {
			a = r.attribBefore(k, s)
		}
		embedded := r.embedded(s)
		words := 0
		for i := s.first; i < s.last; i++ {
			if r.toks[i].word || r.toks[i].num {
				words++
			}
		}
		switch {
		case s.open < 0 && a == nil:
			continue // a stray closing mark
		case embedded:
			continue // a title or scare quote inside running text
		case a == nil && words < 4 && !r.hasSentencePunct(s):
			continue
		}
		s.speech = true
		f := &found{kind: Direct, firstTok: s.first, lastTok: s.last, confidence: 0.5, pron: -1}
		f.content = r.span(s.first, s.last)
		f.sentLast = r.toks[s.last-1].sent
		for i := s.first; i < s.last; i++ {
			r.used[i] = true
		}
		if a != nil {
			r.fill(f, a)
			f.confidence = 0.9
		}
		s.f = f
		r.out = append(r.out, f)
	}
	// a quotation running over paragraphs takes the attribution of the
	// part that has one
	for i := len(r.segs) - 2; i >= 0; i-- {
		s, n := r.segs[i], r.segs[i+1]
		if s.contNext && s.f != nil && n.f != nil && s.f.cueLemma == "" && n.f.cueLemma != "" {
			s.f.speaker, s.f.speakerNP, s.f.cue, s.f.cueLemma = n.f.speaker, n.f.speakerNP, n.f.cue, n.f.cueLemma
			s.f.clause = n.f.clause
			s.f.confidence = 0.8
		}
	}
}

func (r *run) hasSentencePunct(s *quotation) bool {
	for i := s.first; i < s.last; i++ {
		if r.isPunct(i, ".!?") {
			return true
		}
	}
	return false
}

// embedded reports whether a quotation stands inside running text: a word
// right before its opening mark and running text (not an attribution)
// after it.
func (r *run) embedded(s *quotation) bool {
	if s.open < 0 {
		return false
	}
	before := s.open - 1
	if before < 0 || r.toks[before].para != s.para || r.sentStart(s.open) {
		return false
	}
	if r.isPunct(before, ":,-–—(") || r.toks[before].qmark != 0 {
		return false
	}
	if r.isPunct(before, ".!?") {
		return false
	}
	if _, _, ok := r.cueAt(before, len(r.toks)); ok && r.wordCount(s) >= 4 {
		return false // He said "..." without a colon
	}
	return true
}

func (r *run) wordCount(s *quotation) int {
	n := 0
	for i := s.first; i < s.last; i++ {
		if r.toks[i].word {
			n++
		}
	}
	return n
}

// attribAfter looks for "…“, sagte X" / "…," X said after the closing mark.
func (r *run) attribAfter(s *quotation) *attr {
	if s.close < 0 {
		return nil
	}
	i := s.close + 1
	if i >= len(r.toks) || r.toks[i].para != s.para {
		return nil
	}
	// „…geben.“ Er forderte …: the quotation ended its sentence, and what
	// follows is a new one; after „…?“ or „…!“ the attribution goes on in
	// lower case ("fragte er") or after a comma
	if last := s.last - 1; last >= s.first && !r.isPunct(i, ",-–—") {
		if r.isPunct(last, ".") || r.isPunct(last, "?!…") && r.toks[i].cap {
			return nil
		}
	}
	limit := r.clauseEnd(i)
	k := i
	for k < limit && r.isPunct(k, ",-–—") {
		k++
	}
	if k >= limit {
		return nil
	}
	// German "…“, so Selenskyj."
	if r.isDE() && r.class(k) == "so" {
		a, b := r.npAfter(k+1, limit)
		if b > a {
			return &attr{cue: k, part: -1, cueEnd: k + 1, lemma: "so", npA: a, npB: b, clauseA: i, clauseB: limit}
		}
	}
	reach := k + 3
	if !r.isDE() {
		reach = k + 12
	}
	for c := k; c < limit && c < reach; c++ {
		if r.segOf[c] >= 0 {
			break
		}
		lemma, part, ok := r.cueAt(c, limit)
		if !ok {
			continue
		}
		a := &attr{cue: c, part: part, cueEnd: c + 1, lemma: lemma, clauseA: i, clauseB: limit}
		if c > k {
			a.npA, a.npB = r.npBefore(c, k)
			title := a.npB > a.npA && r.isName(a.npA) && a.npA-k <= 2 && r.wordsIn(k, a.npA) == a.npA-k // "spokeswoman Mao Ning said"
			if a.npA != k && !title && !r.isDE() && !r.isPunct(i, ",-–—") && r.toks[k].word && !r.toks[k].cap && r.class(k) != "pron" && r.class(k) != "det" {
				// running text after the quotation, not an attribution:
				// "said “it gets me mad” every time he thinks …"
				return nil
			}
		}
		if a.npB <= a.npA {
			a.npA, a.npB = r.npAfter(c+1, limit)
		}
		return a
	}
	return nil
}

// attribBefore looks for "X sagte: „…“" / "X said, "…"" before the opening
// mark, back to the start of the sentence or the previous quotation.
func (r *run) attribBefore(k int, s *quotation) *attr {
	if s.open < 0 {
		return nil
	}
	j := s.open - 1
	if j < 0 || r.toks[j].para != s.para {
		return nil
	}
	cueRight := false
	if _, _, ok := r.cueAt(j, s.open); ok {
		cueRight = true
	}
	if !r.isPunct(j, ":,-–—") && !cueRight {
		return nil
	}
	lo := r.sents[r.toks[j].sent].first
	if k > 0 {
		p := r.segs[k-1]
		if p.para == s.para && p.close >= lo {
			lo = p.close + 1
		}
	}
	// a sentence break inside the clause: take its last sentence
	for c := j; c >= lo; c-- {
		if r.segOf[c] >= 0 && r.segOf[c] != k {
			lo = c + 1
			break
		}
		lemma, part, ok := r.cueAt(c, s.open)
		if !ok {
			continue
		}
		a := &attr{cue: c, part: part, cueEnd: c + 1, lemma: lemma, clauseA: lo, clauseB: s.open}
		a.npA, a.npB = r.npBefore(c, lo)
		if a.npB <= a.npA {
			a.npA, a.npB = r.npAfter(c+1, s.open)
		}
		return a
	}
	// "X widersprach: „…“": a colon before the quotation marks speech even
	// after a verb the lexicon does not list; the speaker is the subject.
	if r.isPunct(j, ":") && j-1 >= lo && r.toks[j-1].word && !r.toks[j-1].cap {
		a := &attr{cue: j - 1, part: -1, cueEnd: j, lemma: r.toks[j-1].lower, clauseA: lo, clauseB: s.open}
		a.npA, a.npB = r.npBefore(j-1, lo)
		if a.npB <= a.npA {
			k := lo
			for k < j-1 && (r.class(k) == "adv" || r.class(k) == "temporal") {
				k++
			}
			a.npA, a.npB = k, r.npForward(k, j-1)
		}
		if a.npB > a.npA {
			return a
		}
	}
	return nil
}
