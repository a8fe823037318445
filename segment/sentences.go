package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// Sentences appends to dst the sentences of text, given its tokens as
// returned by Tokens, and returns the extended slice.
//
// Sentences are in order, disjoint and cover every token: sentence k holds
// toks[First:Last], and its span runs from the start of its first token to
// the end of its last. Whitespace between sentences belongs to none. A
// sentence ends
//
//   - before a token that starts a paragraph (always);
//   - after . ! ? … or a run of them, together with the closing quotation
//     marks and brackets that follow, unless the next token continues the
//     sentence: a lower-case word ("»Wohin?« fragte er"), a comma, semicolon
//     or colon ("…beenden", schrieb X" never splits); where the language
//     sets bang_lower to split (German), a lower-case word directly after a
//     bare ! or ? starts a new sentence ("Stille! ich höre");
//   - after an abbreviation that may end a sentence ("Inc.", "usw.", an
//     initial) only when the next word is a typical sentence starter
//     ("The", "Die"); other abbreviations and ordinal numbers ("Dr.",
//     "z. B.", "25. Feb") never end one;
//   - after a capital letter that follows a label word of the language
//     ("Gruppe A.", "Series A.", "auf X.") before a capitalised word: the
//     letter names something and is no initial, so "auf X. Trump schrieb"
//     splits while "George W. Bush" and "von E. Lövinson" do not.
//
// A dateline lead ("Kiew, 25. Feb (Reuters) - Bei …", "WASHINGTON (AP) —
// The …", "SALVADOR, Feb 26 - Showers …") is part of the first sentence.
// Tokens whose spans lie outside text are tolerated (treated as empty).
func (s *Segmenter) Sentences(text string, toks []doc.Token, dst []doc.Sentence) []doc.Sentence {
	if len(toks) == 0 {
		return dst
	}
	first := 0
	for i := 1; i < len(toks); i++ {
		if s.boundary(text, toks, first, i) {
			dst = append(dst, sentence(toks, first, i))
			first = i
		}
	}
	return append(dst, sentence(toks, first, len(toks)))
}

func sentence(toks []doc.Token, first, last int) doc.Sentence {
	start, end := toks[first].Start, toks[last-1].End
	if end < start {
		end = start
	}
	return doc.Sentence{Span: doc.Span{Start: start, End: end}, First: first, Last: last}
}

// tokText returns the text of a token, or "" when its span is out of range.
func tokText(text string, t doc.Token) string {
	if !t.Valid(len(text)) {
		return ""
	}
	return text[t.Start:t.End]
}

// boundary reports whether a sentence that began at token first ends
// before token i.
func (s *Segmenter) boundary(text string, toks []doc.Token, first, i int) bool {
	next := toks[i]
	if next.Flags.Has(doc.ParagraphStart) {
		return true
	}
	if f := toks[i-1].Flags; f&(doc.Word|doc.Abbrev) == doc.Word || f.Has(doc.Number) && !f.Has(doc.Abbrev) {
		return false // fast path: a plain word or number ends no sentence
	}
	if isCloser(text, toks, i) {
		return false
	}
	k := i - 1
	for k > first && isCloser(text, toks, k) {
		k--
	}
	prev := toks[k]
	pt := tokText(text, prev)
	switch {
	case prev.Flags.Has(doc.Abbrev):
		if s.labelLetter(text, toks, first, k) {
			// "in der Gruppe A. Leverkusen gewann": the letter is a
			// name and its dot a full stop before a capitalised word;
			// not before a number ("den Plan S. 312": a page).
			if !next.Flags.Has(doc.Word) || !startsSentence(text, next) {
				return false
			}
		} else if !s.abbrevEnds(text, toks, first, k) || !s.isStarter(text, next) {
			return false
		}
	case prev.Flags.Has(doc.Punct) && isTerminator(pt):
		if !startsSentence(text, next) && !(s.bangLower && k == i-1 && isBang(pt) && next.Flags.Has(doc.Word)) {
			return false
		}
		// An omission mark "[...]" or "(…)" ends nothing.
		if k > first && (pt == "..." || pt == "…") {
			if b := tokText(text, toks[k-1]); b == "[" || b == "(" {
				return false
			}
		}
		// A dash after the terminator opens a new sentence unless a
		// lower-case word or a comma follows: "jetzt! - das Gespräch".
		if isDash(tokText(text, next)) && i+1 < len(toks) && !toks[i+1].Flags.Has(doc.ParagraphStart) &&
			!startsSentence(text, toks[i+1]) {
			return false
		}
	default:
		return false
	}
	return !s.inDateline(text, toks, first, i) && !capsDateline(text, toks, first, k)
}

// capsDateline reports whether tokens first..dot are an upper-case place
// name opening a paragraph and closed by a full stop, a dateline in the
// style "BERLIN. Die Regierung …" or "NEW YORK. The …".
func capsDateline(text string, toks []doc.Token, first, dot int) bool {
	if first != 0 && !toks[first].Flags.Has(doc.ParagraphStart) || dot == first || dot-first > 4 {
		return false
	}
	if tokText(text, toks[dot]) != "." {
		return false
	}
	for j := first; j < dot; j++ {
		tt := tokText(text, toks[j])
		if tt == "/" || tt == "," {
			continue
		}
		if !toks[j].Flags.Has(doc.Word) || len(tt) < 2 {
			return false
		}
		for _, r := range tt {
			if isLower(r) {
				return false
			}
		}
	}
	return true
}

