// Package wire parses the dateline of a wire story: the place(s), the date
// and the agency (or agencies) that lead it, in German and English
// conventions:
//
//	Kiew, 25. Feb (Reuters) -
//	Moskau/Kiew (dpa/AFP) –
//	KYIV, Feb 25 (Reuters) -
//	WASHINGTON (AP) —
//	PARIS, March 3 -
//	Wien –
//
// The parser knows no language: month names come from every language's
// months.txt and agency names from common/agencies.txt in package lang.
// The dateline is a span of the text, never removed from it.
package wire

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
)

// Parser finds datelines. It is safe for concurrent use.
type Parser struct {
	months     map[string]int    // lower-case name without dot → month
	agencies   map[string]string // surface form → canonical name
	connectors map[string]bool   // lower-case words allowed inside place names
	slugs      map[string]bool   // upper-case leads that are not places
}

// New loads the parser's knowledge from the embedded language files.
func New() (*Parser, error) {
	p := &Parser{months: map[string]int{}, agencies: map[string]string{}, connectors: map[string]bool{}, slugs: map[string]bool{}}
	for _, code := range lang.Languages() {
		lines, err := lang.Read(code, "months.txt")
		if lang.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			if len(l.Fields) != 2 {
				return nil, fmt.Errorf("wire: %s: want name TAB month", l.Pos())
			}
			m, err := strconv.Atoi(l.Fields[1])
			if err != nil || m < 1 || m > 12 {
				return nil, fmt.Errorf("wire: %s: bad month number %q", l.Pos(), l.Fields[1])
			}
			p.months[strings.ToLower(l.Fields[0])] = m
		}
	}
	lines, err := lang.Read("common", "agencies.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if len(l.Fields) != 2 {
			return nil, fmt.Errorf("wire: %s: want form TAB name", l.Pos())
		}
		p.agencies[l.Fields[0]] = l.Fields[1]
	}
	words, err := lang.List("common", "place-connectors.txt")
	if err != nil {
		return nil, err
	}
	for _, w := range words {
		p.connectors[w] = true
	}
	slugs, err := lang.List("common", "dateline-slugs.txt")
	if err != nil {
		return nil, err
	}
	for _, w := range slugs {
		p.slugs[strings.ToUpper(w)] = true
	}
	return p, nil
}

// leadWindow is how far into a text a dateline is looked for when the text
// does not start with one (a headline may precede it, as in 10kGNAD).
const leadWindow = 600

// Parse finds the dateline of text. ref is the publication date, which gives
// the dateline's date its year (zero: the date is left unset). Parse looks
// at the start of the text and, failing that, at the start of each
// paragraph or sentence within the first few hundred bytes.
func (p *Parser) Parse(text string, ref time.Time) *doc.Dateline {
	i := skipSpace(text, 0)
	if dl := p.parseAt(text, i, ref, true); dl != nil {
		return dl
	}
	limit := len(text)
	if limit > leadWindow {
		limit = leadWindow
	}
	for j := i; j < limit; j++ {
		c := text[j]
		if c != '\n' && c != '.' && c != '!' && c != '?' {
			continue
		}
		k := j + 1
		if c != '\n' && (k >= len(text) || text[k] != ' ') {
			continue
		}
		k = skipSpace(text, k)
		if dl := p.parseAt(text, k, ref, false); dl != nil {
			return dl
		}
	}
	return nil
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// skipBlank skips spaces and tabs but not line breaks: a dateline is on
// one line.
func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func (p *Parser) parseAt(text string, start int, ref time.Time, atStart bool) *doc.Dateline {
	dl := &doc.Dateline{}
	i := start
	// Places, separated by '/'.
	for {
		ps, ok := p.place(text, i)
		if !ok {
			return nil
		}
		dl.Places = append(dl.Places, doc.Place{Span: ps})
		i = ps.End
		if i < len(text) && text[i] == '/' {
			i++
			continue
		}
		break
	}
	var month, day, year int
	if m, d, y, end, ok := p.date(text, skipBlank(text, i)); ok && skipBlank(text, i) > i {
		month, day, year, i = m, d, y, end
	}
	region := false
	for {
		j := skipBlank(text, i)
		if j >= len(text) || text[j] != ',' {
			break
		}
		j = skipBlank(text, j+1)
		if m, d, y, end, ok := p.date(text, j); ok && month == 0 {
			month, day, year, i = m, d, y, end
			continue
		}
		if wEnd, _ := word(text, j); wEnd > j && p.agencies[text[j:wEnd]] != "" && len(dl.Agencies) == 0 {
			// "WASHINGTON, March 12, Reuter -"
			dl.Agencies = append(dl.Agencies, p.agencies[text[j:wEnd]])
			i = wEnd
			continue
		}
		if ps, ok := p.regionPlace(text, j); ok && !region && month == 0 {
			// "AUSTIN, Texas, Feb 26 -": a region after the place.
			region = true
			i = ps.End
			// "RICHMOND, Va. Feb 26 -": the date may follow without a comma.
			if m, d, y, end, ok := p.date(text, skipBlank(text, i)); ok {
				month, day, year, i = m, d, y, end
			}
			continue
		}
		return nil
	}
	j := skipBlank(text, i)
	if j < len(text) && text[j] == '(' {
		ag, end, ok := p.agencyList(text, j)
		if !ok {
			return nil
		}
		dl.Agencies, i = ag, end
		j = skipBlank(text, i)
	}
	end, ok := dash(text, j, month > 0 || len(dl.Agencies) > 0)
	if !ok {
		return nil
	}
	// A bare place and dash is a weak signal: accept it at the start of the
	// text or a paragraph, or when the place is written in capitals, keep
	// the place short, and want the start of a sentence after the dash.
	if month == 0 && len(dl.Agencies) == 0 {
		k := skipSpace(text, end)
		if k < len(text) {
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"„“»«'‚‘", r)) {
				return nil
			}
		}
		if len(dl.Places) > 2 || wordCount(text, dl.Places[0].Span) > 3 {
			return nil
		}
		if p.slugs[strings.ToUpper(text[dl.Places[0].Start:dl.Places[0].End])] {
			return nil
		}
		if !atStart && !allUpper(text[dl.Places[0].Start:dl.Places[0].End]) && !dashIsLong(text, j) {
			return nil
		}
	}
	dl.Span = doc.Span{Start: start, End: end}
	if month > 0 {
		dl.Date = resolveYear(month, day, year, ref)
	}
	return dl
}

