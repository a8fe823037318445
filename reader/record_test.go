package reader

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestRecordReader_Next(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   Options
		want  []want
	}{
		{
			name:  "story on the date line",
			input: " date 2026-02-26 Kiew, 25. Feb (Reuters) - Erster Absatz.\n\nZweiter Absatz.\n",
			want:  []want{{rec: 1, line: 1, date: "2026-02-26", text: "Kiew, 25. Feb (Reuters) - Erster Absatz.\n\nZweiter Absatz."}},
		},
		{
			name:  "story on the next line",
			input: "date 2026-02-26\nKiew - Text.\n",
			want:  []want{{rec: 1, line: 1, date: "2026-02-26", text: "Kiew - Text."}},
		},
		{
			name:  "text kept byte-exact inside, trimmed outside",
			input: "date 2026-02-26\n\n\n  Eins  \n\n\n\tZwei \"x\"  \n\n",
			want:  []want{{rec: 1, line: 1, text: "Eins  \n\n\n\tZwei \"x\""}},
		},
		{
			name: "good, bad date, good",
			input: " date 2026-02-26 Eins.\n\nMehr.\n" +
				" date 2026-02-30 Zwei.\n\n" +
				"\tdate 2026-02-27\nDrei.\n",
			want: []want{
				{rec: 1, line: 1, date: "2026-02-26", text: "Eins.\n\nMehr."},
				{rec: 2, line: 4, err: `bad date "2026-02-30"`},
				{rec: 3, line: 6, date: "2026-02-27", text: "Drei."},
			},
		},
		{
			name:  "malformed date token",
			input: "date 2026-1x-01 a\ndate 2026-01-02 b\n",
			want: []want{
				{rec: 1, line: 1, err: "bad date"},
				{rec: 2, line: 2, text: "b"},
			},
		},
		{
			name:  "RFC 3339 date",
			input: "date 2026-02-26T08:15:00+01:00 Text.\n",
			want:  []want{{rec: 1, line: 1, date: "2026-02-26", text: "Text."}},
		},
		{
			name:  "text before the first header",
			input: "Vorspann\n\ndate 2026-02-26 Text.\n",
			want: []want{
				{rec: 0, line: 1, err: "before the first"},
				{rec: 1, line: 3, text: "Text."},
			},
		},
		{
			name:  "empty story",
			input: "date 2026-02-26\n\n   \ndate 2026-02-27 b\n",
			want: []want{
				{rec: 1, line: 1, err: "no story"},
				{rec: 2, line: 4, text: "b"},
			},
		},
		{
			name:  "date words that are not headers",
			input: "date 2026-02-26 a\ndate of birth\ndated 2026-01-01\n date 26.02.2026\n",
			want:  []want{{rec: 1, line: 1, text: "a\ndate of birth\ndated 2026-01-01\n date 26.02.2026"}},
		},
		{
			name:  "CRLF",
			input: "date 2026-02-26 a\r\n\r\nb\r\ndate 2026-02-27\r\nc\r\n",
			want: []want{
				{rec: 1, line: 1, text: "a\n\nb"},
				{rec: 2, line: 4, text: "c"},
			},
		},
		{
			name:  "no final newline",
			input: "date 2026-02-26 a",
			want:  []want{{rec: 1, line: 1, text: "a"}},
		},
		{
			name:  "empty input",
			input: "",
		},
		{
			name:  "blank input",
			input: "\n\n  \n",
		},
		{
			name:  "control characters",
			input: "date 2026-02-26 a\x00b\x1bc\x7fd\u0085e\tf",
			want:  []want{{rec: 1, line: 1, text: "a b c d e\tf"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Format = Record
			checkEvents(t, readEvents(t, "in.txt", strings.NewReader(tt.input), opt), tt.want)
		})
	}
}

func TestRecordReader_fields(t *testing.T) {
	opt := Options{Format: Record, Lang: "de", Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	ev := readEvents(t, "in.txt", strings.NewReader("date 2026-02-26 Text.\n"), opt)
	if len(ev) != 1 || ev[0].doc == nil {
		t.Fatalf("got %v, want one document", ev)
	}
	d := ev[0].doc
	if d.Lang != "de" || !d.LangGiven {
		t.Errorf("got lang %q given %v, want de given", d.Lang, d.LangGiven)
	}
	if got, want := d.Date, time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("got date %v, want %v (the record's, not Options.Date)", got, want)
	}
	if got, want := d.ID, TextID("Text."); got != want {
		t.Errorf("got id %q, want %q", got, want)
	}
	if d.Origin.File != "in.txt" {
		t.Errorf("got file %q", d.Origin.File)
	}
}

func TestRecordReader_tooLong(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 100
	long := strings.Repeat("x", 150)
	input := "date 2026-02-26 a\n" + long + "\n" + long + "\ndate 2026-02-27 " + long + "\ndate 2026-02-28 c\n"
	checkEvents(t, readEvents(t, "in.txt", strings.NewReader(input), Options{Format: Record}), []want{
		{rec: 1, line: 1, err: "longer than"},
		{rec: 2, line: 4, err: "longer than"},
		{rec: 3, line: 5, text: "c"},
	})
}

// TestRecordReader_example reads the example story of shared/examples.
func TestRecordReader_example(t *testing.T) {
	f, err := os.Open("../../shared/examples/reuters-de-2026-02-26.txt")
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	defer f.Close()
	docs, errs := readAll(t, "reuters-de-2026-02-26.txt", f, Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("got %d documents, errors %v; want 1 document", len(docs), errs)
	}
	d := docs[0]
	if !strings.HasPrefix(d.Text, "Kiew, 25. Feb (Reuters) - Bei den") || !strings.HasSuffix(d.Text, "abhalten sollen.") {
		t.Errorf("got text %.60q … %q", d.Text, d.Text[len(d.Text)-30:])
	}
	if got := strings.Count(d.Text, "\n\n"); got != 4 {
		t.Errorf("got %d paragraph breaks, want 4", got)
	}
	if d.Date.Format(time.DateOnly) != "2026-02-26" {
		t.Errorf("got date %v", d.Date)
	}
}

func TestTextReader_Next(t *testing.T) {
	date := time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		input string
		want  []want
	}{
		{"story", "Kiew - Erster.\n\nZweiter.\n", []want{{rec: 1, line: 1, date: "2026-02-26", text: "Kiew - Erster.\n\nZweiter."}}},
		{"leading blank lines", "\n\n  \nText\n", []want{{rec: 1, line: 4, text: "Text"}}},
		{"date header is text", " date 2020-01-01 x\n", []want{{rec: 1, line: 1, text: "date 2020-01-01 x"}}},
		{"empty", "", []want{{rec: 1, err: "no text"}}},
		{"blank", " \n\t\n", []want{{rec: 1, err: "no text"}}},
		{"only controls", "\x00\x01", []want{{rec: 1, line: 1, err: "no text"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEvents(t, readEvents(t, "story.txt", strings.NewReader(tt.input), Options{Format: Text, Date: date}), tt.want)
		})
	}
}

func TestTextReader_tooLong(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 100
	checkEvents(t, readEvents(t, "in.txt", strings.NewReader(strings.Repeat("x", 101)), Options{Format: Text}), []want{
		{rec: 1, line: 1, err: "longer than"},
	})
}
