package event

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/dateline/dateline/lang"
)

// The PLOVER event types this package emits.
var Types = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
	"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
}

// Modes of CONSULT events.
var Modes = []string{"phone", "meeting", "talks", "visit", "summit"}

// Trigger parts of speech in the trigger files.
const (
	posNoun  = "noun"
	posVerb  = "verb"
	posPart  = "part"  // passive participle whose agent follows "von"/"by"
	posCoref = "coref" // only ever refers back to an earlier event
	// posMediate: a mediator's verb ("vermitteln"); its subject mediates
	posMediate = "mediate"
	// posVerb2: a verb that is an event only between two parties ("met",
	// "traf"); "meets the criteria", "traf eine Entscheidung" are not
	posVerb2 = "verb2"
	// posNounOwn: a noun whose actor must be named in its own phrase
	// ("Russia's demand"), never the clause subject ("slack demand")
	posNounOwn = "nounown"
	// posVerbAdj: a verb whose subject must stand right before it ("China
	// calls for"), as the form is also a noun ("resist calls for")
	posVerbAdj = "verbadj"
)

// cue classes known to the extractor; a cue file using another class is an
// error at load time.
var cueClasses = map[string]bool{
	"det": true, "def": true, "with": true, "between": true, "target": true,
	"agent": true, "place": true, "other": true, "and": true, "gen": true,
	"about": true, "anaphor": true, "title": true,
	"planned": true, "expected": true, "negated": true, "hypothetical": true, "ongoing": true,
	"source-after": true, "source-before": true, "report": true,
	"reported-suffix": true, "reported-not": true, "reported": true,
	"confirm": true, "confirm-neg": true,
	"mediator-before": true, "mediator-after": true,
	"bilateral": true, "trilateral": true, "multilateral": true,
	"participate": true, "passive": true,
	"undergo": true, "from": true, "give": true, "report-clause": true, "condition": true, "conj": true,
	"pronoun": true, "subord": true, "conclude": true, "interview": true,
	"block": true, "passive-after": true, "topic": true, "control": true,
	"hold": true, "impose": true, "aux": true, "state": true,
}

// structuralClasses are the cue classes that build noun phrases and
// govern names rather than carry meaning of their own.
var structuralClasses = []string{"det", "with", "between", "target", "agent", "place", "other", "and", "gen", "about", "anaphor"}

// part is one element of a phrase pattern.
type part struct {
	gap    bool   // "...": skip up to maxGap words
	text   string // lower case, without '*'
	prefix bool   // "x*"
	suffix bool   // "*x"
}

// maxGap is how many words "..." may skip.
const maxGap = 20

// phrase is a trigger or cue pattern with its attributes.
type phrase struct {
	parts   []part
	class   string // cue class, or "" for triggers
	typ     string // PLOVER type (triggers)
	mode    string
	pos     string
	example string
	src     string // file:line
	ord     int    // position in its phraseIndex, to keep candidates in file order
	gap     bool   // a part is "..."
}

func (p *phrase) String() string { return p.src }

// Data is one language's event knowledge: triggers and cues.
type Data struct {
	Lang     string
	triggers []*phrase
	cues     map[string][]*phrase
	single   map[string]map[string]bool // class -> exact single words
	// structural: the single words of the structural classes (det, with,
	// between, target, agent, place, other, and, gen, about, anaphor)
	structural map[string]bool
	index      phraseIndex // triggers and cues by their first part
	adjLower   bool        // lower-case words ending like adjectives are skipped in noun phrases (German)
}

// ErrData is wrapped by errors about bad event data files.
var ErrData = errors.New("event: bad data")

