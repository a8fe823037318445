// Package link turns the NER layer's one-entity-per-mention output into one
// entity per real-world entity: it links mentions to the knowledge base
// (package kb), merges spelling variants, surnames and inflected forms
// inside a story, and adds the mentions NER does not see: role nouns
// ("der US-Präsident" → Donald Trump on the story's date), pronouns that
// attribute quotes ("sagte er"), and capitals and buildings standing for
// their government ("Eine Bestätigung aus Moskau", "der Kreml").
//
// Decisions:
//
//   - Ids. A linked entity's id is its KB id (iso3166:UA, geonames:703448,
//     dl:person:volodymyr-zelenskyy); doc.Entity.KB carries the Wikidata id
//     when the KB has one, else the KB id. An unlinked entity gets
//     "dl:" + lower-case type + ":" + kb.Slug(name), the spelling-independent
//     skeleton of its fullest name, so the store can merge it across stories
//     and spellings.
//   - Metonymy. A capital or building that speaks or acts is linked to the
//     country it stands for (iso3166:RU), not to a separate government
//     entity, with mention kind "metonym": event and quote layers then see
//     one actor for "Russland", "Moskau lehnt ab" and "der Kreml erklärte".
//   - Precision first. A person is linked to a KB person only by a full
//     name or alias the KB lists, or by a surname that a full name in the
//     same story resolves; ambiguous candidates stay unlinked. A role noun
//     is resolved only when exactly one KB person holds the role on the
//     story's date, or an appositive in the story names the holder.
//
// Cost: linear in the number of words and mentions, with map lookups; see
// BenchmarkLink.
package link

import (
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/kb"
	"github.com/dateline/dateline/pipeline"
)

// Linker links and resolves the entities of documents. It is safe for
// concurrent use.
type Linker struct {
	kb    *kb.KB
	rules map[string]*rules
	names map[string][]personName // KB persons' multi-word names by first word
}

// New returns a linker over k (kb.Default() when k is nil) with the role
// files of every language that has one.
func New(k *kb.KB) (*Linker, error) {
	if k == nil {
		var err error
		if k, err = kb.Default(); err != nil {
			return nil, err
		}
	}
	l := &Linker{kb: k, rules: map[string]*rules{}, names: buildNameIndex(k)}
	for _, code := range []string{"de", "en"} {
		r, err := loadRules(code)
		if err != nil {
			return nil, err
		}
		l.rules[code] = r
	}
	return l, nil
}

func (l *Linker) rulesFor(code string) *rules {
	if r, ok := l.rules[code]; ok {
		return r
	}
	return l.rules["en"]
}

// Stage returns the pipeline stage "link" over knowledge base k (nil: the
// embedded default, loaded on the first document).
func Stage(k *kb.KB) pipeline.Stage { return &stage{k: k} }

type stage struct {
	k    *kb.KB
	once sync.Once
	l    *Linker
	err  error
}

func (*stage) Name() string { return "link" }
func (*stage) Needs() []pipeline.Layer {
	return []pipeline.Layer{pipeline.Lang, pipeline.Sentences, pipeline.Entities, pipeline.Dateline}
}
func (*stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Links} }
func (s *stage) Process(d *doc.Document) error {
	s.once.Do(func() { s.l, s.err = New(s.k) })
	if s.err != nil {
		return s.err
	}
	s.l.Link(d)
	return nil
}

// ment is one mention being linked.
type ment struct {
	doc.Span
	text  string
	ner   string // NER type
	kind  string
	conf  float64
	entry *kb.Entry
	id    string // final entity id
	name  string // display name for unlinked entities
}

// cluster is one person of the story.
type cluster struct {
	key   string   // Key of the fullest name
	words []string // its words
	entry *kb.Entry
	id    string
	name  string
	roles map[string]bool // role key + "\x00" + scope seen in appositives
	first int             // start of the mention that created the cluster
}

