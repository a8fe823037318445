package reader

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// SGMLStory is one <REUTERS> element of a Reuters-21578 SGML file, as
// ReadSGML found it. String fields are unescaped (&lt; → <, &#38; → &, …)
// but otherwise as they stood: not trimmed, not parsed.
//
// Control characters are the wire's transmission codes (&#2; before the
// text, &#3; after it, &#5;, &#22;, &#31; in headers): they are dropped,
// except DEL (&#127;), which stands where a character was garbled and
// becomes a space. TAB and LF are kept.
type SGMLStory struct {
	Line      int  // 1-based line of the <REUTERS start tag
	Truncated bool // the element has no </REUTERS>: the input ended, or another <REUTERS began, first

	NewID, OldID         string // the NEWID and OLDID attributes
	TopicsAttr           string // the TOPICS attribute: "YES", "NO" or "BYPASS"
	LewisSplit, CGISplit string // the LEWISSPLIT and CGISPLIT attributes

	Date string // <DATE>, trimmed, e.g. "26-FEB-1987 15:01:01.79"

	// The <D> entries of <TOPICS>, <PLACES>, <PEOPLE>, <ORGS>,
	// <EXCHANGES> and <COMPANIES>.
	Topics, Places, People, Orgs, Exchanges, Companies []string

	Type     string // the TYPE attribute of <TEXT>: "" (a normal story), "BRIEF" or "UNPROC"
	Title    string // <TITLE>
	Author   string // <AUTHOR>
	Dateline string // <DATELINE> exactly as on the wire, e.g. "    SALVADOR, Feb 26 - "
	Body     string // <BODY>
	HasBody  bool   // the element has a <BODY>
	// Rest is the character data of <TEXT> outside TITLE, AUTHOR,
	// DATELINE and BODY: the whole story of an UNPROC element,
	// "******Blah blah blah." in a BRIEF.
	Rest string

	// Windows1252 is true when the element was not valid UTF-8 and was
	// decoded as Windows-1252 (one element of the corpus has a stray 0xFC).
	Windows1252 bool
}

// Text returns the story's text as the SGML reader puts it in
// Document.Text, and the span in it of the dateline (zero when there is
// none):
//
//   - a story with a BODY: DATELINE followed by BODY, as they stood on the
//     wire, trimmed: "SALVADOR, Feb 26 - Showers continued ..." with the
//     span of "SALVADOR, Feb 26 -";
//   - a BRIEF (headline only; its text is the placeholder "Blah blah
//     blah."): the title, white space collapsed;
//   - any other element without a BODY (UNPROC): Rest, trimmed, or the
//     title when Rest is blank.
//
// The result is "" only when the element has no text at all.
func (s *SGMLStory) Text() (text string, dateline doc.Span) {
	if s.HasBody {
		t := s.Dateline + s.Body
		trimmed := strings.TrimLeftFunc(t, unicode.IsSpace)
		lead := len(t) - len(trimmed)
		text = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		if text != "" {
			if lead < len(s.Dateline) {
				dl := strings.TrimRightFunc(s.Dateline[lead:], unicode.IsSpace)
				dateline = doc.Span{Start: 0, End: min(len(dl), len(text))}
			}
			return text, dateline
		}
	}
	if s.Type != "BRIEF" {
		if t := strings.TrimSpace(s.Rest); t != "" {
			return t, doc.Span{}
		}
	}
	return collapseSpace(s.Title), doc.Span{}
}

// ReadSGML reads the Reuters-21578 SGML in r and calls fn with each
// <REUTERS> element in order, including broken ones (Truncated) and those
// without a BODY; text outside the elements (the DOCTYPE line) is skipped.
// It stops at the first error from fn and returns it; an I/O error is
// returned as it came. It streams: memory holds one element (at most
// MaxRecordBytes; a longer element is cut and reported Truncated).
func ReadSGML(r io.Reader, fn func(SGMLStory) error) error {
	sc := newSGMLScanner(r)
	for {
		st, err := sc.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
	}
}

var (
	reutersOpen  = []byte("<REUTERS")
	reutersClose = []byte("</REUTERS>")
)

