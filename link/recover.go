package link

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/kb"
)

// personName is a multi-word name of a KB person, as word keys.
type personName struct {
	keys  []string
	entry *kb.Entry
}

// buildNameIndex indexes the multi-word names of KB persons by the key of
// their first word, for recoverNames.
func buildNameIndex(k *kb.KB) map[string][]personName {
	idx := map[string][]personName{}
	for _, e := range k.Entries() {
		if e.Type != "PER" {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]kb.Name{{Text: e.Name}}, e.Names...) {
			key := kb.Key(n.Text)
			ws := strings.Fields(key)
			if len(ws) < 2 || seen[key] {
				continue
			}
			seen[key] = true
			idx[ws[0]] = append(idx[ws[0]], personName{keys: ws, entry: e})
		}
	}
	return idx
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// recoverNames finds full names of KB persons that NER missed or cut
// ("Donald" tagged LOC in "Donald Trump") and adds them as PER name
// mentions, replacing the NER mentions inside them.
func (lk *linking) recoverNames(ms []*ment) []*ment {
	idx := lk.l.names
	var added []*ment
	for i := 0; i < len(lk.ws); i++ {
		w := lk.ws[i]
		if !capitalised(lk.d.Text[w.start:w.end]) {
			continue
		}
		cands := idx[kb.Key(lk.d.Text[w.start:w.end])]
		if len(cands) == 0 {
			continue
		}
		var best *personName
		bestEnd := 0
		for ci := range cands {
			pn := &cands[ci]
			if i+len(pn.keys) > len(lk.ws) {
				continue
			}
			ok := true
			for k := 1; k < len(pn.keys); k++ {
				ww := lk.ws[i+k]
				t := lk.d.Text[ww.start:ww.end]
				if !capitalised(t) || !sameWord(kb.Key(t), pn.keys[k], k == len(pn.keys)-1) {
					ok = false
					break
				}
				// Only spaces between the words of a name.
				if strings.TrimSpace(lk.d.Text[lk.ws[i+k-1].end:ww.start]) != "" {
					ok = false
					break
				}
			}
			if ok && lk.ws[i+len(pn.keys)-1].end > bestEnd {
				if best != nil && best.entry != pn.entry && lk.ws[i+len(pn.keys)-1].end == bestEnd {
					best = nil // two people with this name: leave it to NER
					continue
				}
				best, bestEnd = pn, lk.ws[i+len(pn.keys)-1].end
			}
		}
		if best == nil {
			continue
		}
		span := doc.Span{Start: w.start, End: bestEnd}
		if coveredBy(ms, span, "PER") {
			i += len(best.keys) - 1
			continue
		}
		added = append(added, &ment{Span: span, text: lk.d.Text[span.Start:span.End], ner: "PER", kind: doc.MentionName, conf: 0.7})
		i += len(best.keys) - 1
	}
	if len(added) == 0 {
		return ms
	}
	return merge(ms, added)
}

// sameWord compares word keys, allowing a genitive s on the last word.
func sameWord(got, want string, last bool) bool {
	return got == want || last && got == want+"s"
}

// coveredBy reports whether a mention of type typ already covers span.
func coveredBy(ms []*ment, s doc.Span, typ string) bool {
	for _, m := range ms {
		if m.Start <= s.Start && s.End <= m.End && (typ == "" || m.ner == typ) && m.kind != doc.MentionDerived {
			return true
		}
	}
	return false
}

// merge adds new mentions, dropping the old non-derived mentions that
// overlap one of them, and keeps text order.
func merge(ms, added []*ment) []*ment {
	out := ms[:0:0]
	for _, m := range ms {
		drop := false
		for _, a := range added {
			if m.kind != doc.MentionDerived && m.Start < a.End && a.Start < m.End {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	out = append(out, added...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// recoverSurnames adds the surnames NER missed of persons the story names
// in full ("nach einem Telefonat mit Trump"): capitalised words, outside
// any mention, whose key is the last word of a full name in the story.
func (lk *linking) recoverSurnames(ms []*ment) []*ment {
	last := map[string]*cluster{}
	amb := map[string]bool{}
	for _, c := range lk.clusters {
		if len(c.words) < 2 {
			continue
		}
		k := c.words[len(c.words)-1]
		if len(k) < 3 {
			continue
		}
		if o, ok := last[k]; ok && o != c {
			amb[k] = true
		}
		last[k] = c
	}
	if len(last) == 0 {
		return ms
	}
	var added []*ment
	for _, w := range lk.ws {
		t := lk.d.Text[w.start:w.end]
		if !capitalised(t) {
			continue
		}
		k := kb.Key(t)
		c := last[k]
		if c == nil && lk.r.german && strings.HasSuffix(k, "s") {
			c = last[strings.TrimSuffix(k, "s")]
		}
		if c == nil || amb[k] {
			continue
		}
		span := doc.Span{Start: w.start, End: w.end}
		if !lk.r.german && sentenceInitial(lk.d.Text, w.start) {
			continue // "Store sales rose" is not Støre
		}
		if overlapsAny(ms, span) {
			continue
		}
		m := &ment{Span: span, text: t, ner: "PER", kind: doc.MentionName, conf: 0.6}
		lk.attach(m, c, 0.6)
		added = append(added, m)
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

func overlapsAny(ms []*ment, s doc.Span) bool {
	for _, m := range ms {
		if m.Start < s.End && s.Start < m.End {
			return true
		}
	}
	return false
}

// sentenceInitial reports whether the word at off starts a sentence.
func sentenceInitial(text string, off int) bool {
	t := strings.TrimRight(text[:off], " \t\n\"“„'‘")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}

// recoverAdjectives adds a derived mention for a lower-case adjective that
// the knowledge base knows as a country's ("ukrainische und US-Vertreter",
// "die russische Seite") when NER left it out: the adjectives are a closed
// class, so a KB match with a single country is safe, and events need them
// to resolve groups to their country.
func (lk *linking) recoverAdjectives(ms []*ment) []*ment {
	var added []*ment
	for _, w := range lk.ws {
		t := lk.d.Text[w.start:w.end]
		if capitalised(t) || len(t) < 5 {
			continue
		}
		es := lk.l.kb.Adjective(t)
		if len(es) != 1 || es[0].Kind != kb.KindCountry {
			continue
		}
		span := doc.Span{Start: w.start, End: w.end}
		if overlapsAny(ms, span) {
			continue
		}
		added = append(added, &ment{Span: span, text: t, ner: "LOC", kind: doc.MentionDerived, conf: 0.6})
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}
