package reader

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// jsonlReader reads the JSONL format (see JSONL for the fields).
type jsonlReader struct {
	base
	lr  *lineReader
	rec int
}

type jsonRecord struct {
	ID     json.RawMessage `json:"id"`
	Date   *string         `json:"date"`
	Title  *string         `json:"title"`
	Text   *string         `json:"text"`
	Lang   *string         `json:"lang"`
	URL    *string         `json:"url"`
	Source *string         `json:"source"`
	Labels []string        `json:"labels"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (r *jsonlReader) Next() (*doc.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	var line []byte
	for {
		l, err := r.lr.next()
		if err == io.EOF {
			r.err = io.EOF
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.fatal(err)
		}
		if !isBlank(l) {
			line = l
			break
		}
	}
	r.rec++
	n := r.lr.n
	if r.lr.long {
		return nil, r.recordError(r.rec, n, "line longer than %d bytes", maxRecordBytes)
	}
	var cp bool
	if !utf8.Valid(line) {
		var s string
		s, cp = cleanText(line, ctrlSpace)
		line = []byte(s)
	}
	var jr jsonRecord
	if err := json.Unmarshal(line, &jr); err != nil {
		return nil, r.recordError(r.rec, n, "bad JSON: %v", err)
	}
	if jr.Text == nil {
		return nil, r.recordError(r.rec, n, "no \"text\" field")
	}
	text, cp2 := cleanString(*jr.Text, ctrlSpace)
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, r.recordError(r.rec, n, "\"text\" is blank")
	}
	d := r.newDoc(text, r.rec, n, cp || cp2)
	if ds := strings.TrimSpace(str(jr.Date)); ds != "" {
		t, err := parseDate(ds)
		if err != nil {
			return nil, r.recordError(r.rec, n, "bad date %q: %v", ds, err)
		}
		d.Date = t
	}
	if id := bytes.TrimSpace(jr.ID); len(id) > 0 && string(id) != "null" {
		switch id[0] {
		case '"':
			var s string
			if err := json.Unmarshal(id, &s); err != nil {
				return nil, r.recordError(r.rec, n, "bad id: %v", err)
			}
			d.ID = strings.TrimSpace(s)
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			d.ID = string(id)
		default:
			return nil, r.recordError(r.rec, n, "id must be a string or a number, not %.20s", id)
		}
	}
	d.Title = collapseSpace(cleanField(str(jr.Title)))
	d.URL = strings.TrimSpace(cleanField(str(jr.URL)))
	d.Source = strings.TrimSpace(cleanField(str(jr.Source)))
	for _, l := range jr.Labels {
		if l = strings.TrimSpace(cleanField(l)); l != "" {
			d.Labels = append(d.Labels, l)
		}
	}
	if l := normLang(str(jr.Lang)); l != "" {
		d.Lang, d.LangGiven = l, true
	}
	return r.finish(d), nil
}

// cleanField applies cleanText to a short field from the input.
func cleanField(s string) string {
	t, _ := cleanString(s, ctrlSpace)
	return t
}
