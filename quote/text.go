package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/fold"
)

// tok is the quote package's view of a token: its span, its text and the
// shape facts the rules test.
type tok struct {
	doc.Span
	text  string
	lower string
	lex   *entry // the lexicon's entry of lower (set by run.find)
	word  bool   // starts with a letter
	num   bool   // starts with a digit
	cap   bool   // starts with an upper-case letter
	qmark rune   // the quotation mark, when the token is one
	space bool   // white space precedes the token
	para  int    // paragraph index
	sent  int    // sentence index
}

// sentence is a token range [first, last) with its span.
type sentence struct {
	doc.Span
	first, last int
	para        int
}

// quoteRunes are the characters that may be quotation marks.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '„', '“', '”', '»', '«', '‚', '‘', '’', '\'', '‹', '›', '‟':
		return true
	}
	return false
}

// paragraphs returns the spans of the blank-line separated paragraphs.
func paragraphs(text string) []doc.Span {
	var out []doc.Span
	start := -1
	i := 0
	for i < len(text) {
		// find end of line
		j := strings.IndexByte(text[i:], '\n')
		var line string
		next := len(text)
		if j >= 0 {
			line = text[i : i+j]
			next = i + j + 1
		} else {
			line = text[i:]
		}
		if strings.TrimSpace(line) == "" || start >= 0 && storyStart(line) {
			if start >= 0 {
				out = append(out, doc.Span{Start: start, End: trimRight(text, i)})
				start = -1
			}
			if strings.TrimSpace(line) != "" {
				start = i + (len(line) - len(strings.TrimLeft(line, " \t\r")))
			}
		} else if start < 0 {
			start = i + (len(line) - len(strings.TrimLeft(line, " \t\r")))
		}
		i = next
	}
	if start >= 0 {
		out = append(out, doc.Span{Start: start, End: trimRight(text, len(text))})
	}
	return out
}

// datelineRe matches the lead of a wire story: a place and date, then the
// agency in brackets and a dash ("Kiew, 25. Feb (Reuters) -").
var datelineRe = regexp.MustCompile(`^\s*\p{Lu}[^\n()]{1,60}\([\p{L}\-. ]{2,25}\)\s*[-–—]\s`)

// datelineMax bounds the bytes datelineRe can match after the leading
// white space and before the white space that precedes the dash: a capital
// (4 bytes), 60 runes, a bracket, 25 runes and a bracket.
const datelineMax = 4 + 60*4 + 1 + 25*4 + 1

// storyStart reports whether a line opens a new story with a dateline: a
// story boundary even when no blank line precedes it, so that no quotation
// runs from one story into the next. Only the head of the line that a
// match can reach goes to the regular expression, so a long line costs no
// more than a short one.
func storyStart(line string) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' } // \s
	i := 0
	for i < len(line) && isSpace(line[i]) {
		i++
	}
	// quick refusals: a capital first, a bracket within reach
	if r, _ := utf8.DecodeRuneInString(line[i:]); !unicode.Is(unicode.Lu, r) {
		return false
	}
	if head := line[i:min(len(line), i+datelineMax)]; strings.IndexByte(head, '(') < 0 {
		return false
	}
	end := i + datelineMax
	for end < len(line) && isSpace(line[end]) {
		end++
	}
	end += 8 // a dash (3 bytes), a space, and room for a whole rune
	if end < len(line) {
		line = line[:end]
	}
	return datelineRe.MatchString(line)
}

func trimRight(text string, end int) int {
	for end > 0 {
		c := text[end-1]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			end--
			continue
		}
		break
	}
	return end
}

// tokenize splits text into tokens: words (letters and digits with inner
// hyphens, apostrophes and dots), and single punctuation characters.
func tokenize(text string) []doc.Span {
	var out []doc.Span
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && size <= 1 && !utf8.FullRuneInString(text[i:]) {
			i += size
			continue
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			out = append(out, doc.Span{Start: i, End: i + size})
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '&' {
				// inner joiner: only when a word character follows
				if j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
			}
			break
		}
		out = append(out, doc.Span{Start: i, End: j})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// abbreviations after which a dot does not end a sentence (lower-case,
// without the dot).
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "jr": true, "sr": true, "no": true,
	"nr": true, "z": true, "b": true, "bzw": true, "ca": true, "vgl": true, "u": true, "a": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"okt": true, "nov": true, "dez": true, "dec": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"vs": true, "etc": true, "usw": true, "bzgl": true, "dt": true, "s": true, "d": true, "h": true, "i": true,
}

