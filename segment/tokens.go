package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// ASCII character classes for the fast path.
const (
	cOther uint8 = iota
	cSpace
	cNewline
	cLower
	cUpper
	cDigit
)

var ascii = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	t[' '], t['\t'], t['\v'], t['\f'] = cSpace, cSpace, cSpace, cSpace
	t['\n'], t['\r'] = cNewline, cNewline
	return
}()

// decode returns the rune at text[i] and its width; an invalid byte decodes
// as utf8.RuneError of width 1, and i at or past the end as (0, 0).
func decode(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isSpace reports whether r separates tokens. Zero-width spaces and the
// byte-order mark count as space.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
		0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// isWordRune reports whether r continues a word: letters, digits, marks,
// the soft hyphen and the zero-width (non-)joiner.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := ascii[r]
		return c == cLower || c == cUpper || c == cDigit
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		unicode.Is(unicode.Mc, r) || r == 0xAD || r == 0x200C || r == 0x200D
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		c := ascii[r]
		return c == cLower || c == cUpper
	}
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == cDigit
	}
	return r != utf8.RuneError && unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == cUpper
	}
	return r != utf8.RuneError && (unicode.IsUpper(r) || unicode.IsTitle(r))
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r] == cLower
	}
	return r != utf8.RuneError && unicode.IsLower(r)
}

// isHyphen: the hyphen-minus and the Unicode hyphens that join compounds.
func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

// isApostrophe: marks that may stand inside a word ("geht's", "don’t").
func isApostrophe(r rune) bool { return r == '\'' || r == 0x2019 || r == 0x02BC }

// isQuote reports whether r is a quotation mark.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', 0x201E, 0x201C, 0x201D, 0x201A, 0x2018, 0x2019, 0x201B, 0x201F,
		0xAB, 0xBB, 0x2039, 0x203A, 0x300C, 0x300D, 0xFF02:
		return true
	}
	return false
}

// Tokens appends the tokens of text to dst and returns the extended slice.
//
// Tokens are byte spans on rune boundaries, in order and disjoint;
// whitespace (including no-break and zero-width spaces) separates them and
// belongs to none. Flags:
//
//   - SpaceBefore: whitespace precedes the token, or it starts the text.
//   - ParagraphStart: a blank line precedes the token, or a line break
//     followed by an indentation of two or more spaces or a tab (the
//     paragraph convention of hard-wrapped wire copy such as Reuters-21578),
//     or a line break followed by a list bullet ("• ", "* ").
//   - Word: letters and digits, with inner hyphens ("US-Präsident",
//     "russisch-ukrainischen", "15-jährige"), apostrophes ("geht's"),
//     gender marks ("Kund:innen", "Bürger*innen"), dotted acronyms ("U.S.",
//     "z.B."), and a truncation hyphen before a conjunction ("Ein- und").
//   - Number: digits with decimal, thousands and time separators ("1.000,50",
//     "1,000.50", "14.30", "14:30", "25.2.2022").
//   - Abbrev: the token ends with a dot that belongs to it: a listed
//     abbreviation ("Dr.", "bzw.", "Inc."), a single letter ("J.", "z."), or
//     in languages with ordinal dots an ordinal number ("25." in "25. Feb").
//   - Punct: punctuation and symbols; runs of dots ("...") and of ! and ?
//     ("?!") are one token, so is "--".
//   - QuoteMark (with Punct): every quotation mark, of any style, alone.
//   - URL: URLs (with a scheme or "www."), bare domains with a common
//     top-level domain ("derStandard.at") and e-mail addresses.
//
// An invalid UTF-8 byte becomes a one-byte Punct token.
func (s *Segmenter) Tokens(text string, dst []doc.Token) []doc.Token {
	n := len(text)
	i := 0
	flags := doc.SpaceBefore
	newlines, indent := 0, 0
	for i < n {
		c := text[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
			switch ascii[c] {
			case cSpace:
				flags |= doc.SpaceBefore
				if newlines > 0 {
					if c == '\t' {
						indent += 2
					} else {
						indent++
					}
				}
				i++
				continue
			case cNewline:
				flags |= doc.SpaceBefore
				if c == '\r' && i+1 < n && text[i+1] == '\n' {
					i++
				}
				newlines++
				indent = 0
				i++
				continue
			}
		} else {
			r, w = utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				flags |= doc.SpaceBefore
				switch r {
				case 0x2029:
					newlines += 2
					indent = 0
				case 0x2028, 0x85:
					newlines++
					indent = 0
				default:
					if newlines > 0 {
						indent++
					}
				}
				i += w
				continue
			}
		}
		if newlines >= 2 || (newlines == 1 && indent >= 2) || newlines == 1 && isBullet(text, i) {
			flags |= doc.ParagraphStart
		}
		end, f := s.scan(text, i, r, w)
		if end <= i { // cannot happen; guarantees progress on any input
			end, f = i+w, doc.Punct
		}
		dst = append(dst, doc.Token{Span: doc.Span{Start: i, End: end}, Flags: flags | f})
		i = end
		flags, newlines, indent = 0, 0, 0
	}
	return dst
}

