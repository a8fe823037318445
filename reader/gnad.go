package reader

import (
	"bytes"
	"io"
	"strings"

	"github.com/dateline/dateline/doc"
)

// gnadReader reads the GNAD format (see GNAD). An unclosed quote takes
// the rest of the input with it (at most MaxRecordBytes), as in any CSV.
type gnadReader struct {
	base
	lr     *lineReader
	rec    int
	header bool // a first record was seen (the header check is done)
	p      csvParser
}

func (r *gnadReader) Next() (*doc.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	for {
		line, err := r.lr.next()
		if err == io.EOF {
			r.err = io.EOF
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.fatal(err)
		}
		if isBlank(line) {
			continue
		}
		start := r.lr.n
		r.p.reset()
		long := r.lr.long
		complete := r.p.feed(line)
		for !complete {
			line, err := r.lr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, r.fatal(err)
			}
			long = long || r.lr.long
			complete = r.p.feed(line)
		}
		unclosed := !r.p.finish(complete)
		if !r.header {
			r.header = true
			if len(r.p.ends) == 2 && strings.EqualFold(string(r.p.field(0)), "label") && strings.EqualFold(string(r.p.field(1)), "text") {
				continue
			}
		}
		r.rec++
		switch {
		case long || r.p.long:
			return nil, r.recordError(r.rec, start, "record longer than %d bytes", maxRecordBytes)
		case unclosed:
			return nil, r.recordError(r.rec, start, "quoted text not closed before the end of the input")
		case len(r.p.ends) < 2:
			return nil, r.recordError(r.rec, start, "no ';' between label and text")
		}
		raw := r.p.field(1)
		if len(r.p.ends) > 2 {
			raw = bytes.Join(r.p.fields()[1:], []byte(";"))
		}
		text, cp := cleanText(raw, ctrlSpace)
		text = strings.TrimSpace(text)
		if text == "" {
			return nil, r.recordError(r.rec, start, "no text")
		}
		d := r.newDoc(text, r.rec, start, cp)
		if label, _ := cleanText(r.p.field(0), ctrlSpace); strings.TrimSpace(label) != "" {
			d.Source = "10kGNAD"
			if l := strings.TrimSpace(label); l != "" {
				d.Labels = []string{l}
			}
		}
		d.Lang, d.LangGiven = "de", true
		return r.finish(d), nil
	}
}

// csvParser parses one record of ';'-separated, '-quoted fields fed to it
// line by line.
type csvParser struct {
	buf   []byte // the fields' contents, one after the other
	ends  []int  // end of each field in buf
	state csvState
	long  bool // buf reached MaxRecordBytes; the rest was dropped
}

type csvState uint8

const (
	fieldStart csvState = iota
	unquoted
	quoted
	quoteSeen // a quote inside a quoted field: closing, or the first of ''
)

func (p *csvParser) reset() {
	p.buf, p.ends, p.state, p.long = p.buf[:0], p.ends[:0], fieldStart, false
}

func (p *csvParser) add(b []byte) {
	if p.long || len(p.buf)+len(b) > maxRecordBytes {
		p.long = true
		return
	}
	p.buf = append(p.buf, b...)
}

func (p *csvParser) endField() {
	p.ends = append(p.ends, len(p.buf))
	p.state = fieldStart
}

// feed parses one line (with its '\n', if any) and reports whether the
// record is complete.
func (p *csvParser) feed(line []byte) bool {
	for i := 0; i < len(line); {
		switch p.state {
		case fieldStart, unquoted:
			if p.state == fieldStart && line[i] == '\'' {
				p.state = quoted
				i++
				continue
			}
			p.state = unquoted
			j := bytes.IndexAny(line[i:], ";\n")
			if j < 0 {
				p.add(line[i:])
				return false
			}
			p.add(line[i : i+j])
			i += j
			c := line[i]
			i++
			p.endField()
			if c == '\n' {
				return true
			}
		case quoted:
			j := bytes.IndexByte(line[i:], '\'')
			if j < 0 {
				p.add(line[i:])
				return false
			}
			p.add(line[i : i+j])
			i += j + 1
			p.state = quoteSeen
		case quoteSeen:
			switch line[i] {
			case '\'':
				p.add(line[i : i+1])
				p.state = quoted
				i++
			case '\r':
				if i+1 < len(line) && line[i+1] == '\n' {
					i++ // CRLF after a closing quote
				} else {
					p.state = unquoted
				}
			default:
				p.state = unquoted
			}
		}
	}
	return false
}

// finish ends the record; complete tells whether feed saw its end of
// line. It reports whether all quotes were closed.
func (p *csvParser) finish(complete bool) bool {
	if complete {
		return true
	}
	closed := p.state != quoted
	p.endField()
	return closed
}

func (p *csvParser) field(i int) []byte {
	start := 0
	if i > 0 {
		start = p.ends[i-1]
	}
	return p.buf[start:p.ends[i]]
}

func (p *csvParser) fields() [][]byte {
	out := make([][]byte, len(p.ends))
	for i := range p.ends {
		out[i] = p.field(i)
	}
	return out
}
