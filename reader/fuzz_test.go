package reader

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
	"unicode/utf8"
)

// fuzzRead reads input in format f and checks the invariants: no panic,
// the reader ends, only Documents, RecordErrors and io.EOF come out, and
// every Document's text is valid, trimmed, non-empty UTF-8 without CR or
// control characters.
func fuzzRead(t *testing.T, f Format, input []byte) {
	rd, err := Open("fuzz", bytes.NewReader(input), Options{Format: f})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for i := 0; ; i++ {
		if i > len(input)+2 {
			t.Fatalf("more results than input bytes: the reader does not end")
		}
		d, err := rd.Next()
		if err == io.EOF {
			return
		}
		var re *RecordError
		if errors.As(err, &re) {
			if re.Record < 0 || re.Line < 0 {
				t.Fatalf("bad position in %v", re)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.ID) || !utf8.ValidString(d.Source) {
			t.Fatalf("invalid UTF-8 in %+v", d)
		}
		checkDoc(t, d)
	}
}

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzRecord(f *testing.F) {
	addSeeds(f, "testdata/latin1.txt")
	f.Add([]byte(" date 2026-02-26 Kiew - a\n\nb\n date 2026-02-30 x\ndate 2026-02-27\r\nc"))
	f.Add([]byte("vorher\n date 2026-02-26\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRead(t, Record, b) })
}

func FuzzText(f *testing.F) {
	addSeeds(f, "testdata/latin1.txt")
	f.Add([]byte("\xEF\xBB\xBF Kiew\r\n\x00 Text \x85"))
	f.Add([]byte("\xFF\xFEa\x00b\x00"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRead(t, Text, b) })
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata/sample.jsonl")
	f.Add([]byte("{\"text\":\"Gespr\xe4che\",\"id\":1e3}\n\n{\"text\":\"\\u0000\\ud800\"}"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRead(t, JSONL, b) })
}

func FuzzSGML(f *testing.F) {
	addSeeds(f, "testdata/sample.sgm")
	f.Add([]byte("<REUTERS NEWID='1'><TEXT TYPE=BRIEF><TITLE>a&#3;</TITLE></TEXT></REUTERS><REUTERS><TEXT><BODY>&#x41;&#;"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, SGML, b)
		err := ReadSGML(bytes.NewReader(b), func(s SGMLStory) error {
			text, span := s.Text()
			if !span.Valid(len(text)) || !utf8.ValidString(text) || !utf8.ValidString(s.Dateline) {
				t.Fatalf("bad text %q or dateline span %v", text, span)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzGNAD(f *testing.F) {
	addSeeds(f, "testdata/sample.csv", "testdata/latin1.csv")
	f.Add([]byte("label;text\nA;'x''y'\r\nB;'unclosed\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRead(t, GNAD, b) })
}