// isBullet reports whether a list bullet followed by a space starts at i:
// "• ", "◦ ", "▪ ", "* ". A line starting with a dash is not taken for an
// item: in hard-wrapped copy it is as often a dash continuing a sentence.
func isBullet(text string, i int) bool {
	r, w := decode(text, i)
	switch r {
	case '•', '◦', '▪', '*':
		return i+w < len(text) && (text[i+w] == ' ' || text[i+w] == '\t')
	}
	return false
}

// scan reads the token starting at i, whose first rune r has width w, and
// returns its end and shape flags.
func (s *Segmenter) scan(text string, i int, r rune, w int) (int, doc.TokenFlag) {
	n := len(text)
	switch {
	case r < utf8.RuneSelf && (ascii[r] == cLower || ascii[r] == cUpper || ascii[r] == cDigit):
		switch r {
		case 'h', 'H', 'f', 'F', 'w', 'W':
			if end := scanURL(text, i); end > i {
				return end, doc.URL
			}
		}
		if ascii[r] == cDigit {
			return s.scanNumber(text, i)
		}
		return s.scanWord(text, i)
	case isLetter(r):
		return s.scanWord(text, i)
	case isDigit(r):
		return s.scanNumber(text, i)
	case r == '.':
		j := i + 1
		for j < n && text[j] == '.' {
			j++
		}
		return j, doc.Punct
	case r == '!' || r == '?':
		j := i + 1
		for j < n && (text[j] == '!' || text[j] == '?') {
			j++
		}
		return j, doc.Punct
	case r == '-':
		if i+1 < n && text[i+1] == '-' {
			return i + 2, doc.Punct
		}
		return i + 1, doc.Punct
	case r == '`' || r == '\'':
		// PTB-style `` and '' are one quotation mark.
		if i+1 < n && text[i+1] == byte(r) {
			return i + 2, doc.Punct | doc.QuoteMark
		}
		return i + 1, doc.Punct | doc.QuoteMark
	case isQuote(r):
		return i + w, doc.Punct | doc.QuoteMark
	case r == '@' || r == '#':
		// Handles and hashtags: "@dpa", "#MeToo".
		if r2, _ := decode(text, i+1); isLetter(r2) {
			end, _ := s.scanWord(text, i+1)
			return end, doc.Word
		}
	}
	return i + w, doc.Punct
}

// scanWord reads a word starting at i.
func (s *Segmenter) scanWord(text string, i int) (int, doc.TokenFlag) {
	return s.scanWordFrom(text, i, true)
}

