package link

import (
	"strings"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/kb"
)

// roleHit is a role noun found in the text.
type roleHit struct {
	doc.Span
	rn     *roleNoun
	scope  string
	former bool
	next   int // index of the word after the role noun
}

// findRole matches a role noun at word i and returns the hit, or nil.
func (lk *linking) findRole(i int) *roleHit {
	w := lk.ws[i].lower
	prefix, head := "", w
	if j := strings.LastIndex(w, "-"); j > 0 && j < len(w)-1 {
		prefix, head = w[:j], w[j+1:]
	}
	try := func(form string, pre string) *roleHit {
		for _, stem := range lk.stems(form) {
			for _, rn := range lk.r.roles[stem] {
				if !lk.r.matchForm(form, rn.words[0]) {
					continue
				}
				// Multi-word role nouns: the following words must match.
				k := i + 1
				ok := true
				for _, rw := range rn.words[1:] {
					if k >= len(lk.ws) || !lk.r.matchForm(lk.ws[k].lower, rw) {
						ok = false
						break
					}
					k++
				}
				if !ok {
					continue
				}
				return &roleHit{Span: doc.Span{Start: lk.ws[i].start, End: lk.ws[k-1].end}, rn: rn, scope: lk.prefixScope(pre), next: k}
			}
		}
		return nil
	}
	if h := try(w, ""); h != nil {
		return h
	}
	if prefix != "" {
		if h := try(head, prefix); h != nil {
			if lk.r.former[prefix] {
				h.former = true
				h.scope = ""
			}
			return h
		}
	}
	return nil
}

// stems yields the forms of w with each allowed ending removed.
func (lk *linking) stems(w string) []string {
	out := []string{w}
	ends := englishEndings
	if lk.r.german {
		ends = germanEndings
	}
	for _, e := range ends {
		if e != "" && strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			out = append(out, w[:len(w)-len(e)])
		}
	}
	return out
}

// prefixScope turns a compound prefix ("us", "nato") into a scope.
func (lk *linking) prefixScope(p string) string {
	if p == "" {
		return ""
	}
	if c := lk.l.kb.Adjective(p); len(c) > 0 {
		return c[0].Country
	}
	for _, e := range lk.l.kb.Lookup(p) {
		if e.Kind == kb.KindCountry {
			return e.Country
		}
		if e.Type == "ORG" {
			return e.ID
		}
	}
	return ""
}

// contextScope finds the scope of a role noun from the words around it:
// an adjective before ("des ukrainischen Präsidenten", "the U.S.
// president"), a possessive ("Ukraine's president"), or "of X"/"der X"
// after it. It also sets former.
func (lk *linking) contextScope(h *roleHit, i int) {
	for back := 1; back <= 2 && i-back >= 0; back++ {
		pw := lk.ws[i-back]
		if lk.isFormer(pw.lower) {
			h.former = true
			continue
		}
		if h.scope != "" {
			continue
		}
		if c := lk.l.kb.Adjective(pw.lower); len(c) > 0 && c[0].Country != "" {
			h.scope = c[0].Country
			continue
		}
		if org := lk.orgNamed(lk.d.Text[pw.start:pw.end]); org != nil {
			h.scope = org.ID // "NATO secretary-general"
			continue
		}
		// a possessive country ("Russia's president"): the best entry only
		if v := strings.TrimSuffix(strings.TrimSuffix(pw.lower, "'s"), "’s"); v != pw.lower {
			if es := lk.l.kb.Lookup(v); len(es) > 0 && es[0].Kind == kb.KindCountry {
				h.scope = es[0].Country
			}
		}
		break
	}
	if h.scope == "" && h.next+1 < len(lk.ws) {
		switch lk.ws[h.next].lower {
		case "of", "der", "des", "von":
			// "the president of Russia": the best entry only
			if es := lk.l.kb.Lookup(lk.d.Text[lk.ws[h.next+1].start:lk.ws[h.next+1].end]); len(es) > 0 {
				if e := es[0]; e.Kind == kb.KindCountry {
					h.scope = e.Country
				} else if e.Type == "ORG" {
					h.scope = e.ID
				}
			}
		}
	}
}