// StoryDate returns the date roles are resolved at: the dateline's date,
// else the publication date (zero when neither is known: roles held today).
func StoryDate(d *doc.Document) time.Time {
	if d.Dateline != nil && !d.Dateline.Date.IsZero() {
		return d.Dateline.Date
	}
	return d.Date
}

// Link rewrites d.Entities: one entity per real-world entity, with KB
// references, canonical names and role, pronoun and metonym mentions added;
// and sets the entity of each dateline place. It never panics on spans out
// of range (such mentions are dropped with an error on d).
func (l *Linker) Link(d *doc.Document) {
	r := l.rulesFor(d.Lang)
	date := StoryDate(d)
	ws := words(d.Text)
	var ms []*ment
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(d.Text)) || m.Len() == 0 {
				d.AddError("link", "link.span", "entity %q: mention span %d-%d out of range", e.ID, m.Start, m.End)
				continue
			}
			k := m.Kind
			if k == "" {
				k = doc.MentionName
			}
			ms = append(ms, &ment{Span: m.Span, text: d.Text[m.Start:m.End], ner: e.Type, kind: k, conf: m.Confidence})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	if d.Dateline != nil {
		// A dateline place is a place, whatever NER thought.
		for _, p := range d.Dateline.Places {
			for _, m := range ms {
				if m.Span == p.Span {
					m.ner = "LOC"
				}
			}
		}
	}

	lk := &linking{l: l, r: r, d: d, ws: ws, date: date}
	ms = lk.recoverNames(ms)
	ms = lk.recoverAdjectives(ms)
	lk.places(ms)
	lk.persons(ms)
	ms = lk.recoverSurnames(ms)
	lk.metonyms(ms)
	roleMs := lk.roleNouns(ms)
	ms = append(ms, roleMs...)
	ms = append(ms, lk.dateline(ms)...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	d.Entities = lk.assemble(ms)
	if pm := lk.speechPronouns(ms); len(pm) > 0 {
		ms = append(ms, pm...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		d.Entities = lk.assemble(ms)
	}
}

type linking struct {
	l        *Linker
	r        *rules
	d        *doc.Document
	ws       []word
	date     time.Time
	clusters []*cluster
	docRoles map[string]*cluster
}

// wordIndex returns the index of the first word starting at or after off.
func (lk *linking) wordIndex(off int) int {
	return sort.Search(len(lk.ws), func(i int) bool { return lk.ws[i].start >= off })
}

// prevWord returns the word ending at or before off, or "".
func (lk *linking) prevWord(off int, back int) string {
	i := lk.wordIndex(off) - back
	if i < 0 || i >= len(lk.ws) {
		return ""
	}
	return lk.ws[i].lower
}

// nextWord returns the first word starting at or after off, or "".
func (lk *linking) nextWord(off int) string {
	i := lk.wordIndex(off)
	if i >= len(lk.ws) {
		return ""
	}
	return lk.ws[i].lower
}

// variants returns the forms of a name to look up: as written, then
// without a genitive ending.
func (lk *linking) variants(s string) []string {
	out := []string{s}
	for _, suf := range []string{"'s", "’s", "'"} {
		if strings.HasSuffix(s, suf) {
			return append(out, strings.TrimSuffix(s, suf))
		}
	}
	if lk.r.german {
		// Inflected adjectives in names: "Internationalen Atomenergiebehörde".
		if ws := strings.Fields(s); len(ws) > 1 {
			for _, rep := range []string{"e", "er", "es"} {
				changed := false
				for i, w := range ws[:len(ws)-1] {
					if strings.HasSuffix(w, "en") && len(w) > 4 {
						ws[i] = w[:len(w)-2] + rep
						changed = true
					}
				}
				if changed {
					out = append(out, strings.Join(ws, " "))
				}
				ws = strings.Fields(s)
			}
		}
		if strings.HasSuffix(s, "s") && len(s) > 3 {
			out = append(out, s[:len(s)-1])
		}
		if strings.HasSuffix(s, "es") && len(s) > 4 {
			out = append(out, s[:len(s)-2])
		}
	}
	return out
}

func compatible(ner string, e *kb.Entry) bool {
	switch ner {
	case "PER":
		return e.Type == "PER"
	case "LOC":
		return e.Type == "LOC" || e.Kind == kb.KindOrg
	case "ORG":
		return e.Type == "ORG" || e.Kind == kb.KindCountry || e.MetonymOf != ""
	default:
		return e.Type != "PER"
	}
}

// candidates returns the KB entries a non-person mention may denote, most
// likely first.
func (lk *linking) candidates(m *ment) []*kb.Entry {
	if m.kind == doc.MentionDerived {
		if c := lk.l.kb.Adjective(m.text); len(c) > 0 {
			return c
		}
	}
	for _, v := range lk.variants(m.text) {
		var out []*kb.Entry
		for _, e := range lk.l.kb.Lookup(v) {
			if compatible(m.ner, e) {
				out = append(out, e)
			}
		}
		if len(out) > 0 {
			if m.ner == "ORG" {
				// Prefer organisations over places for an ORG mention.
				sort.SliceStable(out, func(i, j int) bool { return out[i].Type == "ORG" && out[j].Type != "ORG" })
			}
			return out
		}
	}
	if m.kind != doc.MentionDerived && m.ner != "PER" {
		if c := lk.l.kb.Adjective(m.text); len(c) > 0 && m.ner == "MISC" {
			return c
		}
	}
	return nil
}

// places links every non-person mention.
func (lk *linking) places(ms []*ment) {
	for _, m := range ms {
		if m.ner == "PER" && m.kind != doc.MentionDerived {
			continue
		}
		lk.linkPlace(m)
	}
}

// linkPlace links one non-person mention to its best KB candidate; it
// reports whether it found one.
func (lk *linking) linkPlace(m *ment) bool {
	c := lk.candidates(m)
	region := lk.isRegion(m)
	if ws := strings.Fields(m.text); len(ws) > 1 {
		// "Region Donezk", "Donetsk Oblast" inside the mention.
		first, last := strings.ToLower(ws[0]), strings.ToLower(ws[len(ws)-1])
		rest := ""
		switch {
		case lk.r.region[first]:
			rest = strings.Join(ws[1:], " ")
		case lk.r.region[last]:
			rest = strings.Join(ws[:len(ws)-1], " ")
		}
		if rest != "" && len(c) == 0 {
			c = lk.candidates(&ment{Span: m.Span, text: rest, ner: m.ner, kind: m.kind})
			region = true
		}
	}
	if len(c) == 0 {
		return false
	}
	best := c[0]
	if region {
		if s := lk.subdivision(c); s != nil {
			best = s
		}
	} else if best.Kind == kb.KindSubdivision {
		// A bare name that is both a city and a subdivision is the city.
		for _, e := range c {
			if e.Kind == kb.KindCity {
				best = e
				break
			}
		}
	}
	if m.kind == doc.MentionDerived && best.MetonymOf != "" && best.Kind == kb.KindBuilding {
		// "Kreml" in "Kremlchef" stands for the country.
		if t := lk.l.kb.ByID(best.MetonymOf); t != nil {
			best = t
		}
	}
	m.entry = best
	m.conf = 0.9
	return true
}

// placeNotPerson re-types a one-word PER mention that no person of the
// story or KB explains but that names a well-known place ("Donezk" tagged
// PER): a country, a capital, a city named in several languages, or any
// KB place after a locative or region word.
func (lk *linking) placeNotPerson(m *ment) bool {
	probe := &ment{Span: m.Span, text: m.text, ner: "LOC", kind: doc.MentionName}
	c := lk.candidates(probe)
	if len(c) == 0 {
		return false
	}
	e := c[0]
	prev := lk.prevWord(m.Start, 1)
	strong := e.Kind == kb.KindCountry || e.MetonymOf != "" || e.Kind == kb.KindCity && e.Rank >= 3 ||
		lk.r.locative[prev] || lk.r.region[prev]
	if !strong {
		return false
	}
	m.ner = "LOC"
	return lk.linkPlace(m)
}

func (lk *linking) isRegion(m *ment) bool {
	prev := lk.prevWord(m.Start, 1)
	next := lk.nextWord(m.End)
	return lk.r.region[prev] || (!lk.r.german && lk.r.region[next])
}

// subdivision returns a subdivision among the candidates, or the
// subdivision named after a city candidate ("Region Donezk" → Donetska
// oblast).
func (lk *linking) subdivision(c []*kb.Entry) *kb.Entry {
	for _, e := range c {
		if e.Kind == kb.KindSubdivision {
			return e
		}
	}
	for _, e := range c {
		if e.Kind != kb.KindCity || e.Country == "" {
			continue
		}
		ck := kb.Key(e.Name)
		if len(ck) < 4 {
			continue
		}
		for _, s := range lk.l.kb.Subdivisions(e.Country) {
			if strings.HasPrefix(kb.Key(s.Name), ck) {
				return s
			}
		}
	}
	return nil
}

// persons links person mentions: full names to the KB and to clusters,
// surnames and partial names to a full name of the story.
func (lk *linking) persons(ms []*ment) {
	var single []*ment
	for _, m := range ms {
		if m.ner != "PER" || m.kind == doc.MentionDerived {
			continue
		}
		ws := strings.Fields(kb.Key(m.text))
		if len(ws) == 0 {
			continue
		}
		if len(ws) == 1 {
			single = append(single, m)
			continue
		}
		lk.fullName(m)
	}
	for _, m := range single {
		lk.surname(m)
	}
	// Derived person mentions ("Selenskyj" in "Selenskyj-Berater") join a
	// person of the story with that surname; they never start a cluster.
	for _, m := range ms {
		if m.ner != "PER" || m.kind != doc.MentionDerived {
			continue
		}
		k := kb.Key(m.text)
		for _, c := range lk.clusters {
			if len(c.words) > 0 && c.words[len(c.words)-1] == k {
				lk.attach(m, c, 0.8)
				break
			}
		}
	}
}

func (lk *linking) personEntries(s string) []*kb.Entry {
	var out []*kb.Entry
	for _, v := range lk.variants(s) {
		for _, e := range lk.l.kb.Lookup(v) {
			if e.Type == "PER" {
				out = append(out, e)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

func (lk *linking) fullName(m *ment) {
	var entry *kb.Entry
	if c := lk.personEntries(m.text); len(c) == 1 {
		entry = c[0]
	} else if len(c) == 0 {
		entry = lk.partialKB(m.text)
	}
	key := kb.Key(m.text)
	for _, c := range lk.clusters {
		if entry != nil && c.entry == entry || entry == nil && (c.key == key || strings.HasSuffix(c.key, " "+key)) {
			lk.attach(m, c, 0.9)
			return
		}
	}
	c := &cluster{key: key, words: strings.Fields(key), entry: entry, name: m.text, roles: map[string]bool{}, first: m.Start}
	if entry != nil {
		c.id = entry.ID
	} else {
		c.id = "dl:per:" + strings.ReplaceAll(key, " ", "-")
	}
	lk.clusters = append(lk.clusters, c)
	lk.attach(m, c, 0.9)
}

// partialKB links a multi-word name that is the tail of exactly one KB
// person's name ("Tayyip Erdogan" → Recep Tayyip Erdoğan), found through
// the person's surname alias.
func (lk *linking) partialKB(s string) *kb.Entry {
	key := kb.Key(s)
	ws := strings.Fields(key)
	if len(ws) < 2 {
		return nil
	}
	var found *kb.Entry
	for _, e := range lk.l.kb.LookupKey(ws[len(ws)-1]) {
		if e.Type != "PER" {
			continue
		}
		for _, n := range append([]kb.Name{{Text: e.Name}}, e.Names...) {
			if strings.HasSuffix(kb.Key(n.Text), " "+key) {
				if found != nil && found != e {
					return nil
				}
				found = e
				break
			}
		}
	}
	return found
}

// surnameFirst reports a KB person whose name puts the family name first
// in Western news ("Wang Yi" → "Wang").
func surnameFirst(e *kb.Entry) bool {
	if e == nil {
		return false
	}
	switch e.Country {
	case "CN", "TW", "KR", "KP", "VN":
		return true
	}
	return false
}

func (lk *linking) attach(m *ment, c *cluster, conf float64) {
	m.entry = c.entry
	m.id = c.id
	m.name = c.name
	m.conf = conf
}

func (lk *linking) surname(m *ment) {
	var best *cluster
	for _, v := range lk.variants(m.text) {
		k := kb.Key(v)
		var before, after *cluster
		for _, c := range lk.clusters {
			if len(c.words) < 2 || c.words[len(c.words)-1] != k && !(c.words[0] == k && surnameFirst(c.entry)) {
				continue
			}
			// The cluster's first mention decides before/after; clusters
			// are created in text order, so the last match before wins.
			if c.first < m.Start {
				before = c
			} else if after == nil {
				after = c
			}
		}
		if before != nil {
			best = before
		} else {
			best = after
		}
		if best != nil {
			break
		}
	}
	if best != nil {
		lk.attach(m, best, 0.9)
		return
	}
	// A KB alias ("Trump", "Selenskyj"): only when exactly one person has it.
	if c := lk.personEntries(m.text); len(c) == 1 {
		e := c[0]
		for _, cl := range lk.clusters {
			if cl.entry == e {
				lk.attach(m, cl, 0.85)
				return
			}
		}
		cl := &cluster{key: kb.Key(e.Name), words: strings.Fields(kb.Key(e.Name)), entry: e, id: e.ID, name: e.Name, roles: map[string]bool{}, first: m.Start}
		lk.clusters = append(lk.clusters, cl)
		lk.attach(m, cl, 0.8)
		return
	}
	if lk.placeNotPerson(m) {
		return
	}
	key := kb.Key(m.text)
	for _, cl := range lk.clusters {
		if cl.key == key {
			lk.attach(m, cl, 0.6)
			return
		}
	}
	cl := &cluster{key: key, words: []string{key}, id: "dl:per:" + strings.ReplaceAll(key, " ", "-"), name: m.text, roles: map[string]bool{}, first: m.Start}
	lk.clusters = append(lk.clusters, cl)
	lk.attach(m, cl, 0.5)
}

// metonyms marks capitals and buildings that speak or act. A building is
// a metonym unless a locative preposition precedes it ("im Kreml"). A
// capital is one when NER typed it ORG, or a cue says so: an acting verb
// after it ("Moskau lehnt ab"), a cue noun or verb before it ("Bestätigung
// aus Moskau", "called on Washington"), a clause start before it and a verb
// after it ("sagte, Warschau werde"), or coordination with a metonym
// ("von Moskau und Kiew"). After a locative preposition it stays a place
// ("die Regierung in Moskau").
func (lk *linking) metonyms(ms []*ment) {
	var prevMet *ment
	for _, m := range ms {
		e := m.entry
		if e == nil || e.MetonymOf == "" || m.kind == doc.MentionDerived {
			continue
		}
		prev := lk.prevWord(m.Start, 1)
		prev2 := lk.prevWord(m.Start, 2)
		locative := lk.r.locative[prev] || articles[prev] && lk.r.locative[prev2]
		met := false
		switch {
		case locative:
		case e.Kind == kb.KindBuilding:
			met = true
		case m.ner == "ORG":
			met = true
		default:
			next := lk.nextWord(m.End)
			switch {
			case lk.r.actorAfter[next]:
				met = true
			case lk.r.actorBefore[prev]:
				met = true
			case prepositions[prev] && lk.r.actorBefore[prev2]:
				met = true
			case (prev == "und" || prev == "and") && prevMet != nil && lk.gap(prevMet.End, m.Start) <= 6:
				met = true
			case lk.clauseStart(m.Start) && lk.verbAfter(m.End):
				met = true
			case lk.perfectAfter(m.End):
				met = true
			case lk.genitive(m) && !lk.r.placeNoun[next]:
				met = true
			}
		}
		if !met {
			continue
		}
		target := lk.l.kb.ByID(e.MetonymOf)
		if target == nil {
			continue
		}
		m.entry = target
		m.kind = doc.MentionMetonym
		m.conf = 0.7
		prevMet = m
	}
}

var articles = map[string]bool{"dem": true, "den": true, "der": true, "the": true}

var prepositions = map[string]bool{"aus": true, "von": true, "from": true, "of": true, "on": true, "to": true,
	"an": true, "with": true, "mit": true, "zwischen": true, "between": true, "gegen": true, "against": true}

// clauseStart reports whether off begins a clause: after punctuation, a
// quotation mark, a reporting verb or a subordinating conjunction.
func (lk *linking) clauseStart(off int) bool {
	t := strings.TrimRight(lk.d.Text[max(0, off-8):off], " \t\n")
	if t == "" {
		return off < 8
	}
	switch t[len(t)-1] {
	case ',', ';', ':', '.', '"', '(':
		return true
	}
	if strings.HasSuffix(t, "„") || strings.HasSuffix(t, "“") || strings.HasSuffix(t, "»") {
		return true
	}
	p := lk.prevWord(off, 1)
	return lk.r.speech[p] || p == "that" || p == "dass" || p == "daß"
}

// verbAfter reports whether the word after off looks like a finite verb:
// lower-case, not an article or preposition, and not a copula followed by a
// participle ("Kyiv was hit").
func (lk *linking) verbAfter(off int) bool {
	i := lk.wordIndex(off)
	if i >= len(lk.ws) || strings.TrimSpace(lk.d.Text[off:lk.ws[i].start]) != "" {
		return false
	}
	w := lk.ws[i]
	r := []rune(lk.d.Text[w.start:w.end])
	if len(r) == 0 || !unicode.IsLower(r[0]) || notVerb[w.lower] {
		return false
	}
	if copula[w.lower] {
		// "Kyiv was ready" acts; "Kyiv was hit" does not.
		return i+1 < len(lk.ws) && stance[lk.ws[i+1].lower]
	}
	return true
}

// stance words after a copula make a capital an actor ("Kyiv is ready").
var stance = map[string]bool{"ready": true, "willing": true, "open": true, "prepared": true, "determined": true,
	"unwilling": true, "committed": true, "interested": true, "bereit": true, "offen": true, "entschlossen": true,
	"not": true, "nicht": true}

// perfectAfter reports an auxiliary and a participle after off: "Moscow
// has rejected", "Moskau hat die Vorwürfe zurückgewiesen".
func (lk *linking) perfectAfter(off int) bool {
	i := lk.wordIndex(off)
	if i >= len(lk.ws) || strings.TrimSpace(lk.d.Text[off:lk.ws[i].start]) != "" {
		return false
	}
	switch lk.ws[i].lower {
	case "has", "had", "have", "hat", "hatte", "haben":
	default:
		return false
	}
	for k := i + 1; k < len(lk.ws) && k <= i+10; k++ {
		gap := lk.d.Text[lk.ws[k-1].end:lk.ws[k].start]
		if strings.ContainsAny(gap, ".,;:!?") {
			return false
		}
		w := lk.ws[k].lower
		if !lk.r.german {
			return strings.HasSuffix(w, "ed") || irregularParticiple[w]
		}
		if strings.HasPrefix(w, "ge") && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")) ||
			strings.HasSuffix(w, "iert") || strings.Contains(w, "ge") && strings.HasSuffix(w, "en") && k > i+1 {
			return true
		}
	}
	return false
}

var irregularParticiple = map[string]bool{"said": true, "made": true, "told": true, "sent": true, "sought": true,
	"taken": true, "given": true, "shown": true, "written": true, "become": true, "been": false, "held": true,
	"drawn": true, "struck": true, "begun": true, "offered": true, "spoken": true, "won": true, "lost": true}

// genitive reports a capital in the genitive: "Moskaus Angriffskrieg",
// "Moscow's demands".
func (lk *linking) genitive(m *ment) bool {
	t := m.text
	if strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") {
		return true
	}
	if m.End+3 <= len(lk.d.Text) && (lk.d.Text[m.End:m.End+2] == "'s" || strings.HasPrefix(lk.d.Text[m.End:], "’s")) {
		return true
	}
	if lk.r.german && strings.HasSuffix(t, "s") && m.entry != nil {
		// "Moskaus": the name without its s is the entry's German name.
		base := kb.Key(strings.TrimSuffix(t, "s"))
		for _, n := range m.entry.Names {
			if kb.Key(n.Text) == base {
				return true
			}
		}
	}
	return false
}

var notVerb = map[string]bool{"und": true, "and": true, "or": true, "oder": true, "in": true, "im": true, "an": true, "am": true,
	"auf": true, "bei": true, "nach": true, "von": true, "zu": true, "of": true, "on": true, "at": true, "to": true,
	"for": true, "für": true, "mit": true, "with": true, "liegt": true, "lag": true, "lies": true, "gilt": true,
	"zählt": true, "hat": true, "hatte": true, "has": true, "had": true, "ist": true, "war": true}

var copula = map[string]bool{"was": true, "is": true, "were": true, "wurde": true, "wird": true}

func (lk *linking) gap(a, b int) int {
	if b < a {
		return 1 << 30
	}
	return b - a
}

// dateline links the places of the dateline and returns name mentions for
// those NER did not find.
func (lk *linking) dateline(ms []*ment) []*ment {
	dl := lk.d.Dateline
	if dl == nil {
		return nil
	}
	var out []*ment
	for i := range dl.Places {
		p := &dl.Places[i]
		if !p.Span.Valid(len(lk.d.Text)) || p.Len() == 0 {
			continue
		}
		text := lk.d.Text[p.Start:p.End]
		var found *ment
		for _, m := range ms {
			if m.Span == p.Span {
				found = m
				break
			}
		}
		if found == nil {
			found = &ment{Span: p.Span, text: text, ner: "LOC", kind: doc.MentionName}
			c := lk.candidates(found)
			for _, e := range c {
				if e.Kind == kb.KindCity {
					found.entry = e
					break
				}
			}
			if found.entry == nil && len(c) > 0 {
				found.entry = c[0]
			}
			found.conf = 0.9
			out = append(out, found)
		}
		p.Entity = lk.idOf(found)
	}
	return out
}

func (lk *linking) idOf(m *ment) string {
	if m.id != "" {
		return m.id
	}
	if m.entry != nil {
		return m.entry.ID
	}
	return "dl:" + strings.ToLower(nonEmpty(m.ner, "misc")) + ":" + kb.Slug(m.text)
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// assemble groups mentions into entities, in order of first mention.
func (lk *linking) assemble(ms []*ment) []doc.Entity {
	byID := map[string]int{}
	var out []doc.Entity
	for _, m := range ms {
		id := lk.idOf(m)
		m.id = id
		i, ok := byID[id]
		if !ok {
			e := doc.Entity{ID: id, Type: m.ner}
			if m.entry != nil {
				e.Type = m.entry.Type
				e.Name = m.entry.Name
				e.KB = &doc.KBRef{ID: m.entry.RefID(), Label: m.entry.Label()}
			} else {
				e.Name = nonEmpty(m.name, m.text)
			}
			if e.Type == "" {
				e.Type = "MISC"
			}
			out = append(out, e)
			i = len(out) - 1
			byID[id] = i
		}
		e := &out[i]
		if e.KB == nil && m.kind == doc.MentionName && len(m.text) > len(e.Name) && m.name == "" {
			e.Name = m.text
		}
		e.Mentions = append(e.Mentions, doc.Mention{Span: m.Span, Kind: m.kind, Confidence: m.conf})
	}
	return out
}