// splitSentences is the fallback sentence splitter used when the document
// has no sentence layer: a sentence ends at . ! ? (with the closing marks
// that follow) before an upper-case word, an opening mark, a digit or a
// paragraph break; not after an abbreviation, an initial or a number.
func splitSentences(text string, toks []tok) []sentence {
	var out []sentence
	first := 0
	for i := 0; i < len(toks); i++ {
		last := i+1 == len(toks)
		if !last && toks[i+1].para != toks[i].para {
			out = append(out, sentence{first: first, last: i + 1})
			first = i + 1
			continue
		}
		t := toks[i].text
		if t != "." && t != "!" && t != "?" && t != "…" {
			continue
		}
		if last {
			continue
		}
		if t == "." && i > 0 {
			p := toks[i-1]
			if p.End == toks[i].Start && (abbrevs[p.lower] || p.word && utf8.RuneCountInString(p.text) == 1 || p.num) {
				continue
			}
		}
		// take closing marks and brackets
		j := i + 1
		for j < len(toks) && toks[j].para == toks[i].para && !toks[j].space && (toks[j].qmark != 0 || toks[j].text == ")") {
			j++
		}
		if j >= len(toks) || toks[j].para != toks[i].para {
			i = j - 1
			continue
		}
		n := toks[j]
		if n.cap || n.num || n.qmark != 0 || n.text == "(" || n.text == "-" || n.text == "–" {
			out = append(out, sentence{first: first, last: j})
			first = j
			i = j - 1
		}
	}
	if first < len(toks) {
		out = append(out, sentence{first: first, last: len(toks)})
	}
	return out
}

// view builds the token and sentence view of d: d.Tokens and d.Sentences
// when present, else the package's own tokenizer and splitter.
func view(d *doc.Document) ([]tok, []sentence, []doc.Span) {
	text := d.Text
	paras := paragraphs(text)
	var spans []doc.Span
	if len(d.Tokens) > 0 {
		spans = make([]doc.Span, 0, len(d.Tokens))
		for _, t := range d.Tokens {
			if t.Valid(len(text)) && t.Len() > 0 && utf8.RuneStart(text[t.Start]) && (t.End == len(text) || utf8.RuneStart(text[t.End])) {
				spans = append(spans, t.Span)
			}
		}
		// tokens from elsewhere are trusted only in order and apart
		sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		k := 0
		for _, sp := range spans {
			if k == 0 || sp.Start >= spans[k-1].End {
				spans[k] = sp
				k++
			}
		}
		spans = spans[:k]
	} else {
		spans = tokenize(text)
	}
	toks := make([]tok, len(spans))
	// the lower-case forms of all tokens share one string
	lower := make([]byte, 0, len(text))
	lowEnd := make([]int, len(spans))
	for i, s := range spans {
		lower = fold.AppendLower(lower, text[s.Start:s.End])
		lowEnd[i] = len(lower)
	}
	lowerText := string(lower)
	p, lo := 0, 0
	for i, s := range spans {
		for p+1 < len(paras) && s.Start >= paras[p+1].Start {
			p++
		}
		t := text[s.Start:s.End]
		r, _ := utf8.DecodeRuneInString(t)
		tk := &toks[i]
		*tk = tok{Span: s, text: t, para: p}
		tk.lower, lo = lowerText[lo:lowEnd[i]], lowEnd[i]
		tk.word = unicode.IsLetter(r)
		tk.num = unicode.IsDigit(r)
		tk.cap = unicode.IsUpper(r)
		if utf8.RuneCountInString(t) == 1 && isQuoteRune(r) {
			tk.qmark = r
		}
		tk.space = s.Start == 0
		if s.Start > 0 {
			pr, _ := utf8.DecodeLastRuneInString(text[:s.Start])
			tk.space = unicode.IsSpace(pr)
		}
	}
	var sents []sentence
	if len(d.Sentences) > 0 {
		k := 0
		for _, s := range d.Sentences {
			if !s.Valid(len(text)) {
				continue
			}
			for k < len(toks) && toks[k].Start < s.Start {
				k++
			}
			first := k
			for k < len(toks) && toks[k].End <= s.End {
				k++
			}
			if k > first {
				// a sentence never crosses a paragraph break
				a := first
				for b := first + 1; b <= k; b++ {
					if b == k || toks[b].para != toks[a].para {
						sents = append(sents, sentence{first: a, last: b})
						a = b
					}
				}
			}
		}
		// tokens outside every sentence get sentences of their own
		sort.Slice(sents, func(i, j int) bool { return sents[i].first < sents[j].first })
		var full []sentence
		next := 0
		for _, s := range sents {
			if s.first < next {
				continue
			}
			if s.first > next {
				full = append(full, sentence{first: next, last: s.first})
			}
			full = append(full, s)
			next = s.last
		}
		if next < len(toks) && len(sents) > 0 {
			full = append(full, sentence{first: next, last: len(toks)})
		}
		// gaps may span paragraphs: split them there
		sents = sents[:0]
		for _, s := range full {
			a := s.first
			for b := s.first + 1; b <= s.last; b++ {
				if b == s.last || toks[b].para != toks[a].para {
					sents = append(sents, sentence{first: a, last: b})
					a = b
				}
			}
		}
	}
	if len(sents) == 0 {
		sents = splitSentences(text, toks)
	}
	for i := range sents {
		s := &sents[i]
		s.Span = doc.Span{Start: toks[s.first].Start, End: toks[s.last-1].End}
		s.para = toks[s.first].para
		for k := s.first; k < s.last; k++ {
			toks[k].sent = i
		}
	}
	return toks, sents, paras
}