// abbrevEnds reports whether abbreviation token k may end a sentence.
func (s *Segmenter) abbrevEnds(text string, toks []doc.Token, first, k int) bool {
	if toks[k].Flags.Has(doc.Number) {
		return false // ordinal number
	}
	t := tokText(text, toks[k])
	if k > first {
		// A later part of "z. B.", "i. d. R.", "u. v. m."
		if c, ok := s.parts[partKey{tokText(text, toks[k-1]), t}]; ok {
			return c == classEnd
		}
	}
	if c, ok := s.abbrev[t]; ok {
		return c == classEnd
	}
	// Unlisted: a single letter or a dotted acronym may end a sentence
	// when it is upper-case (an initial, "Plan B.", "U.S.A."), not when it
	// is lower-case ("u. a.", "z.B.", "i.e.").
	r, _ := utf8.DecodeRuneInString(t)
	return isUpper(r)
}

// labelLetter reports whether token k is a single capital letter with its
// dot that names something rather than abbreviates a first name, because
// a label word of the language precedes it in the same sentence: "Gruppe
// A.", "Series A.", "auf X." (setting letter_label).
func (s *Segmenter) labelLetter(text string, toks []doc.Token, first, k int) bool {
	if k <= first || len(s.labels) == 0 {
		return false
	}
	t := tokText(text, toks[k])
	r, n := utf8.DecodeRuneInString(t)
	if n+1 != len(t) || t[n] != '.' || !isUpper(r) {
		return false
	}
	if !toks[k-1].Flags.Has(doc.Word) || toks[k-1].Flags.Has(doc.Abbrev) {
		return false
	}
	letters, ok := s.labels[tokText(text, toks[k-1])]
	return ok && (letters == "" || strings.Contains(letters, t[:n]))
}

// isStarter reports whether token t is a word that typically begins a
// sentence.
func (s *Segmenter) isStarter(text string, t doc.Token) bool {
	return t.Flags.Has(doc.Word) && s.starters[tokText(text, t)]
}

// isTerminator reports whether a punctuation token ends a sentence: made of
// . ! ? … only.
func isTerminator(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		switch r {
		case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		default:
			return false
		}
	}
	return true
}

// isBang reports whether a terminator is made of ! and ? only.
func isBang(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] != '!' && t[i] != '?' {
			return false
		}
	}
	return t != ""
}

// startsSentence reports whether token t, following a sentence-final
// mark, may begin a new sentence: not a lower-case word and not , ; : or
// another terminator.
func startsSentence(text string, t doc.Token) bool {
	tt := tokText(text, t)
	if tt == "" {
		return true
	}
	r, w := utf8.DecodeRuneInString(tt)
	if t.Flags.Has(doc.Word) || t.Flags.Has(doc.URL) {
		if !isLower(r) {
			return true
		}
		// A lower-case initial followed by a capital is a name: "iPhone",
		// "eBay".
		r2, _ := utf8.DecodeRuneInString(tt[w:])
		return isUpper(r2)
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '/', '%':
		return false
	}
	return !isTerminator(tt)
}

// isCloser reports whether token k closes something: a closing bracket, or
// a quotation mark attached to the word before it ("beenden"", "Ja!«").
func isCloser(text string, toks []doc.Token, k int) bool {
	t := toks[k]
	tt := tokText(text, t)
	if len(tt) == 1 && (tt[0] == ')' || tt[0] == ']' || tt[0] == '}') {
		return true
	}
	if !t.Flags.Has(doc.QuoteMark) || k == 0 {
		return false
	}
	if t.Flags.Has(doc.SpaceBefore) {
		// A free-standing mark after a terminator closes: "Ja! " Dann".
		return isTerminator(tokText(text, toks[k-1])) &&
			(k+1 == len(toks) || toks[k+1].Flags.Has(doc.SpaceBefore))
	}
	// Attached to the previous token: closing, unless that token opens
	// something ("(„Wort“)", "»„").
	pt := tokText(text, toks[k-1])
	if pt == "(" || pt == "[" || pt == "{" {
		return false
	}
	if toks[k-1].Flags.Has(doc.QuoteMark) {
		// »„ opens twice; “« closes twice: follow the mark before.
		return !toks[k-1].Flags.Has(doc.SpaceBefore) && k > 1
	}
	return true
}

// inDateline reports whether a boundary before token i would cut a dateline
// lead: the sentence began a paragraph (or the text), and a spaced dash
// follows within a few tokens after a run of capitalised words, numbers,
// commas, dots, slashes and parentheses ("BERLIN, 3. Juli (dpa) - Die").
func (s *Segmenter) inDateline(text string, toks []doc.Token, first, i int) bool {
	if first != 0 && !toks[first].Flags.Has(doc.ParagraphStart) {
		return false
	}
	const maxLead = 16
	for j := first; j < len(toks) && j < first+maxLead; j++ {
		t := toks[j]
		tt := tokText(text, t)
		if tt == "" {
			return false
		}
		if j >= i && t.Flags.Has(doc.SpaceBefore) && isDash(tt) {
			return j+1 < len(toks) && toks[j+1].Flags.Has(doc.SpaceBefore)
		}
		switch {
		case t.Flags.Has(doc.Word):
			r, _ := utf8.DecodeRuneInString(tt)
			if isLower(r) && len(tt) > 3 {
				return false
			}
		case t.Flags.Has(doc.Number):
		case t.Flags.Has(doc.QuoteMark) || t.Flags.Has(doc.URL):
			return false
		default:
			switch tt {
			case ",", ".", "/", "(", ")":
			default:
				return false
			}
		}
	}
	return false
}

func isDash(t string) bool {
	switch t {
	case "-", "--", "–", "—", "―":
		return true
	}
	return false
}
