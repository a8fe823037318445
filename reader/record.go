package reader

import (
	"bytes"
	"io"
	"strings"

	"github.com/dateline/dateline/doc"
)

// recordReader reads the Record format (see Record).
type recordReader struct {
	base
	lr   *lineReader
	rec  int
	buf  []byte
	eof  bool // the input is exhausted
	next *header
}

type header struct {
	date string
	rest []byte // start of the story on the header line (a copy)
	line int
	long bool // the header line was longer than MaxRecordBytes
}

// parseHeader reports whether line is a record header and returns its date
// token and the rest of the line (the start of the story, with its line
// ending).
func parseHeader(line []byte) (date, rest []byte, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("date")) {
		return nil, nil, false
	}
	i += 4
	j := i
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j == i {
		return nil, nil, false
	}
	k := j
	for k < len(line) && line[k] != ' ' && line[k] != '\t' && line[k] != '\r' && line[k] != '\n' {
		k++
	}
	tok := line[j:k]
	if len(tok) < 5 || tok[4] != '-' {
		return nil, nil, false
	}
	for _, c := range tok[:4] {
		if c < '0' || c > '9' {
			return nil, nil, false
		}
	}
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	return tok, line[k:], true
}

func (r *recordReader) Next() (*doc.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.next == nil {
		if r.eof {
			r.err = io.EOF
			return nil, io.EOF
		}
		// Look for the first header; text before it is an error.
		pre := 0
		for r.next == nil {
			line, err := r.lr.next()
			if err == io.EOF {
				r.eof = true
				break
			}
			if err != nil {
				return nil, r.fatal(err)
			}
			if date, rest, ok := parseHeader(line); ok {
				r.next = &header{date: string(date), rest: bytes.Clone(rest), line: r.lr.n, long: r.lr.long}
				break
			}
			if pre == 0 && !isBlank(line) {
				pre = r.lr.n
			}
		}
		if pre > 0 {
			return nil, r.recordError(0, pre, "text before the first %q header", "date YYYY-MM-DD")
		}
		if r.next == nil {
			r.err = io.EOF
			return nil, io.EOF
		}
	}
	h := r.next
	r.next = nil
	r.rec++
	buf := append(r.buf[:0], h.rest...)
	long := h.long
	for !r.eof {
		line, err := r.lr.next()
		if err == io.EOF {
			r.eof = true
			break
		}
		if err != nil {
			return nil, r.fatal(err)
		}
		if date, rest, ok := parseHeader(line); ok {
			r.next = &header{date: string(date), rest: bytes.Clone(rest), line: r.lr.n, long: r.lr.long}
			break
		}
		if long || r.lr.long || len(buf)+len(line) > maxRecordBytes {
			long = true
			continue
		}
		buf = append(buf, line...)
	}
	r.buf = buf
	date, err := parseDate(h.date)
	if err != nil {
		return nil, r.recordError(r.rec, h.line, "bad date %q: %v", h.date, err)
	}
	if long {
		return nil, r.recordError(r.rec, h.line, "story longer than %d bytes", maxRecordBytes)
	}
	text, cp := cleanText(buf, ctrlSpace)
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, r.recordError(r.rec, h.line, "no story after the date line")
	}
	d := r.newDoc(text, r.rec, h.line, cp)
	d.Date = date
	return r.finish(d), nil
}