// sgmlScanner splits the input into <REUTERS> elements.
type sgmlScanner struct {
	sc       *bufio.Scanner
	line     int // line number of the next token's first byte
	queue    []SGMLStory
	nonBlank bool // the input has something other than white space
}

func newSGMLScanner(r io.Reader) *sgmlScanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxRecordBytes+(1<<20))
	sc.Split(splitReuters)
	return &sgmlScanner{sc: sc, line: 1}
}

// splitReuters cuts after each </REUTERS>, or after MaxRecordBytes when
// none comes.
func splitReuters(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.Index(data, reutersClose); i >= 0 {
		n := i + len(reutersClose)
		return n, data[:n], nil
	}
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if atEOF || len(data) >= maxRecordBytes {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// next returns the next element, or io.EOF.
func (s *sgmlScanner) next() (SGMLStory, error) {
	for len(s.queue) == 0 {
		if !s.sc.Scan() {
			if err := s.sc.Err(); err != nil {
				return SGMLStory{}, err
			}
			return SGMLStory{}, io.EOF
		}
		s.split(s.sc.Bytes())
	}
	st := s.queue[0]
	s.queue[0] = SGMLStory{}
	s.queue = s.queue[1:]
	return st, nil
}

// split parses the elements that start in tok, a token from splitReuters.
func (s *sgmlScanner) split(tok []byte) {
	line, from := s.line, 0
	s.line += bytes.Count(tok, []byte("\n"))
	s.nonBlank = s.nonBlank || !isBlank(tok)
	var starts []int
	for i := 0; ; {
		j := bytes.Index(tok[i:], reutersOpen)
		if j < 0 {
			break
		}
		j += i
		k := j + len(reutersOpen)
		if k == len(tok) || tok[k] == ' ' || tok[k] == '>' || tok[k] == '\t' || tok[k] == '\n' || tok[k] == '\r' {
			starts = append(starts, j)
		}
		i = k
	}
	closed := bytes.HasSuffix(tok, reutersClose)
	for n, start := range starts {
		end := len(tok)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		line += bytes.Count(tok[from:start], []byte("\n"))
		from = start
		truncated := n+1 < len(starts) || !closed
		if end-start > maxRecordBytes {
			end, truncated = start+maxRecordBytes, true
		}
		s.queue = append(s.queue, parseReuters(tok[start:end], line, truncated))
	}
}

// parseReuters parses one element, from "<REUTERS" to "</REUTERS>" (or
// to where it was cut).
func parseReuters(el []byte, line int, truncated bool) SGMLStory {
	s, cp := cleanText(el, ctrlDrop)
	st := SGMLStory{Line: line, Truncated: truncated, Windows1252: cp}
	s = strings.TrimSuffix(s[len(reutersOpen):], string(reutersClose))
	gt := strings.IndexByte(s, '>')
	if gt < 0 {
		gt = len(s)
	}
	eachAttr(s[:gt], func(name, value string) {
		switch strings.ToUpper(name) {
		case "NEWID":
			st.NewID = value
		case "OLDID":
			st.OldID = value
		case "TOPICS":
			st.TopicsAttr = value
		case "LEWISSPLIT":
			st.LewisSplit = value
		case "CGISPLIT":
			st.CGISplit = value
		}
	})
	s = s[min(gt+1, len(s)):]

	head, text := s, ""
	if i := findStartTag(s, tagTEXT.open); i >= 0 {
		head, text = s[:i], s[i:]
	}
	if v, _, ok := element(head, tagDATE); ok {
		st.Date = strings.TrimSpace(unescapeSGML(v))
	}
	st.Topics = dList(head, tagTOPICS)
	st.Places = dList(head, tagPLACES)
	st.People = dList(head, tagPEOPLE)
	st.Orgs = dList(head, tagORGS)
	st.Exchanges = dList(head, tagEXCHANGES)
	st.Companies = dList(head, tagCOMPANIES)

	if text == "" {
		return st
	}
	gt = strings.IndexByte(text, '>')
	if gt < 0 {
		gt = len(text)
	}
	eachAttr(text[len("<TEXT"):gt], func(name, value string) {
		if strings.EqualFold(name, "TYPE") {
			st.Type = value
		}
	})
	text = text[min(gt+1, len(text)):]
	if i := strings.Index(text, "</TEXT>"); i >= 0 {
		text = text[:i]
	}
	// Cut out the sub-elements; what remains is Rest.
	type cut struct{ start, end int }
	var cuts []cut
	for _, t := range [...]tag{tagTITLE, tagAUTHOR, tagDATELINE, tagBODY} {
		v, c, ok := element(text, t)
		if !ok {
			continue
		}
		v = unescapeSGML(v)
		switch t {
		case tagTITLE:
			st.Title = v
		case tagAUTHOR:
			st.Author = v
		case tagDATELINE:
			st.Dateline = v
		case tagBODY:
			st.Body, st.HasBody = v, true
		}
		cuts = append(cuts, cut{c[0], c[1]})
	}
	var rest strings.Builder
	pos := 0
	for len(cuts) > 0 {
		// Take the earliest remaining cut.
		m := 0
		for i := range cuts {
			if cuts[i].start < cuts[m].start {
				m = i
			}
		}
		c := cuts[m]
		cuts = append(cuts[:m], cuts[m+1:]...)
		if c.start >= pos {
			rest.WriteString(text[pos:c.start])
		}
		pos = max(pos, c.end)
	}
	rest.WriteString(text[pos:])
	st.Rest = unescapeSGML(rest.String())
	return st
}

// tag is an element's start-tag prefix ("<NAME") and end tag ("</NAME>").
type tag struct{ open, close string }

func newTag(name string) tag { return tag{"<" + name, "</" + name + ">"} }

var (
	tagTEXT      = newTag("TEXT")
	tagDATE      = newTag("DATE")
	tagTOPICS    = newTag("TOPICS")
	tagPLACES    = newTag("PLACES")
	tagPEOPLE    = newTag("PEOPLE")
	tagORGS      = newTag("ORGS")
	tagEXCHANGES = newTag("EXCHANGES")
	tagCOMPANIES = newTag("COMPANIES")
	tagD         = newTag("D")
	tagTITLE     = newTag("TITLE")
	tagAUTHOR    = newTag("AUTHOR")
	tagDATELINE  = newTag("DATELINE")
	tagBODY      = newTag("BODY")
)

// findStartTag returns the index in s of open ("<NAME") followed by '>'
// or white space, or -1.
func findStartTag(s, open string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], open)
		if j < 0 {
			return -1
		}
		j += i
		k := j + len(open)
		if k == len(s) || s[k] == '>' || s[k] == ' ' || s[k] == '\t' || s[k] == '\n' {
			return j
		}
		i = k
	}
}