// scanWordFrom reads the word starting at i. With abbrev it includes the
// dot of an abbreviation or dotted acronym, and recognises a bare domain
// name; without (after a number, as in "1980er") it stops before a dot.
func (s *Segmenter) scanWordFrom(text string, i int, abbrev bool) (int, doc.TokenFlag) {
	start := i
	n := len(text)
	letters := 0 // number of word runes so far, capped at 2
	dotted := false
	for i < n {
		if c := ascii[text[i]]; c == cLower || c == cUpper || c == cDigit {
			i++
			if letters < 2 {
				letters++
			}
			continue
		}
		r, w := decode(text, i)
		if isWordRune(r) {
			i += w
			if letters < 2 {
				letters++
			}
			continue
		}
		switch {
		case isHyphen(r):
			r2, w2 := decode(text, i+w)
			if isWordRune(r2) {
				i += w + w2
				letters = 2
				continue
			}
			if i > start && truncation(text, i+w) {
				return i + w, doc.Word
			}
		case isApostrophe(r):
			if r2, w2 := decode(text, i+w); isLetter(r2) {
				i += w + w2
				letters = 2
				continue
			}
		case r == ':' || r == '*' || r == '_' || r == '/':
			// Gender forms: "Kund:innen", "Bürger*innen", "Lehrer_in".
			if i > start {
				if k := genderSuffix(text, i+1); k > 0 {
					i = k
					continue
				}
			}
		case r == '&':
			// "AT&T", "M&A".
			if i > start && ascii[text[i-1]] == cUpper && i+1 < n && ascii[text[i+1]] == cUpper {
				i++
				continue
			}
		case r == '.':
			// Dotted acronyms: "U.S.", "z.B.", "e.V.", "a.m.".
			if abbrev && letters <= 2 && i-start <= 8 && !dotted {
				if k := dottedAcronym(text, start); k > 0 {
					i = k
					dotted = true
					letters = 2
					continue
				}
			}
		}
		break
	}
	if abbrev && i < n {
		switch text[i] {
		case '@', '.', '_', '%', '+':
			if end := scanEmail(text, start); end > i {
				return end, doc.URL
			}
		}
	}
	if dotted && text[i-1] == '.' {
		return i, doc.Word | doc.Abbrev
	}
	if abbrev && !dotted && i < n && i > start && text[i] == '.' {
		if end := scanDomain(text, start, i); end > i {
			return end, doc.URL
		}
		if s.isAbbrev(text, start, i, letters == 1) {
			return i + 1, doc.Word | doc.Abbrev
		}
	}
	return i, doc.Word
}

// isAbbrev reports whether the word text[start:end] followed by the dot at
// end is an abbreviation that keeps its dot.
func (s *Segmenter) isAbbrev(text string, start, end int, single bool) bool {
	if c, ok := s.abbrev[text[start:end+1]]; ok {
		if c == classNum {
			r, _ := decode(text, skipSpace(text, end+1))
			return isDigit(r)
		}
		return true
	}
	return single
}

// skipSpace returns the index of the first non-space rune at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, w := decode(text, i)
		if !isSpace(r) {
			break
		}
		i += w
	}
	return i
}

// truncation reports whether a word-final hyphen before position i is a
// German truncation hyphen: "Ein- und Ausfuhr", "Kinder-, Jugend- oder".
func truncation(text string, i int) bool {
	if i < len(text) && text[i] == ',' {
		return true
	}
	j := skipSpace(text, i)
	if j == i {
		return false
	}
	k := j
	for k < len(text) && ascii[text[k]] == cLower {
		k++
	}
	switch text[j:k] {
	case "und", "oder", "bis", "sowie", "bzw", "als", "wie", "noch", "and", "or", "to":
		r, _ := decode(text, k)
		return !isLetter(r)
	}
	return false
}

// genderSuffix returns the end of "in"/"innen" at i when it is not followed
// by a letter, else 0.
func genderSuffix(text string, i int) int {
	if i+2 > len(text) || text[i:i+2] != "in" {
		return 0
	}
	k := i + 2
	if k+3 <= len(text) && text[k:k+3] == "nen" {
		k += 3
	}
	if r, _ := decode(text, k); isLetter(r) {
		return 0
	}
	return k
}

// maxAcronymGroups bounds the look-ahead of dottedAcronym ("U.S.A." has
// three groups), keeping the scanner linear on input like "ab.ab.ab.…".
const maxAcronymGroups = 8

// dottedAcronym returns the end of an acronym starting at i: groups of one
// or two letters each followed by a dot, at least two groups and at least
// one of a single letter ("U.S.", "z.B.", "U.S.A.", "Ph.D."); else 0.
func dottedAcronym(text string, i int) int {
	k := i
	groups, singles := 0, 0
	for groups < maxAcronymGroups {
		r, w := decode(text, k)
		if !isLetter(r) {
			break
		}
		n := 1
		r2, w2 := decode(text, k+w)
		if isLetter(r2) {
			n, w = 2, w+w2
		}
		if k+w >= len(text) || text[k+w] != '.' {
			break
		}
		k += w + 1
		groups++
		if n == 1 {
			singles++
		}
	}
	if groups < 2 || singles == 0 {
		return 0
	}
	return k
}

