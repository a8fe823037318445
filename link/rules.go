package link

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/lang"
)

// roleNoun is a role noun or title from lang/*/roles.txt.
type roleNoun struct {
	words []string // lower-case words ("prime", "minister")
	keys  []string // role keys, most likely first
	scope string   // fixed scope or ""
	pos   string   // file:line
}

// rules is the linking knowledge of one language.
type rules struct {
	roles       map[string][]*roleNoun // first word → role nouns starting with it
	former      map[string]bool
	region      map[string]bool
	locative    map[string]bool
	actorAfter  map[string]bool
	actorBefore map[string]bool
	pronoun     map[string]string // word → m, f, x
	subject     map[string]bool   // subject pronouns
	speech      map[string]bool
	placeNoun   map[string]bool // nouns after a genitive capital that keep it a city
	german      bool            // German inflection endings apply
}

func loadRules(code string) (*rules, error) {
	lines, err := lang.Read(code, "roles.txt")
	if err != nil {
		return nil, err
	}
	r := &rules{
		roles: map[string][]*roleNoun{}, former: map[string]bool{}, region: map[string]bool{},
		locative: map[string]bool{}, actorAfter: map[string]bool{}, actorBefore: map[string]bool{},
		pronoun: map[string]string{}, subject: map[string]bool{}, speech: map[string]bool{}, placeNoun: map[string]bool{}, german: code == "de",
	}
	for _, l := range lines {
		f := l.Fields
		if len(f) < 2 {
			return nil, fmt.Errorf("link: %s: need at least 2 fields", l.Pos())
		}
		w := strings.ToLower(f[1])
		switch f[0] {
		case "role":
			if len(f) < 3 {
				return nil, fmt.Errorf("link: %s: role needs form and key", l.Pos())
			}
			rn := &roleNoun{words: strings.Fields(w), keys: strings.Split(f[2], "|"), pos: l.Pos()}
			if len(f) > 3 {
				rn.scope = f[3]
			}
			r.roles[rn.words[0]] = append(r.roles[rn.words[0]], rn)
		case "former":
			r.former[w] = true
		case "region":
			r.region[w] = true
		case "locative":
			r.locative[w] = true
		case "actor-after":
			r.actorAfter[w] = true
		case "actor-before":
			r.actorBefore[w] = true
		case "pronoun":
			if len(f) < 3 || (f[2] != "m" && f[2] != "f" && f[2] != "x") {
				return nil, fmt.Errorf("link: %s: pronoun needs gender m, f or x", l.Pos())
			}
			r.pronoun[w] = f[2]
			if len(f) > 3 {
				if f[3] != "subject" {
					return nil, fmt.Errorf("link: %s: pronoun flag %q is not \"subject\"", l.Pos(), f[3])
				}
				r.subject[w] = true
			}
		case "speech":
			r.speech[w] = true
		case "place-noun":
			r.placeNoun[w] = true
		default:
			return nil, fmt.Errorf("link: %s: unknown kind %q", l.Pos(), f[0])
		}
	}
	return r, nil
}

// germanEndings are the inflection endings a German role noun may carry.
var germanEndings = []string{"", "e", "en", "n", "s", "es", "in", "innen", "er", "em", "ern"}
var englishEndings = []string{"", "s", "'s", "’s"}

// matchForm reports whether word w (lower-case) is form f with an allowed
// ending.
func (r *rules) matchForm(w, f string) bool {
	if !strings.HasPrefix(w, f) {
		return false
	}
	rest := w[len(f):]
	ends := englishEndings
	if r.german {
		ends = germanEndings
	}
	for _, e := range ends {
		if rest == e {
			return true
		}
	}
	return false
}

// word is a word of the text with its byte span.
type word struct {
	start, end int
	lower      string
}

// words splits text into words: runs of letters and digits, with inner
// hyphens, dots ("U.S.") and apostrophes kept. It never panics.
func words(text string) []word {
	var out []word
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		end := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				end = i
				continue
			}
			if r == '-' || r == '.' || r == '\'' || r == '’' {
				// keep if a letter follows, or a dot closes an abbreviation "U.S."
				if i+n < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWordRune(r2) {
						i += n
						continue
					}
				}
				if r == '.' && strings.Contains(text[start:end], ".") {
					i += n
					end = i
				}
			}
			break
		}
		out = append(out, word{start: start, end: end, lower: strings.ToLower(text[start:end])})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