// plural reports whether the role noun at word i is a plural ("der
// Staatschefs", "die Präsidenten", "presidents"), which names no one person.
func (lk *linking) plural(i int) bool {
	w := lk.ws[i].lower
	if !lk.r.german {
		return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") &&
			lk.isRoleStem(strings.TrimSuffix(w, "s"))
	}
	if strings.HasSuffix(w, "innen") {
		return true
	}
	det := ""
	for back := 1; back <= 3 && i-back >= 0; back++ {
		switch pw := lk.ws[i-back].lower; pw {
		case "der", "die", "den", "des", "dem", "ein", "eine", "einer", "eines", "einem", "einen":
			det = pw
		}
		if det != "" {
			break
		}
	}
	switch det {
	case "der":
		return strings.HasSuffix(w, "s")
	case "die":
		return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") && !lk.isRoleStem(w)
	}
	return false
}

func (lk *linking) isRoleStem(w string) bool {
	_, ok := lk.r.roles[w]
	return ok
}

// orgNamed returns the KB organisation named exactly s, or nil.
func (lk *linking) orgNamed(s string) *kb.Entry {
	for _, e := range lk.l.kb.Lookup(s) {
		if e.Type == "ORG" && e.Kind != kb.KindAgency {
			return e
		}
	}
	return nil
}

func (lk *linking) isFormer(w string) bool {
	if lk.r.former[w] {
		return true
	}
	if lk.r.german {
		for _, e := range germanEndings {
			if e != "" && strings.HasSuffix(w, e) && lk.r.former[strings.TrimSuffix(w, e)] {
				return true
			}
		}
	}
	return false
}

// roleNouns resolves role nouns and titles. An appositive ("US-Präsident
// Donald Trump") teaches the story who holds the role and adds no mention;
// a role noun standing alone becomes a role mention of its holder.
func (lk *linking) roleNouns(ms []*ment) []*ment {
	byStart := map[int]*ment{}
	for _, m := range ms {
		if m.ner == "PER" && m.kind != doc.MentionDerived && m.id != "" {
			byStart[m.Start] = m
		}
	}
	lk.docRoles = map[string]*cluster{}
	clusterOf := map[string]*cluster{}
	for _, c := range lk.clusters {
		clusterOf[c.id] = c
	}
	var out []*ment
	for i := 0; i < len(lk.ws); i++ {
		h := lk.findRole(i)
		if h == nil {
			continue
		}
		lk.contextScope(h, i)
		if lk.plural(i) {
			i = h.next - 1
			continue
		}
		scope := h.scope
		if scope == "" {
			scope = h.rn.scope
		}
		// Appositive: a person's name right after the role noun.
		if h.next < len(lk.ws) {
			if pm := byStart[lk.ws[h.next].start]; pm != nil && strings.TrimSpace(lk.d.Text[h.End:pm.Start]) == "" {
				if c := clusterOf[pm.id]; c != nil {
					for _, k := range h.rn.keys {
						c.roles[k+"\x00"+scope] = true
						c.roles[k+"\x00"] = true
						lk.docRoles[k+"\x00"+scope] = c
					}
					if !lk.insideMention(ms, h.Span) {
						out = append(out, &ment{Span: h.Span, text: lk.d.Text[h.Start:h.End], ner: "PER", kind: doc.MentionRole, conf: 0.9, entry: c.entry, id: c.id, name: c.name})
					}
				}
				i = h.next - 1
				continue
			}
		}
		// Inside a name mention ("Präsident" in an ORG name): skip.
		if lk.insideMention(ms, h.Span) {
			continue
		}
		id, entry := lk.resolveRole(h, scope)
		if id == "" {
			continue
		}
		out = append(out, &ment{Span: h.Span, text: lk.d.Text[h.Start:h.End], ner: "PER", kind: doc.MentionRole, conf: 0.8, entry: entry, id: id, name: nameOf(entry)})
		i = h.next - 1
	}
	return out
}

func nameOf(e *kb.Entry) string {
	if e == nil {
		return ""
	}
	return e.Name
}

func (lk *linking) insideMention(ms []*ment, s doc.Span) bool {
	for _, m := range ms {
		if m.kind == doc.MentionDerived {
			continue
		}
		if m.Start <= s.Start && s.End <= m.End && m.Len() > s.Len() {
			return true
		}
	}
	return false
}