// scanNumber reads a number starting at i: digits with inner separators.
// Letters directly after it make it a word ("1980er", "3D", "25th"), and a
// hyphen joins a compound ("2:1-Führung", "15-jährige").
func (s *Segmenter) scanNumber(text string, i int) (int, doc.TokenFlag) {
	start := i
	n := len(text)
	digits, group, maxGroup := 0, 0, 0
	sep := false
	for i < n {
		r, w := decode(text, i)
		if isDigit(r) {
			i += w
			digits++
			group++
			maxGroup = max(maxGroup, group)
			continue
		}
		if r == '.' || r == ',' || r == ':' || r == '\'' || r == 0x2019 {
			if r2, w2 := decode(text, i+w); isDigit(r2) {
				i += w + w2
				digits++
				group = 1
				maxGroup = max(maxGroup, group)
				sep = true
				continue
			}
		}
		break
	}
	r, w := decode(text, i)
	cont := isWordRune(r)
	if isHyphen(r) {
		r2, _ := decode(text, i+w)
		cont = isWordRune(r2)
	}
	if cont {
		if end, _ := s.scanWordFrom(text, i, false); end > i {
			return end, wordOrNumber(text[start:end])
		}
	}
	if i < n && text[i] == '.' && s.ordinals != nil && s.ordinalDot(text, start, i, digits, maxGroup, sep) {
		return i + 1, doc.Number | doc.Abbrev
	}
	return i, doc.Number
}

// wordOrNumber classifies a token that begins with a digit.
func wordOrNumber(t string) doc.TokenFlag {
	for _, r := range t {
		if isLetter(r) {
			return doc.Word
		}
	}
	return doc.Number
}

// ordinalDot decides whether the dot at i after a number belongs to it as an
// ordinal dot ("am 25. Februar", "im 19. Jahrhundert", "25. 2. 2022",
// "11.7. 2015", "zum 3. Mal", "Tor: Thill (92.)", "(6./19.)") rather than
// ending a sentence. digits counts the number's digits, maxGroup the
// longest run between separators.
func (s *Segmenter) ordinalDot(text string, start, i, digits, maxGroup int, sep bool) bool {
	j := skipSpace(text, i+1)
	if j == i+1 && j < len(text) {
		// Unspaced: an ordinal in a list of ranks or minutes, "(92.)",
		// "(44., 74.)", "(6./19.)"; not a page reference closing a
		// sentence, "(S. 175.)".
		switch text[j] {
		case ',', '/':
			return maxGroup <= 3
		case ')':
			return maxGroup <= 3 && start > 0 && (text[start-1] == '(' || text[start-1] == '/' ||
				start > 1 && text[start-1] == ' ' && text[start-2] == ',')
		}
		return false // "3.Die": not a spaced ordinal
	}
	if hasBlankLine(text[i+1 : j]) {
		return false
	}
	r, _ := decode(text, j)
	switch {
	case r == 0:
		return false
	case isLower(r):
		return true
	case isDigit(r):
		return maxGroup <= 2 // "24. 2. 2022", "11.7. 2015"
	case !isUpper(r):
		return false
	}
	k := j
	for k < len(text) {
		r, w := decode(text, k)
		if !isWordRune(r) && !isHyphen(r) {
			break
		}
		k += w
	}
	word := text[j:k]
	if k < len(text) && text[k] == '.' {
		if s.ordinals[text[j:k+1]] {
			return true
		}
	}
	if s.ordinals[word] {
		return true
	}
	if s.starters[word] || sep || digits > 3 {
		return false
	}
	return true
}

func hasBlankLine(ws string) bool {
	n := 0
	for i := 0; i < len(ws); i++ {
		if ws[i] == '\n' {
			n++
		}
	}
	return n >= 2
}

