package reader

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// readAll reads every record of input, collecting Documents and
// RecordErrors; any other error fails the test.
func readAll(tb testing.TB, name string, r io.Reader, opt Options) ([]*doc.Document, []*RecordError) {
	tb.Helper()
	rd, err := Open(name, r, opt)
	if err != nil {
		tb.Fatalf("Open(%q): %v", name, err)
	}
	var docs []*doc.Document
	var errs []*RecordError
	for range 10_000_000 {
		d, err := rd.Next()
		if err == io.EOF {
			return docs, errs
		}
		var re *RecordError
		if errors.As(err, &re) {
			errs = append(errs, re)
			continue
		}
		if err != nil {
			tb.Fatalf("%s: Next: %v", name, err)
		}
		if d == nil {
			tb.Fatalf("%s: Next returned nil, nil", name)
		}
		docs = append(docs, d)
	}
	tb.Fatalf("%s: reader does not end", name)
	return nil, nil
}

func readString(tb testing.TB, name, input string, opt Options) ([]*doc.Document, []*RecordError) {
	tb.Helper()
	return readAll(tb, name, strings.NewReader(input), opt)
}

// checkDoc checks the invariants every Document must meet.
func checkDoc(tb testing.TB, d *doc.Document) {
	tb.Helper()
	if !utf8.ValidString(d.Text) {
		tb.Errorf("%v: text is not valid UTF-8: %q", d.Origin, d.Text)
	}
	if d.Text == "" || strings.TrimSpace(d.Text) != d.Text {
		tb.Errorf("%v: text is empty or not trimmed: %q", d.Origin, d.Text)
	}
	if d.ID == "" {
		tb.Errorf("%v: no ID", d.Origin)
	}
	if d.Origin.Record < 1 {
		tb.Errorf("%v: record number %d", d.Origin, d.Origin.Record)
	}
	for i := 0; i < len(d.Text); i++ {
		if c := d.Text[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
			tb.Errorf("%v: control character %#x at %d", d.Origin, c, i)
			break
		}
	}
	if strings.Contains(d.Text, "\r") {
		tb.Errorf("%v: CR in text", d.Origin)
	}
}

// event is one result of Next: a Document or a RecordError.
type event struct {
	doc *doc.Document
	err *RecordError
}

// readEvents reads every record of input, in order.
func readEvents(tb testing.TB, name string, r io.Reader, opt Options) []event {
	tb.Helper()
	rd, err := Open(name, r, opt)
	if err != nil {
		tb.Fatalf("Open(%q): %v", name, err)
	}
	var out []event
	for range 1_000_000 {
		d, err := rd.Next()
		if err == io.EOF {
			return out
		}
		var re *RecordError
		switch {
		case errors.As(err, &re):
			out = append(out, event{err: re})
		case err != nil:
			tb.Fatalf("%s: Next: %v", name, err)
		default:
			checkDoc(tb, d)
			out = append(out, event{doc: d})
		}
	}
	tb.Fatalf("%s: reader does not end", name)
	return nil
}

// want is an expected event: a Document with text (and date, when not
// empty) or, when err is set, a RecordError whose reason contains err.
type want struct {
	rec, line int
	text      string
	date      string // time.DateOnly, or "" for no check
	err       string
}

// checkEvents compares got with wants, in order.
func checkEvents(t *testing.T, got []event, wants []want) {
	t.Helper()
	for i := 0; i < len(got) || i < len(wants); i++ {
		if i >= len(got) {
			t.Errorf("event %d: missing, want %+v", i, wants[i])
			continue
		}
		g := got[i]
		if i >= len(wants) {
			if g.doc != nil {
				t.Errorf("event %d: unexpected document %v %q", i, g.doc.Origin, g.doc.Text)
			} else {
				t.Errorf("event %d: unexpected error %v", i, g.err)
			}
			continue
		}
		w := wants[i]
		if w.err != "" {
			if g.err == nil {
				t.Errorf("event %d: got document %v %q, want error %q", i, g.doc.Origin, g.doc.Text, w.err)
				continue
			}
			if g.err.Record != w.rec || g.err.Line != w.line || !strings.Contains(g.err.Reason, w.err) {
				t.Errorf("event %d: got error %v, want record %d line %d reason ~%q", i, g.err, w.rec, w.line, w.err)
			}
			continue
		}
		if g.doc == nil {
			t.Errorf("event %d: got error %v, want document %q", i, g.err, w.text)
			continue
		}
		d := g.doc
		if d.Origin.Record != w.rec || d.Origin.Line != w.line {
			t.Errorf("event %d: got origin %v, want record %d line %d", i, d.Origin, w.rec, w.line)
		}
		if d.Text != w.text {
			t.Errorf("event %d: got text %q, want %q", i, d.Text, w.text)
		}
		if w.date != "" && d.Date.Format(time.DateOnly) != w.date {
			t.Errorf("event %d: got date %v, want %s", i, d.Date, w.date)
		}
	}
}

// hasError reports whether errs holds one with the given code.
func hasError(errs []doc.Error, code string) bool {
	for _, e := range errs {
		if e.Code == code {
			return true
		}
	}
	return false
}
