package quote

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/rules"
)

// ErrData wraps every error about a language's quote data files.
var ErrData = errors.New("quote: bad language data")

// verbSense is one reading of a verb form: the lemma and, for a separable
// verb used with its particle split off, the particle that must close the
// clause.
type verbSense struct {
	lemma    string
	particle string // "" when the form stands alone
	needThat bool   // takes reported speech only in a that-clause (English "announced that")
}

// cuePhrase is a prepositional cue such as "zufolge" or "according to".
type cuePhrase struct {
	words []string // lower-case
	dir   string   // "pre", "post" or "self"
	lemma string
}

// lexicon is a language's quote knowledge, loaded from lang/<code>/quote-*.txt.
type lexicon struct {
	lang     string
	verbs    map[string][]verbSense // lower-case form → senses
	cues     map[string][]cuePhrase // by first word
	kiKnown  map[string]bool        // Konjunktiv I forms always accepted
	kiNever  map[string]bool        // -e words never accepted
	kiStrong map[string]bool        // forms unlike any indicative (\"sei\", \"könne\")
	class    map[string]string
	anaphors []string // head-noun endings of definite descriptions that refer back
	// anaphorType is what an anaphor's referent must be: "PER" for heads
	// naming a person ("the minister"), "ORG" for institutions ("the
	// ministry"); "" accepts either.
	anaphorType map[string]string
	channels    *rules.Set
	// words joins what the maps above know of each word, so that a token
	// needs one look-up (run.find stores the entry in the token)
	words map[string]*entry
}

// entry is what the lexicon knows of one lower-case word.
type entry struct {
	class    string
	verbs    []verbSense // nil when the word is no reporting verb form
	cues     []cuePhrase // cue phrases starting with the word
	kiKnown  bool
	kiNever  bool
	kiStrong bool
	kii      bool // in konjunktiv2
}

// noEntry is the entry of a word the lexicon does not know.
var noEntry = &entry{}

// entry returns the entry of lower-case word w, noEntry when none.
func (l *lexicon) entry(w string) *entry {
	if e := l.words[w]; e != nil {
		return e
	}
	return noEntry
}

// index fills l.words from the other maps.
func (l *lexicon) index() {
	l.words = map[string]*entry{}
	get := func(w string) *entry {
		e := l.words[w]
		if e == nil {
			e = &entry{}
			l.words[w] = e
		}
		return e
	}
	for w, c := range l.class {
		get(w).class = c
	}
	for w, v := range l.verbs {
		get(w).verbs = v
	}
	for w, c := range l.cues {
		get(w).cues = c
	}
	for w := range l.kiKnown {
		get(w).kiKnown = true
	}
	for w := range l.kiNever {
		get(w).kiNever = true
	}
	for w := range l.kiStrong {
		get(w).kiStrong = true
	}
	for w := range konjunktiv2 {
		get(w).kii = true
	}
}

var lexicons = lang.NewCache(newLexicon)

// loadLexicon returns the (cached) lexicon of a language.
func loadLexicon(code string) (*lexicon, error) { return lexicons.For(code) }

// newLexicon reads the lexicon of a language.
func newLexicon(code string) (*lexicon, error) {
	l := &lexicon{
		lang:     code,
		verbs:    map[string][]verbSense{},
		kiKnown:  map[string]bool{},
		kiNever:  map[string]bool{},
		kiStrong: map[string]bool{},
		class:    map[string]string{},
		cues:     map[string][]cuePhrase{},
	}
	lines, err := lang.Read(code, "quote-verbs.txt")
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrData, code, err)
	}
	for _, ln := range lines {
		if len(ln.Fields) < 3 {
			return nil, fmt.Errorf("%w: %s: want lemma, particle, forms", ErrData, ln.Pos())
		}
		lemma, part := ln.Fields[0], ln.Fields[1]
		if part == "-" {
			part = ""
		}
		forms := ln.Fields[2:]
		needThat := false
		if n := len(forms); n > 1 && forms[n-1] == "+that" {
			needThat, forms = true, forms[:n-1]
		}
		for _, f := range strings.Fields(strings.Join(forms, " ")) {
			f = strings.ToLower(f)
			s := verbSense{lemma: lemma, needThat: needThat}
			if part != "" && !strings.HasPrefix(f, part) {
				s.particle = part
			}
			l.verbs[f] = append(l.verbs[f], s)
		}
	}
	lines, err = lang.Read(code, "quote-cues.txt")
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrData, code, err)
	}
	for _, ln := range lines {
		if len(ln.Fields) < 3 {
			return nil, fmt.Errorf("%w: %s: want phrase, direction, lemma", ErrData, ln.Pos())
		}
		dir := ln.Fields[1]
		if dir != "pre" && dir != "post" && dir != "self" && dir != "opt" {
			return nil, fmt.Errorf("%w: %s: direction %q is not pre, opt, post or self", ErrData, ln.Pos(), dir)
		}
		cp := cuePhrase{words: strings.Fields(strings.ToLower(ln.Fields[0])), dir: dir, lemma: ln.Fields[2]}
		l.cues[cp.words[0]] = append(l.cues[cp.words[0]], cp)
	}
	lines, err = lang.Read(code, "quote-konjunktiv.txt")
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrData, code, err)
	}
	for _, ln := range lines {
		if len(ln.Fields) < 2 {
			return nil, fmt.Errorf("%w: %s: want form and known|never", ErrData, ln.Pos())
		}
		switch ln.Fields[1] {
		case "known":
			l.kiKnown[strings.ToLower(ln.Fields[0])] = true
		case "strong":
			l.kiKnown[strings.ToLower(ln.Fields[0])] = true
			l.kiStrong[strings.ToLower(ln.Fields[0])] = true
		case "never":
			l.kiNever[strings.ToLower(ln.Fields[0])] = true
		default:
			return nil, fmt.Errorf("%w: %s: %q is not known, strong or never", ErrData, ln.Pos(), ln.Fields[1])
		}
	}
	lines, err = lang.Read(code, "quote-words.txt")
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrData, code, err)
	}
	for _, ln := range lines {
		if len(ln.Fields) < 2 {
			return nil, fmt.Errorf("%w: %s: want word and class", ErrData, ln.Pos())
		}
		w := strings.ToLower(ln.Fields[0])
		if ln.Fields[1] == "anaphor" {
			l.anaphors = append(l.anaphors, w)
			if len(ln.Fields) > 2 {
				switch t := strings.ToUpper(ln.Fields[2]); t {
				case "PER", "ORG":
					if l.anaphorType == nil {
						l.anaphorType = map[string]string{}
					}
					l.anaphorType[w] = t
				default:
					return nil, fmt.Errorf("%w: %s: anaphor type %q, want per or org", ErrData, ln.Pos(), ln.Fields[2])
				}
			}
			continue
		}
		if _, dup := l.class[w]; !dup {
			l.class[w] = ln.Fields[1]
		}
	}
	set, err := rules.Load(lang.FS(), rules.Options{Attrs: []string{"role", "np"}, Required: []string{"role"}}, code+"/quote-channels.txt")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrData, err)
	}
	for _, r := range set.Rules {
		if role := r.Attrs["role"]; role != "channel" && role != "addressee" {
			return nil, fmt.Errorf("%w: %s: role %q is not channel or addressee", ErrData, r.Pos(), role)
		}
		if np, ok := r.Attrs["np"]; ok {
			if _, err := strconv.Atoi(np); err != nil {
				return nil, fmt.Errorf("%w: %s: np %q is not a group number", ErrData, r.Pos(), np)
			}
		}
	}
	l.channels = set
	l.index()
	return l, nil
}
