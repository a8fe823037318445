package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
)

// Full-text search: FTS5's porter tokenizer is English-only, so Dateline
// stems in Go with the Snowball stemmers and indexes the stems (the FTS5
// table tokenizes the stemmed text with unicode61 and nothing else). A
// story is stemmed in its own language; a query, whose language is not
// known, matches any of its word's German stem, English stem or plain
// lower-cased form.

// dupMarker is indexed with the text of near-duplicates so that a search
// can leave them out inside the full-text index ("... NOT dupMarker") and
// use FTS5's fast top-N ranking. It is no word of any language, and user
// queries cannot produce it: they are split on non-letters, and this
// token is removed from them.
const dupMarker = "zqxnearduplicatezqx"

// maxQueryTerms bounds the number of words of a full-text query.
const maxQueryTerms = 16

// terms splits text into lower-cased words (letters and digits).
func terms(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem returns the Snowball stem of a lower-cased word in lang ("de",
// "en"); other languages are returned unchanged.
func stem(w, lang string) string {
	switch lang {
	case "de":
		env := snowball.NewEnv(w)
		german.Stem(env)
		return env.Current()
	case "en":
		env := snowball.NewEnv(w)
		english.Stem(env)
		return env.Current()
	}
	return w
}

// indexText is what the FTS table indexes for a text in lang: its stems,
// space-separated.
func indexText(text, lang string) string {
	ws := terms(text)
	var b strings.Builder
	b.Grow(len(text))
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(stem(w, lang))
	}
	return b.String()
}

// queryStems returns, for each word of a user query, the forms that may
// match it in the index.
func queryStems(q string) [][]string {
	ws := terms(q)
	if len(ws) > maxQueryTerms {
		ws = ws[:maxQueryTerms]
	}
	var out [][]string
	for _, w := range ws {
		if w == dupMarker {
			continue
		}
		set := []string{w}
		for _, l := range []string{"de", "en"} {
			s := stem(w, l)
			dup := false
			for _, x := range set {
				dup = dup || x == s
			}
			if !dup {
				set = append(set, s)
			}
		}
		out = append(out, set)
	}
	return out
}

// ftsQuery builds an FTS5 MATCH expression from a user query: every word
// must match (AND), any of its forms (OR). Forms are quoted, so FTS5
// syntax in the user's input ("NEAR(", "*", column filters, quotes) is
// only ever text. It returns "" when the query has no words.
func ftsQuery(q string) string {
	var parts []string
	for _, forms := range queryStems(q) {
		var alt []string
		for _, f := range forms {
			alt = append(alt, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
		}
		parts = append(parts, "("+strings.Join(alt, " OR ")+")")
	}
	return strings.Join(parts, " AND ")
}

// snippet returns about width code points of text around the first word
// matching one of the query's forms (stemmed in lang), or the start of
// the text when nothing matches or q is empty.
func snippet(text, lang, q string, width int) string {
	want := map[string]bool{}
	for _, forms := range queryStems(q) {
		for _, f := range forms {
			want[f] = true
		}
	}
	at := 0
	if len(want) > 0 {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += n
				continue
			}
			j := i
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += n
			}
			w := strings.ToLower(text[i:j])
			if want[w] || want[stem(w, lang)] {
				at = i
				break
			}
			i = j
		}
	}
	// Move back by a third of the width, to a word boundary.
	start := at
	for k := 0; k < width/3 && start > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(text[:start])
		start -= n
	}
	if start > 0 {
		if sp := strings.IndexAny(text[start:at+1], " \n"); sp >= 0 {
			start += sp + 1
		}
	}
	end := start
	for k := 0; k < width && end < len(text); k++ {
		_, n := utf8.DecodeRuneInString(text[end:])
		end += n
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}

// normName normalises an entity name for merging: lower case, letters and
// digits only, single spaces.
func normName(s string) string {
	return strings.Join(terms(s), " ")
}