func wordCount(text string, s doc.Span) int {
	return len(strings.Fields(text[s.Start:s.End]))
}

func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 1
}

// dashIsLong reports whether the dash at i is an en or em dash, the
// convention of derStandard and dpa for a bare-place dateline.
func dashIsLong(text string, i int) bool {
	return strings.HasPrefix(text[i:], "–") || strings.HasPrefix(text[i:], "—")
}

// dash matches a dash preceded by blanks and followed by a blank or the
// end of the text; it returns the offset after the dash. After a date or
// an agency the dash may touch the next word ("March 4 -General"), as
// hurried wire copy has it.
func dash(text string, i int, loose bool) (int, bool) {
	var n int
	switch {
	case strings.HasPrefix(text[i:], "--"):
		n = 2
	case strings.HasPrefix(text[i:], "-"):
		n = 1
	case strings.HasPrefix(text[i:], "–"), strings.HasPrefix(text[i:], "—"):
		n = len("–")
	default:
		return 0, false
	}
	// "Feb 26-": a digit may touch the dash.
	if i == 0 || !(text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == ')' || text[i-1] >= '0' && text[i-1] <= '9') {
		return 0, false
	}
	e := i + n
	if !loose && e < len(text) && text[e] != ' ' && text[e] != '\t' && text[e] != '\n' {
		return 0, false
	}
	return e, true
}

// maxPlaceWords bounds a place name ("RIO DE JANEIRO", "Frankfurt am Main").
const maxPlaceWords = 5

// place matches a place name: capitalised words, possibly joined by
// lower-case connectors, ending before ',', '/', '(', a dash or a line end.
func (p *Parser) place(text string, i int) (doc.Span, bool) {
	start := i
	end := i
	words := 0
	for words < maxPlaceWords {
		wEnd, upper := word(text, i)
		if wEnd == i {
			break
		}
		if _, _, _, _, isDate := p.date(text, i); isDate && words > 0 {
			break // "JOHANNESBURG March 13": the date is not part of the place
		}
		w := text[i:wEnd]
		if !upper {
			if words == 0 || !p.connectors[w] {
				break
			}
		} else {
			end = wEnd
		}
		words++
		i = wEnd
		if sentenceEnd(w) {
			break // "Petersburg. London": a place does not run past a full stop
		}
		if i < len(text) && text[i] == ' ' {
			i++
			continue
		}
		break
	}
	if end == start {
		return doc.Span{}, false
	}
	// The place must be followed by a separator of the dateline grammar.
	j := skipBlank(text, end)
	if j >= len(text) {
		return doc.Span{}, false
	}
	if j > end && allUpper(text[start:end]) {
		// "JOHANNESBURG March 13 -": a capitalised place, then the date.
		if _, _, _, _, ok := p.date(text, j); ok {
			return doc.Span{Start: start, End: end}, true
		}
	}
	switch text[j] {
	case ',', '/', '(', '-':
	default:
		if !dashIsLong(text, j) {
			return doc.Span{}, false
		}
	}
	return doc.Span{Start: start, End: end}, true
}

// regionPlace matches a region after a place ("Texas", "Va.", "N.Y."):
// like place, but it may also be followed directly by a date.
func (p *Parser) regionPlace(text string, i int) (doc.Span, bool) {
	if ps, ok := p.place(text, i); ok {
		return ps, true
	}
	wEnd, upper := word(text, i)
	if !upper || wEnd == i || wEnd-i > 12 {
		return doc.Span{}, false
	}
	if _, _, _, _, ok := p.date(text, skipBlank(text, wEnd)); !ok {
		return doc.Span{}, false
	}
	return doc.Span{Start: i, End: wEnd}, true
}

