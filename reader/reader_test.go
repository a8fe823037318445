package reader

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"", Auto, false},
		{"auto", Auto, false},
		{"record", Record, false},
		{" JSONL ", JSONL, false},
		{"sgml", SGML, false},
		{"gnad", GNAD, false},
		{"text", Text, false},
		{"csv", "", true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"reut2-000.sgm", "", SGML},
		{"x.SGML", "whatever", SGML},
		{"a.jsonl", "", JSONL},
		{"a.ndjson", "", JSONL},
		{"test.csv", "", GNAD},
		{"story.txt", "\n\n date 2026-02-26 Kiew", Record},
		{"story.txt", "Kiew, 25. Feb - date 2026-02-26", Text},
		{"story.txt", "", Text},
		{"-", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\">", SGML},
		{"-", "  {\"text\":\"x\"}", JSONL},
		{"-", "date 2026-02-26\nText", Record},
		{"-", "Sport;'Text'", GNAD},
		{"-", "Wirtschaft;Text ohne Quotes", GNAD},
		{"-", "Kiew - Ein Text; mit Semikolon.", Text},
		{"-", "<p>html</p>", Text},
		{"-", "", Text},
		{"story", "Plain story.", Text},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestOpen_detects checks that standard input is read in the format its
// content shows.
func TestOpen_detects(t *testing.T) {
	tests := []struct {
		name, input string
		wantText    string
		wantSource  string
	}{
		{"record", "date 2026-02-26 Kiew - Text.", "Kiew - Text.", ""},
		{"jsonl", `{"text":"Kiew - Text.","source":"dpa"}`, "Kiew - Text.", "dpa"},
		{"gnad", "Sport;'Kiew - Text.'", "Kiew - Text.", "10kGNAD"},
		{"sgml", "<REUTERS NEWID=\"1\"><TEXT><BODY>Kiew - Text.</BODY></TEXT></REUTERS>", "Kiew - Text.", "Reuters"},
		{"text", "Kiew - Text.", "Kiew - Text.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := readString(t, "-", tt.input, Options{})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			if docs[0].Text != tt.wantText || docs[0].Source != tt.wantSource || docs[0].Origin.File != "-" {
				t.Errorf("got text %q source %q file %q", docs[0].Text, docs[0].Source, docs[0].Origin.File)
			}
		})
	}
}

func TestOpen_badFormat(t *testing.T) {
	if _, err := Open("x", strings.NewReader(""), Options{Format: "xml"}); err == nil {
		t.Error("got no error for format xml")
	}
}

func TestOpen_encodings(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	tests := []struct {
		name, input string
		wantText    string
		wantCP1252  bool
	}{
		{"UTF-8 BOM", "\xEF\xBB\xBFdate 2026-02-26 Grüße", "Grüße", false},
		{"UTF-16LE BOM", utf16le("date 2026-02-26 Grüße\r\naus Kiew"), "Grüße\naus Kiew", false},
		{"Latin-1", "date 2026-02-26 Gr\xfc\xdfe", "Grüße", true},
		{"Windows-1252 quotes", "date 2026-02-26 \x84Fu\xdf\x93 \x96 \x80 5", "„Fuß“ – € 5", true},
		{"undefined Windows-1252 byte", "date 2026-02-26 a\x81b", "a\uFFFDb", true},
		{"UTF-8 with a stray byte", "date 2026-02-26 Grüße, Grüße, Gr\xfcße", "Grüße, Grüße, Grüße", true},
		{"NUL and C1", "date 2026-02-26 a\x00b\u0085c", "a b c", false},
		{"lone CR", "date 2026-02-26 a\rb", "a\nb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := readString(t, "-", tt.input, Options{})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			checkDoc(t, d)
			if d.Text != tt.wantText {
				t.Errorf("got text %q, want %q", d.Text, tt.wantText)
			}
			if got := hasError(d.Errors, "encoding.windows1252"); got != tt.wantCP1252 {
				t.Errorf("got encoding.windows1252 %v, want %v", got, tt.wantCP1252)
			}
		})
	}
}

func TestOpen_latin1File(t *testing.T) {
	f, err := os.Open("testdata/latin1.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ev := readEvents(t, "latin1.txt", f, Options{})
	checkEvents(t, ev, []want{{rec: 1, line: 1, date: "2026-02-26",
		text: "Wien, 25. Feb - Die Gespräche über „Fuß“ und Maß.\n\nZweiter Absatz – Ende."}})
}

// failingReader returns data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReader_ioError checks that an I/O error is wrapped, fatal and sticky
// in every format.
func TestReader_ioError(t *testing.T) {
	boom := errors.New("disk on fire")
	inputs := map[Format]string{
		Record: "date 2026-02-26 a\n",
		Text:   "a\n",
		JSONL:  `{"text":"a"}` + "\n",
		SGML:   "<REUTERS><TEXT><BODY>a</BODY></TEXT></REUTERS>",
		GNAD:   "A;a\n",
	}
	for f, in := range inputs {
		t.Run(string(f), func(t *testing.T) {
			rd, err := Open("in", &failingReader{data: in, err: boom}, Options{Format: f})
			if err != nil {
				// Open met the error while looking ahead.
				if !errors.Is(err, boom) {
					t.Fatalf("Open: got %v, want an error wrapping %v", err, boom)
				}
				return
			}
			var last error
			for i := 0; i < 5; i++ {
				_, err := rd.Next()
				if err != nil {
					last = err
					if err == io.EOF {
						t.Fatal("got io.EOF, want the I/O error")
					}
					var re *RecordError
					if !errors.As(err, &re) {
						break
					}
				}
			}
			if !errors.Is(last, boom) {
				t.Fatalf("got %v, want an error wrapping %v", last, boom)
			}
			if _, err := rd.Next(); !errors.Is(err, boom) {
				t.Errorf("after the error: got %v, want it again", err)
			}
		})
	}
}

func TestRecordError_Error(t *testing.T) {
	e := &RecordError{File: "a.jsonl", Record: 3, Line: 7, Reason: "bad JSON"}
	if got, want := e.Error(), "a.jsonl: record 3 (line 7): bad JSON"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	e.Line = 0
	if got, want := e.Error(), "a.jsonl: record 3: bad JSON"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTextID(t *testing.T) {
	id := TextID("Kiew - Text.")
	if !strings.HasPrefix(id, "sha256:") || len(id) != len("sha256:")+16 || id != TextID("Kiew - Text.") || id == TextID("Kiew - Text") {
		t.Errorf("TextID: got %q", id)
	}
}