func parsePattern(s string) ([]part, error) {
	var out []part
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if f == "..." {
			if len(out) == 0 {
				return nil, fmt.Errorf("pattern %q starts with a gap", s)
			}
			out = append(out, part{gap: true})
			continue
		}
		p := part{text: f}
		if strings.HasSuffix(p.text, "*") {
			p.prefix = true
			p.text = strings.TrimSuffix(p.text, "*")
		}
		if strings.HasPrefix(p.text, "*") {
			p.suffix = true
			p.text = strings.TrimPrefix(p.text, "*")
		}
		if p.text == "" || strings.Contains(p.text, "*") {
			return nil, fmt.Errorf("pattern %q: bad word %q", s, f)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	if out[len(out)-1].gap {
		return nil, fmt.Errorf("pattern %q ends with a gap", s)
	}
	return out, nil
}

func hasGap(parts []part) bool {
	for _, pt := range parts {
		if pt.gap {
			return true
		}
	}
	return false
}

func (p part) matches(w string) bool {
	switch {
	case p.prefix && p.suffix:
		return strings.Contains(w, p.text)
	case p.prefix:
		return strings.HasPrefix(w, p.text)
	case p.suffix:
		return strings.HasSuffix(w, p.text)
	}
	return w == p.text
}

// LoadData reads the event files of language code from fsys:
// <code>/event-triggers.txt and <code>/event-cues.txt. Every problem is
// reported with file:line and wraps ErrData.
func LoadData(fsys fs.FS, code string) (*Data, error) {
	d := &Data{Lang: code, cues: map[string][]*phrase{}, single: map[string]map[string]bool{}}
	var errs []error
	bad := func(l lang.Line, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s: %s", ErrData, l.Pos(), fmt.Sprintf(format, args...)))
	}
	okType := map[string]bool{}
	for _, t := range Types {
		okType[t] = true
	}
	okMode := map[string]bool{"-": true}
	for _, m := range Modes {
		okMode[m] = true
	}
	lines, err := lang.ReadFS(fsys, code+"/event-triggers.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if len(l.Fields) != 5 {
			bad(l, "want 5 TAB-separated fields (pattern, type, mode, pos, example), got %d", len(l.Fields))
			continue
		}
		parts, err := parsePattern(l.Fields[0])
		if err != nil {
			bad(l, "%v", err)
			continue
		}
		f := l.Fields
		if !okType[f[1]] {
			bad(l, "unknown PLOVER type %q", f[1])
			continue
		}
		if !okMode[f[2]] {
			bad(l, "unknown mode %q", f[2])
			continue
		}
		switch f[3] {
		case posNoun, posVerb, posPart, posCoref, posMediate, posVerb2, posNounOwn, posVerbAdj:
		default:
			bad(l, "unknown part of speech %q", f[3])
			continue
		}
		if !strings.Contains(f[4], "[") {
			bad(l, "example %q marks no trigger with [ ]", f[4])
			continue
		}
		mode := f[2]
		if mode == "-" {
			mode = ""
		}
		p := &phrase{parts: parts, gap: hasGap(parts), typ: f[1], mode: mode, pos: f[3], example: f[4], src: l.Pos()}
		d.triggers = append(d.triggers, p)
		d.index.add(p)
	}
	lines, err = lang.ReadFS(fsys, code+"/event-cues.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if len(l.Fields) < 2 || len(l.Fields) > 3 {
			bad(l, "want class, pattern and an optional example, got %d fields", len(l.Fields))
			continue
		}
		class := l.Fields[0]
		if !cueClasses[class] {
			bad(l, "unknown cue class %q", class)
			continue
		}
		parts, err := parsePattern(l.Fields[1])
		if err != nil {
			bad(l, "%v", err)
			continue
		}
		p := &phrase{parts: parts, gap: hasGap(parts), class: class, src: l.Pos()}
		if len(l.Fields) == 3 {
			p.example = l.Fields[2]
			if !strings.Contains(p.example, "[") {
				bad(l, "example %q marks no cue with [ ]", p.example)
				continue
			}
		}
		d.cues[class] = append(d.cues[class], p)
		d.index.add(p)
		if len(parts) == 1 && !parts[0].prefix && !parts[0].suffix {
			if d.single[class] == nil {
				d.single[class] = map[string]bool{}
			}
			d.single[class][parts[0].text] = true
		}
	}
	d.index.build()
	d.structural = map[string]bool{}
	for _, c := range structuralClasses {
		for w := range d.single[c] {
			d.structural[w] = true
		}
	}
	d.adjLower = code == "de"
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return d, nil
}

var dataCache = lang.NewCache(func(code string) (*Data, error) {
	d, err := LoadData(lang.FS(), code)
	if lang.IsNotExist(err) {
		return nil, nil
	}
	return d, err
})

// dataFor returns the embedded data of a language, loaded once; nil when
// the language has none.
func dataFor(code string) (*Data, error) { return dataCache.For(code) }

// trigCand is a trigger pattern whose first part matches word wi.
type trigCand struct {
	wi int
	p  *phrase
}

// scan returns, by class, the word indexes of every cue match in ws, and
// the trigger patterns whose first part matches a word, by word and in
// the order of the trigger file.
func (d *Data) scan(ws []word) (map[string][][]int, []trigCand) {
	cues := map[string][][]int{}
	var trigs []trigCand
	var cands []*phrase
	for wi := range ws {
		cands = d.index.candidates(ws[wi].low, cands[:0])
		end := -1
		for _, p := range cands {
			if p.class == "" {
				trigs = append(trigs, trigCand{wi, p})
				continue
			}
			if end < 0 {
				end = clauseEnd(ws, wi)
			}
			if idx, ok := matchAt(p, ws, wi, end); ok {
				cues[p.class] = append(cues[p.class], idx)
			}
		}
	}
	return cues, trigs
}

// is reports whether lower-case word w is a single-word cue of class.
func (d *Data) is(class, w string) bool { return d.single[class][w] }

// matchAt reports whether phrase p matches words starting at i, within
// words[:end], and returns the indexes of the matched words.
func matchAt(p *phrase, words []word, i, end int) ([]int, bool) {
	if !p.gap {
		// words one after the other
		if i+len(p.parts) > end {
			return nil, false
		}
		for k, pt := range p.parts {
			if !pt.matches(words[i+k].low) {
				return nil, false
			}
		}
		idx := make([]int, len(p.parts))
		for k := range idx {
			idx[k] = i + k
		}
		return idx, true
	}
	var idx []int
	var rec func(k, j int) bool
	rec = func(k, j int) bool {
		if k == len(p.parts) {
			return true
		}
		pt := p.parts[k]
		if pt.gap {
			for g := 0; g <= maxGap && j+g < end; g++ {
				n := len(idx)
				if rec(k+1, j+g) {
					return true
				}
				idx = idx[:n]
			}
			return false
		}
		if j >= end || !pt.matches(words[j].low) {
			return false
		}
		idx = append(idx, j)
		if rec(k+1, j+1) {
			return true
		}
		idx = idx[:len(idx)-1]
		return false
	}
	if rec(0, i) {
		return idx, true
	}
	return nil, false
}