// resolveRole returns the entity id (and KB entry, if any) holding the
// role, or "".
func (lk *linking) resolveRole(h *roleHit, scope string) (string, *kb.Entry) {
	for _, key := range h.rn.keys {
		if c := lk.docRoles[key+"\x00"+scope]; c != nil {
			return c.id, c.entry
		}
	}
	if h.former {
		return "", nil
	}
	if scope != "" {
		for _, key := range h.rn.keys {
			holders := lk.l.kb.Holders(key, scope, lk.date)
			if len(holders) == 1 {
				return holders[0].ID, holders[0]
			}
			// Several holders (envoys): the one the story names.
			var inDoc []*kb.Entry
			for _, e := range holders {
				for _, c := range lk.clusters {
					if c.entry == e {
						inDoc = append(inDoc, e)
						break
					}
				}
			}
			if len(inDoc) == 1 {
				return inDoc[0].ID, inDoc[0]
			}
		}
		return "", nil
	}
	// No scope ("der Präsident"): the latest person of the story before
	// the noun who holds the role.
	var best *cluster
	bestStart := -1
	for _, c := range lk.clusters {
		if c.first >= h.Start || c.first < bestStart {
			continue
		}
		for _, key := range h.rn.keys {
			if c.roles[key+"\x00"] || c.entry != nil && c.entry.HasRole(key, "", lk.date) {
				best, bestStart = c, c.first
				break
			}
		}
	}
	if best != nil {
		return best.id, best.entry
	}
	return "", nil
}

// speechPronouns returns pronoun mentions for pronouns next to a reporting
// verb ("sagte er", "he said"), resolved with ResolvePronoun.
func (lk *linking) speechPronouns(ms []*ment) []*ment {
	var out []*ment
	for i, w := range lk.ws {
		if !lk.r.subject[w.lower] {
			continue
		}
		if !(i > 0 && lk.r.speech[lk.ws[i-1].lower] || i+1 < len(lk.ws) && lk.r.speech[lk.ws[i+1].lower]) {
			continue
		}
		id := lk.l.resolve(lk.d, w.start, lk.r)
		if id == "" {
			continue
		}
		m := &ment{Span: doc.Span{Start: w.start, End: w.end}, text: lk.d.Text[w.start:w.end], ner: "PER", kind: doc.MentionPronoun, conf: 0.6, id: id}
		for _, x := range ms {
			if x.id == id {
				m.entry, m.name = x.entry, x.name
				break
			}
		}
		out = append(out, m)
	}
	return out
}

// ResolvePronoun returns the id of the entity a personal pronoun at byte
// offset at refers to: the person mentioned last before at (by name, alias
// or role) whose gender, when the KB knows it, agrees with the pronoun.
// It reads d.Entities as written by Link and returns "" when no person
// fits or at is out of range. A pronoun that allows either gender ("sie",
// "they") takes the last person.
func (l *Linker) ResolvePronoun(d *doc.Document, at int) string {
	if at < 0 || at > len(d.Text) {
		return ""
	}
	return l.resolve(d, at, l.rulesFor(d.Lang))
}

func (l *Linker) resolve(d *doc.Document, at int, r *rules) string {
	gender := "x"
	ws := words(d.Text[at:min(len(d.Text), at+16)])
	if len(ws) > 0 && ws[0].start == 0 {
		if g, ok := r.pronoun[ws[0].lower]; ok {
			gender = g
		}
	}
	speaker := func(m doc.Mention) bool {
		after := words(d.Text[m.End:min(len(d.Text), m.End+24)])
		if len(after) > 0 && r.speech[after[0].lower] {
			return true
		}
		before := words(d.Text[max(0, m.Start-24):m.Start])
		return len(before) > 0 && r.speech[before[len(before)-1].lower]
	}
	bestID, bestEnd := "", -1
	spkID, spkEnd := "", -1
	for _, e := range d.Entities {
		if e.Type != "PER" {
			continue
		}
		g := ""
		if e.KB != nil {
			if ke := l.kb.ByID(e.ID); ke != nil {
				g = ke.Gender
			}
		}
		if gender != "x" && g != "" && g != gender {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == doc.MentionPronoun || m.End > at {
				continue
			}
			if m.End > bestEnd {
				bestID, bestEnd = e.ID, m.End
			}
			if m.End > spkEnd && at-m.End < 600 && speaker(m) {
				spkID, spkEnd = e.ID, m.End
			}
		}
	}
	// In an attribution ("..., he said") the pronoun usually continues the
	// last speaker rather than the last person named inside the quote.
	if spkID != "" && r.speech[nextWordAfter(d.Text, at)] || spkID != "" && r.speech[prevWordBefore(d.Text, at)] {
		return spkID
	}
	return bestID
}

func nextWordAfter(text string, at int) string {
	ws := words(text[at:min(len(text), at+40)])
	if len(ws) < 2 {
		return ""
	}
	return ws[1].lower
}

func prevWordBefore(text string, at int) string {
	ws := words(text[max(0, at-24):at])
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1].lower
}