// word matches a word of letters, inner dots, hyphens and apostrophes
// ("ST. LOUIS", "Saint-Denis", "N'Djamena") and reports whether it starts
// with an upper-case letter.
func word(text string, i int) (int, bool) {
	j := i
	upper := false
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsLetter(r):
			if j == i {
				upper = unicode.IsUpper(r)
			}
		case j > i && (r == '.' || r == '-' || r == '\'' || r == '’'):
			// A hyphen followed by a blank is a dash, not part of the word.
			if r == '-' && (j+1 >= len(text) || text[j+1] == ' ') {
				return j, upper
			}

		default:
			return j, upper
		}
		j += n
	}
	return j, upper
}

// sentenceEnd reports whether a word ends with a full stop rather than an
// abbreviation dot: short words ("St.", "Va.") and initials ("N.Y.") keep
// their dot.
func sentenceEnd(w string) bool {
	if !strings.HasSuffix(w, ".") {
		return false
	}
	w = strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(w) > 4 && !strings.Contains(w, ".")
}

// date matches "25. Feb", "25. Februar 2026", "Feb 25", "March 3",
// "Feb. 25, 2026" at i.
func (p *Parser) date(text string, i int) (month, day, year, end int, ok bool) {
	if d, j, ok := number(text, i, 2); ok {
		// German "25. Feb" and British "2 March": day, optional dot,
		// month name.
		k := j
		if k < len(text) && text[k] == '.' {
			k++
		}
		if k2 := skipBlank(text, k); k2 > k || k > j {
			if m, e, ok := p.month(text, k2); ok && d >= 1 && d <= 31 {
				y, e2 := optYear(text, e)
				return m, d, y, e2, true
			}
		}
		return 0, 0, 0, 0, false
	}
	m, j, ok := p.month(text, i)
	if !ok {
		return 0, 0, 0, 0, false
	}
	k := skipBlank(text, j)
	d, e, ok := number(text, k, 2)
	if !ok || d < 1 || d > 31 {
		return 0, 0, 0, 0, false
	}
	y, e2 := optYear(text, e)
	return m, d, y, e2, true
}

// optYear matches an optional ", 2026" or " 2026" after a date.
func optYear(text string, i int) (int, int) {
	j := i
	if j < len(text) && text[j] == ',' {
		j++
	}
	j = skipBlank(text, j)
	if y, e, ok := number(text, j, 4); ok && e-j == 4 && y >= 1800 && y <= 2200 {
		return y, e
	}
	return 0, i
}

func number(text string, i, maxDigits int) (int, int, bool) {
	j := i
	n := 0
	for j < len(text) && j-i < maxDigits && text[j] >= '0' && text[j] <= '9' {
		n = n*10 + int(text[j]-'0')
		j++
	}
	if j == i || (j < len(text) && text[j] >= '0' && text[j] <= '9') {
		return 0, i, false
	}
	return n, j, true
}

// month matches a month name or abbreviation (with optional dot).
func (p *Parser) month(text string, i int) (int, int, bool) {
	j, _ := word(text, i)
	if j == i {
		return 0, i, false
	}
	w := strings.TrimSuffix(text[i:j], ".")
	m, ok := p.months[strings.ToLower(w)]
	if !ok {
		return 0, i, false
	}
	return m, j, true
}

// agencyList matches "(Reuters)", "(dpa/AFP)", "(AP, dpa)".
func (p *Parser) agencyList(text string, i int) ([]string, int, bool) {
	close := strings.IndexByte(text[i:], ')')
	if close < 0 || close > 60 {
		return nil, i, false
	}
	inner := text[i+1 : i+close]
	var out []string
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return r == '/' || r == ',' }) {
		part = strings.TrimSpace(part)
		if name, ok := p.agencies[part]; ok {
			out = append(out, name)
			continue
		}
		return nil, i, false
	}
	if len(out) == 0 {
		return nil, i, false
	}
	return out, i + close + 1, true
}

// resolveYear gives a month and day the year that puts the date closest to
// ref (a dateline of 31 Dec in a story of 1 Jan is last year's).
func resolveYear(month, day, year int, ref time.Time) time.Time {
	valid := func(y int) (time.Time, bool) {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == day // rejects 30 Feb
	}
	if year > 0 {
		t, ok := valid(year)
		if !ok {
			return time.Time{}
		}
		return t
	}
	if ref.IsZero() {
		return time.Time{}
	}
	var best time.Time
	var bestDist time.Duration
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		t, ok := valid(y)
		if !ok {
			continue
		}
		d := t.Sub(ref)
		if d < 0 {
			d = -d
		}
		if best.IsZero() || d < bestDist {
			best, bestDist = t, d
		}
	}
	return best
}

// Stage returns the dateline stage.
func Stage(p *Parser) pipeline.Stage { return stage{p} }

type stage struct{ p *Parser }

func (stage) Name() string             { return "dateline" }
func (stage) Needs() []pipeline.Layer  { return nil }
func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Dateline} }
func (s stage) Process(d *doc.Document) error {
	d.Dateline = s.p.Parse(d.Text, d.Date)
	return nil
}
