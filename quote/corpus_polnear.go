package quote

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// BratSpan is a text-bound annotation of a brat standoff file: its id,
// label and byte spans (discontinuous annotations have several).
type BratSpan struct {
	ID    string
	Label string
	Spans []doc.Span
}

// ReadBrat reads the text-bound annotations (T lines) of a brat .ann file
// for the text text. brat offsets count Unicode code points; they are
// converted to byte offsets into text. Offsets outside the text, or
// malformed T lines, or a text that is not valid UTF-8, are errors
// wrapping ErrCorpus (with the line number);
// other lines (relations, events, notes) are skipped.
func ReadBrat(r io.Reader, text string) ([]BratSpan, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("%w: text is not valid UTF-8", ErrCorpus)
	}
	b, err := readAllLimit(r)
	if err != nil {
		return nil, err
	}
	// code point → byte offset
	cp := make([]int, 0, len(text)+1)
	for i := range text {
		cp = append(cp, i)
	}
	cp = append(cp, len(text))
	var out []BratSpan
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		fields := strings.SplitN(line, "\t", 3)
		if !isTextBoundID(fields[0]) {
			// relations, events, notes, and the continuation lines of a
			// covered text that contains a line break (PolNeAR has some)
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("%w: line %d: want id, label and offsets", ErrCorpus, n)
		}
		head := strings.Fields(fields[1])
		if len(head) < 3 {
			return nil, fmt.Errorf("%w: line %d: want label and offsets", ErrCorpus, n)
		}
		bs := BratSpan{ID: fields[0], Label: head[0]}
		for _, part := range strings.Split(strings.Join(head[1:], " "), ";") {
			se := strings.Fields(part)
			if len(se) != 2 {
				return nil, fmt.Errorf("%w: line %d: bad offsets %q", ErrCorpus, n, part)
			}
			s, err1 := strconv.Atoi(se[0])
			e, err2 := strconv.Atoi(se[1])
			if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(cp) {
				return nil, fmt.Errorf("%w: line %d: offsets %q outside the text", ErrCorpus, n, part)
			}
			bs.Spans = append(bs.Spans, doc.Span{Start: cp[s], End: cp[e]})
		}
		out = append(out, bs)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %w", ErrCorpus, n, err)
	}
	return out, nil
}

// scorePolNeAR extracts quotes from an English article and adds
// token-level counts for source, cue and content against its brat
// annotations.
func (e *Extractor) scorePolNeAR(text string, anns []BratSpan, sc *Scores, prep func(*doc.Document)) {
	if !utf8.ValidString(text) {
		return
	}
	d := &doc.Document{Text: text, Lang: "en"}
	if prep != nil {
		prep(d)
	}
	toks := make([]doc.Span, 0, len(d.Tokens))
	if len(d.Tokens) > 0 {
		for _, t := range d.Tokens {
			toks = append(toks, t.Span)
		}
	} else {
		toks = tokenize(text)
	}
	n := len(toks)
	gold := map[string][]bool{"source": make([]bool, n), "cue": make([]bool, n), "content": make([]bool, n)}
	for _, a := range anns {
		role := strings.ToLower(a.Label)
		if g, ok := gold[role]; ok {
			for _, s := range a.Spans {
				markTokens(g, toks, s)
			}
		}
	}
	sys := map[string][]bool{"source": make([]bool, n), "cue": make([]bool, n), "content": make([]bool, n)}
	for _, f := range e.find(d) {
		for _, c := range f.cueParts {
			markTokens(sys["cue"], toks, c)
		}
		markTokens(sys["source"], toks, f.speakerNP)
		markTokens(sys["content"], toks, f.content)
	}
	unscorePunct(text, toks, gold["source"], gold["cue"], gold["content"], sys["source"], sys["cue"], sys["content"])
	sc.Docs++
	sc.Tokens += n
	for _, r := range sc.Order {
		sc.count(r, gold[r], sys[r])
	}
}

// isTextBoundID reports whether s is a brat text-bound id: "T" and digits.
func isTextBoundID(s string) bool {
	if len(s) < 2 || s[0] != 'T' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
