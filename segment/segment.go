// Package segment splits text into tokens and sentences, for German and
// English news and for other Latin-script text with a generic rule set.
//
// The scanner is hand-written and works on bytes: it never copies the text,
// and every token and sentence is a byte span into it (see package doc).
// Language knowledge is data, read from the embedded files of package lang:
//
//	lang/<code>/abbreviations.txt      abbreviations with their final dot, and a class
//	lang/<code>/sentence_starters.txt  words that typically begin a sentence
//	lang/<code>/ordinals.txt           words that follow an ordinal number ("25. Feb");
//	                                   its presence switches ordinal dots on
//	lang/<code>/segment.txt            settings (KEY TAB VALUE), e.g. bang_lower, and
//	                                   letter_label words ("Gruppe", "auf X") after which
//	                                   a capital letter is a name, not an initial
//
// A Segmenter is built once per language by New and is safe for concurrent
// use. Tokens and Sentences never panic, whatever the input (invalid UTF-8
// included); their cost is linear in the length of the text and they
// allocate only when dst must grow.
package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/lang"
)

// abbrevClass tells whether an abbreviation may end a sentence.
type abbrevClass uint8

const (
	// classInner: the abbreviation never ends a sentence ("Dr.", "z.", "bzw.").
	classInner abbrevClass = iota + 1
	// classEnd: the abbreviation may end a sentence; it does when the next
	// word is a typical sentence starter ("Inc. The", "usw. Die").
	classEnd
	// classNum: an abbreviation only before a number ("No. 5", "Art. 3");
	// elsewhere the dot is a full stop.
	classNum
)

// partKey is a part of a multi-part abbreviation with the part before it.
type partKey struct{ prev, part string }

// Segmenter holds the rules of one language. Build it with New.
type Segmenter struct {
	lang string
	// abbrev maps an abbreviation with its final dot ("Dr.", "U.S.") to its
	// class. Capitalised and upper-case variants are added at load time so
	// that lookups never allocate.
	abbrev map[string]abbrevClass
	// parts maps a later single-letter part of a multi-part abbreviation,
	// with the part before it, to its class: {"z.", "B."} → inner. Such a
	// letter is no abbreviation on its own: "Gruppe B. Die" is two
	// sentences, "z. B. Die Linke" one.
	parts map[partKey]abbrevClass
	// starters are words that typically begin a sentence ("Die", "The").
	starters map[string]bool
	// ordinals are words that follow an ordinal number with a dot
	// ("Februar", "Jahrhundert"); nil when the language has no ordinal dot.
	ordinals map[string]bool
	// bangLower: a lower-case word after a bare ! or ? starts a sentence
	// (setting bang_lower in segment.txt).
	bangLower bool
	// labels maps a word after which a single capital letter is a name
	// and not an initial ("Gruppe A", "Plan B", "auf X"; setting
	// letter_label in segment.txt) to the letters it applies to, or to ""
	// for any letter.
	labels map[string]string
}

// Lang returns the language code the rules were loaded for ("" for the
// generic rule set).
func (s *Segmenter) Lang() string { return s.lang }

var (
	cacheMu sync.Mutex
	cache   = map[string]*Segmenter{}
)

// New returns the segmenter for language code lang ("de", "en"; a region
// suffix such as "de-AT" and upper case are accepted). A language without
// data files gets the generic rule set: the abbreviations and sentence
// starters of all languages together, and no ordinal dots. Segmenters are
// cached per language; the error reports a malformed data file (file:line).
func New(code string) (*Segmenter, error) {
	code = normLang(code)
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if s, ok := cache[code]; ok {
		return s, nil
	}
	s, err := load(code)
	if err != nil {
		return nil, err
	}
	cache[code] = s
	return s, nil
}

func normLang(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return code
}

func hasLang(code string) bool {
	if code == "" || code == "common" {
		return false
	}
	for _, l := range lang.Languages() {
		if l == code {
			return true
		}
	}
	return false
}

