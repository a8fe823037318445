package reader

import (
	"bytes"
	"io"
	"strings"

	"github.com/dateline/dateline/doc"
)

// textReader reads the Text format: the whole input is one story, record
// 1, its Line the first non-blank line. Date is Options.Date. An input with
// no text, or more than MaxRecordBytes, is a RecordError.
type textReader struct {
	base
	r    io.Reader
	done bool
}

func (r *textReader) Next() (*doc.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.done {
		r.err = io.EOF
		return nil, io.EOF
	}
	r.done = true
	b, err := io.ReadAll(io.LimitReader(r.r, int64(maxRecordBytes)+1))
	if err != nil {
		return nil, r.fatal(err)
	}
	if len(b) > maxRecordBytes {
		return nil, r.recordError(1, 1, "story longer than %d bytes", maxRecordBytes)
	}
	line := 1
	lead := len(b) - len(bytes.TrimLeft(b, " \t\r\n\f\v"))
	line += bytes.Count(b[:lead], []byte("\n"))
	if lead == len(b) {
		return nil, r.recordError(1, 0, "no text")
	}
	text, cp := cleanText(b, ctrlSpace)
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, r.recordError(1, line, "no text")
	}
	return r.finish(r.newDoc(text, 1, line, cp)), nil
}