// element returns the content of the first element t in s and the extent
// of the whole element. Without an end tag the content runs to the end of
// s.
func element(s string, t tag) (content string, extent [2]int, ok bool) {
	i := findStartTag(s, t.open)
	if i < 0 {
		return "", extent, false
	}
	gt := strings.IndexByte(s[i:], '>')
	if gt < 0 {
		return "", [2]int{i, len(s)}, true
	}
	start := i + gt + 1
	j := strings.Index(s[start:], t.close)
	if j < 0 {
		return s[start:], [2]int{i, len(s)}, true
	}
	return s[start : start+j], [2]int{i, start + j + len(t.close)}, true
}

// dList returns the <D> entries of the element t in s.
func dList(s string, t tag) []string {
	v, _, ok := element(s, t)
	if !ok {
		return nil
	}
	var out []string
	for {
		d, ext, ok := element(v, tagD)
		if !ok {
			return out
		}
		out = append(out, strings.TrimSpace(unescapeSGML(d)))
		v = v[ext[1]:]
	}
}

// eachAttr calls fn for each NAME="value" (or 'value', or value) in s.
func eachAttr(s string, fn func(name, value string)) {
	for i := 0; i < len(s); {
		for i < len(s) && !isNameByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j == i {
			return
		}
		name := s[i:j]
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		if j == len(s) || s[j] != '=' {
			i = j
			continue
		}
		j++
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		var value string
		if j < len(s) && (s[j] == '"' || s[j] == '\'') {
			q := s[j]
			k := strings.IndexByte(s[j+1:], q)
			if k < 0 {
				value, j = s[j+1:], len(s)
			} else {
				value, j = s[j+1:j+1+k], j+2+k
			}
		} else {
			k := j
			for k < len(s) && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' {
				k++
			}
			value, j = s[j:k], k
		}
		fn(name, unescapeSGML(value))
		i = j
	}
}

func isNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// unescapeSGML replaces the entities &lt; &gt; &amp; &quot; &apos; and
// &#N; / &#xH; by their characters. Control characters from numeric
// entities are dropped, except TAB and LF, which are kept, and DEL, which
// becomes a space. An entity that is not understood stays as it is.
func unescapeSGML(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		semi := strings.IndexByte(s[:min(len(s), 12)], ';')
		if semi < 0 {
			b.WriteByte('&')
			s = s[1:]
		} else {
			name := s[1:semi]
			if r, ok := entity(name); ok {
				if r >= 0 {
					b.WriteRune(r)
				}
			} else {
				b.WriteString(s[:semi+1])
			}
			s = s[semi+1:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// entity returns the character of the entity name (without & and ;), -1
// for one to drop, and whether name is understood.
func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil {
		return 0, false
	}
	switch r := rune(n); {
	case r == '\t' || r == '\n':
		return r, true
	case r == 0x7F:
		return ' ', true
	case r < 0x20 || r >= 0x80 && r < 0xA0:
		return -1, true
	case !utf8.ValidRune(r):
		return utf8.RuneError, true
	default:
		return r, true
	}
}

// parseReutersDate parses a <DATE> such as "26-FEB-1987 15:01:01.79" (UTC,
// as the corpus gives no zone). Anything after the time is ignored. When
// the time cannot be read, it returns the day at midnight and exact=false.
func parseReutersDate(s string) (t time.Time, exact bool, err error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return time.Time{}, false, strconv.ErrSyntax
	}
	day, err := time.Parse("2-Jan-2006", f[0])
	if err != nil {
		return time.Time{}, false, err
	}
	if len(f) < 2 {
		return day, false, nil
	}
	// The time may run into wire codes: "00:02:59.13RM".
	clock := f[1]
	if i := strings.IndexFunc(clock, func(r rune) bool { return (r < '0' || r > '9') && r != ':' && r != '.' }); i >= 0 {
		clock = clock[:i]
	}
	c, err := time.Parse("15:04:05", clock)
	if err != nil {
		return day, false, nil
	}
	return day.Add(c.Sub(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC))), true, nil
}

// sgmlReader maps the elements from an sgmlScanner to Documents (see
// SGML for the fields).
type sgmlReader struct {
	base
	sc  *sgmlScanner
	rec int
}

func newSGMLReader(b base, r io.Reader) *sgmlReader {
	return &sgmlReader{base: b, sc: newSGMLScanner(r)}
}

func (r *sgmlReader) Next() (*doc.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	st, err := r.sc.next()
	if err == io.EOF {
		r.err = io.EOF
		if r.rec == 0 && r.sc.nonBlank {
			return nil, r.recordError(0, 1, "no <REUTERS> element in the input")
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, r.fatal(err)
	}
	r.rec++
	if st.Truncated {
		return nil, r.recordError(r.rec, st.Line, "unterminated <REUTERS> element (NEWID %q)", st.NewID)
	}
	text, _ := st.Text()
	if text == "" {
		return nil, r.recordError(r.rec, st.Line, "no text (NEWID %q)", st.NewID)
	}
	d := r.newDoc(text, r.rec, st.Line, st.Windows1252)
	if st.Date != "" {
		t, exact, err := parseReutersDate(st.Date)
		if err != nil {
			return nil, r.recordError(r.rec, st.Line, "bad <DATE> %q (NEWID %q)", st.Date, st.NewID)
		}
		d.Date = t
		if !exact {
			d.AddError("reader", "date.no-time", "<DATE> %q has no readable time", st.Date)
		}
	}
	d.ID = strings.TrimSpace(st.NewID)
	d.Title = collapseSpace(st.Title)
	d.Source = "Reuters"
	d.Labels = st.Topics
	d.Lang, d.LangGiven = "en", true
	return r.finish(d), nil
}