// scanURL returns the end of a URL starting at i ("https://…", "www.…"),
// or i when there is none. Trailing punctuation is left out, and a closing
// parenthesis unless the URL opened one.
func scanURL(text string, i int) int {
	rest := text[i:]
	k := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		k = 8
	case hasPrefixFold(rest, "http://"):
		k = 7
	case hasPrefixFold(rest, "ftp://"):
		k = 6
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && isWordRune(rune(rest[4])):
		k = 4
	default:
		return i
	}
	j := i + k
	parens := 0
	for j < len(text) {
		r, w := decode(text, j)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || isQuote(r) && r != '\'' || r == utf8.RuneError {
			break
		}
		if r == '(' {
			parens++
		} else if r == ')' {
			if parens == 0 {
				break
			}
			parens--
		}
		j += w
	}
	for j > i+k {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '\'':
			j--
			continue
		}
		break
	}
	if j == i+k {
		return i
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isEmailLocal(c byte) bool {
	return ascii[c] == cLower || ascii[c] == cUpper || ascii[c] == cDigit ||
		c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// Length limits of e-mail addresses and host names (RFC 5321, RFC 1035);
// they also keep the scanner linear on input like "ab.ab.ab.…".
const (
	maxEmailLocal = 64
	maxHost       = 253
)

// scanEmail returns the end of an e-mail address starting at i, or i.
func scanEmail(text string, i int) int {
	j := i
	for j < len(text) && j-i <= maxEmailLocal && isEmailLocal(text[j]) {
		j++
	}
	if j == i || j >= len(text) || text[j] != '@' || text[j-1] == '.' {
		return i
	}
	end := scanHost(text, j+1)
	if end <= j+1 {
		return i
	}
	return end
}

// scanHost returns the end of a host name with at least one dot and an
// alphabetic top-level domain starting at i, or i.
func scanHost(text string, i int) int {
	j := i
	lastDot := -1
	for j < len(text) {
		if j-i > maxHost {
			return i
		}
		c := text[j]
		switch {
		case ascii[c] == cLower || ascii[c] == cUpper || ascii[c] == cDigit || c == '-':
		case c == '.' && j > i && text[j-1] != '.' && j+1 < len(text) && (ascii[text[j+1]] == cLower || ascii[text[j+1]] == cUpper || ascii[text[j+1]] == cDigit):
			lastDot = j
		default:
			goto done
		}
		j++
	}
done:
	if lastDot < 0 || j-lastDot-1 < 2 {
		return i
	}
	for k := lastDot + 1; k < j; k++ {
		if ascii[text[k]] != cLower && ascii[text[k]] != cUpper {
			return i
		}
	}
	return j
}

// tlds are the top-level domains recognised in bare domain names.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "de": true, "at": true, "ch": true,
	"eu": true, "uk": true, "fr": true, "it": true, "io": true, "gov": true,
	"edu": true, "info": true, "ru": true, "ua": true, "nl": true, "be": true,
	"pl": true, "es": true, "us": true, "tv": true,
}

// scanDomain returns the end of a bare domain name ("derStandard.at",
// "tagesschau.de/inland") whose first label is text[start:dot], or dot when
// the dot is not followed by a known lower-case top-level domain.
func scanDomain(text string, start, dot int) int {
	for k := start; k < dot; k++ {
		c := text[k]
		if c >= utf8.RuneSelf || !(ascii[c] == cLower || ascii[c] == cUpper || ascii[c] == cDigit || c == '-') {
			return dot
		}
	}
	end := scanHost(text, start)
	if end <= dot {
		return dot
	}
	last := end
	for last > start && text[last-1] != '.' {
		last--
	}
	if !tlds[text[last:end]] {
		return dot
	}
	if r, _ := decode(text, end); isWordRune(r) {
		return dot
	}
	if end < len(text) && text[end] == '/' {
		if e := scanURLPath(text, end); e > end {
			end = e
		}
	}
	return end
}

func scanURLPath(text string, i int) int {
	j := i
	for j < len(text) {
		r, w := decode(text, j)
		if isSpace(r) || isQuote(r) || r == '<' || r == '>' || r == ')' || r == utf8.RuneError {
			break
		}
		j += w
	}
	for j > i {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?':
			j--
			continue
		}
		break
	}
	return j
}