func load(code string) (*Segmenter, error) {
	s := &Segmenter{
		abbrev:   map[string]abbrevClass{},
		parts:    map[partKey]abbrevClass{},
		starters: map[string]bool{},
	}
	langs := []string{code}
	if !hasLang(code) {
		s.lang = ""
		langs = lang.Languages()
	} else {
		s.lang = code
	}
	for _, l := range langs {
		if err := s.loadAbbrev(l); err != nil {
			return nil, err
		}
		if err := loadWords(l, "sentence_starters.txt", s.starters); err != nil {
			return nil, err
		}
	}
	if s.lang != "" {
		m := map[string]bool{}
		if err := loadWords(s.lang, "ordinals.txt", m); err != nil {
			return nil, err
		}
		if len(m) > 0 {
			s.ordinals = m
		}
		if err := s.loadSettings(s.lang); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// loadSettings reads lang/<code>/segment.txt: KEY TAB VALUE lines.
func (s *Segmenter) loadSettings(code string) error {
	lines, err := lang.Read(code, "segment.txt")
	if lang.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		if len(l.Fields) != 2 {
			return fmt.Errorf("segment: %s: want KEY TAB VALUE, got %d fields", l.Pos(), len(l.Fields))
		}
		switch key, val := l.Fields[0], l.Fields[1]; key {
		case "bang_lower":
			switch val {
			case "split":
				s.bangLower = true
			case "join":
				s.bangLower = false
			default:
				return fmt.Errorf("segment: %s: bang_lower is %q, want split or join", l.Pos(), val)
			}
		case "letter_label":
			if err := s.addLabel(val); err != nil {
				return fmt.Errorf("segment: %s: %w", l.Pos(), err)
			}
		default:
			return fmt.Errorf("segment: %s: unknown setting %q", l.Pos(), key)
		}
	}
	return nil
}

// addLabel registers a letter_label value: a word ("Gruppe"), or a word,
// a space and the one capital letter it applies to ("auf X"). The word is
// also registered capitalised ("group" → "Group", "auf X" → "Auf X").
func (s *Segmenter) addLabel(val string) error {
	word, letter, hasLetter := strings.Cut(val, " ")
	if strings.ContainsAny(word, " .") || word == "" {
		return fmt.Errorf("letter_label %q: want a word, optionally followed by a space and a capital letter", val)
	}
	if hasLetter {
		r, n := utf8.DecodeRuneInString(letter)
		if n != len(letter) || !isUpper(r) {
			return fmt.Errorf("letter_label %q: %q is not one capital letter", val, letter)
		}
	}
	if s.labels == nil {
		s.labels = map[string]string{}
	}
	for _, w := range []string{word, capitalize(word)} {
		old, seen := s.labels[w]
		switch {
		case !hasLetter || seen && old == "":
			s.labels[w] = "" // any letter
		case !strings.Contains(old, letter):
			s.labels[w] = old + letter
		}
	}
	return nil
}

func (s *Segmenter) loadAbbrev(code string) error {
	lines, err := lang.Read(code, "abbreviations.txt")
	if lang.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		class := classInner
		if len(l.Fields) > 1 {
			switch l.Fields[1] {
			case "inner":
			case "end":
				class = classEnd
			case "num":
				class = classNum
			default:
				return fmt.Errorf("segment: %s: unknown abbreviation class %q (want inner, end or num)", l.Pos(), l.Fields[1])
			}
		}
		// "z. B." registers its parts; each part must end with a dot. A
		// single letter after the first part ("B.") is registered only
		// after the part before it: alone it is an initial or a name.
		parts := strings.Fields(l.Fields[0])
		for i, part := range parts {
			if !strings.HasSuffix(part, ".") || len(part) < 2 {
				return fmt.Errorf("segment: %s: abbreviation %q must end with a dot", l.Pos(), part)
			}
			if i > 0 && utf8.RuneCountInString(part) == 2 {
				c := class
				if i < len(parts)-1 {
					c = classInner // "v." in "u. v. m."
				}
				s.addPart(parts[i-1], part, c)
				continue
			}
			s.addAbbrev(part, class)
		}
	}
	return nil
}

// addAbbrev registers an abbreviation with its capitalised and upper-case
// variants ("bzw." → "Bzw.", "BZW."; "St." → "ST."). A variant may collide
// with a name or word ("franz." → "Franz.", "max." → "Max."), so it gets
// class end (it ends a sentence before a typical sentence starter) unless
// its own class is num. A class registered for the exact form wins.
func (s *Segmenter) addAbbrev(a string, c abbrevClass) {
	s.abbrev[a] = c
	vc := c
	if vc == classInner {
		vc = classEnd
	}
	for _, v := range []string{capitalize(a), strings.ToUpper(a)} {
		if _, ok := s.abbrev[v]; !ok && v != a {
			s.abbrev[v] = vc
		}
	}
}

// addPart registers a single-letter part of a multi-part abbreviation
// after the part before it, also capitalised as at the start of a
// sentence ("Z. B." from "z. B.") and in capitals ("U. U." from "u. U.").
func (s *Segmenter) addPart(prev, part string, c abbrevClass) {
	for _, k := range []partKey{
		{prev, part},
		{capitalize(prev), part},
		{strings.ToUpper(prev), strings.ToUpper(part)},
	} {
		s.parts[k] = c
	}
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

func loadWords(code, name string, m map[string]bool) error {
	lines, err := lang.Read(code, name)
	if lang.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		m[l.Fields[0]] = true
	}
	return nil
}
