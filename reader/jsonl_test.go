package reader

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestJSONLReader_Next(t *testing.T) {
	f, err := os.Open("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ev := readEvents(t, "sample.jsonl", f, Options{})
	checkEvents(t, ev, []want{
		{rec: 1, line: 1, date: "2026-02-26", text: "Kiew, 25. Feb (Reuters) - Text eins."},
		{rec: 2, line: 3, date: "2026-02-26", text: "Second story."},
		{rec: 3, line: 4, err: `no "text"`},
		{rec: 4, line: 5, err: "bad JSON"},
		{rec: 5, line: 6, err: `bad date "26.02.2026"`},
		{rec: 6, line: 7, text: "NUL and\nCRLF"},
		{rec: 7, line: 8, err: "id must be"},
		{rec: 8, line: 9, err: "blank"},
		{rec: 9, line: 10, text: "last, no newline"},
	})
	if len(ev) != 9 {
		return
	}
	d := ev[0].doc
	if d.ID != "a1" || d.Title != "Selenskyj strebt Gipfel an" || d.Lang != "de" || !d.LangGiven ||
		d.URL != "https://example.com/1" || d.Source != "Reuters" {
		t.Errorf("first record: got %+v", d)
	}
	d = ev[1].doc
	if want := time.Date(2026, 2, 26, 9, 30, 0, 0, time.UTC); d.ID != "42" || !d.Date.Equal(want) {
		t.Errorf("second record: got id %q date %v, want 42 %v", d.ID, d.Date, want)
	}
	d = ev[5].doc
	if d.Lang != "de" || d.ID != TextID(d.Text) || !d.Date.IsZero() {
		t.Errorf("sixth record: got lang %q id %q date %v", d.Lang, d.ID, d.Date)
	}
}

func TestJSONLReader_options(t *testing.T) {
	date := time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)
	in := `{"text":"a","lang":"en"}` + "\n" + `{"text":"b","date":"2025-01-01"}`
	docs, errs := readString(t, "-", in, Options{Date: date, Lang: "de"})
	if len(errs) > 0 || len(docs) != 2 {
		t.Fatalf("got %d documents, %v", len(docs), errs)
	}
	if docs[0].Lang != "de" || !docs[0].Date.Equal(date) {
		t.Errorf("got lang %q date %v, want the options' de %v", docs[0].Lang, docs[0].Date, date)
	}
	if docs[1].Date.Year() != 2025 {
		t.Errorf("got date %v, want the record's", docs[1].Date)
	}
}

func TestJSONLReader_windows1252(t *testing.T) {
	in := "{\"text\":\"Gespr\xe4che \x84gut\x93\"}\n{\"text\":\"Gespräche\"}\n"
	ev := readEvents(t, "in.jsonl", strings.NewReader(in), Options{})
	checkEvents(t, ev, []want{{rec: 1, line: 1, text: "Gespräche „gut“"}, {rec: 2, line: 2, text: "Gespräche"}})
	if len(ev) == 2 {
		if !hasError(ev[0].doc.Errors, "encoding.windows1252") || hasError(ev[1].doc.Errors, "encoding.windows1252") {
			t.Errorf("got errors %v and %v, want encoding.windows1252 on the first only", ev[0].doc.Errors, ev[1].doc.Errors)
		}
	}
}

func TestJSONLReader_tooLong(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 100
	in := `{"text":"` + strings.Repeat("x", 200) + `"}` + "\n" + `{"text":"ok"}`
	checkEvents(t, readEvents(t, "in.jsonl", strings.NewReader(in), Options{}), []want{
		{rec: 1, line: 1, err: "longer than"},
		{rec: 2, line: 2, text: "ok"},
	})
}
