package reader

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSGMLReader_Next(t *testing.T) {
	f, err := os.Open("testdata/sample.sgm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ev := readEvents(t, "sample.sgm", f, Options{})
	checkEvents(t, ev, []want{
		{rec: 1, line: 2, date: "1987-02-26", text: "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, said Tate & Lyle <TATL.L>.\n    A 500 mln dlr untied loan.\n Reuter"},
		{rec: 2, line: 22, text: "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK"},
		{rec: 3, line: 41, text: "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n Net free reserves.............644 vs.....1,337\n\n Reuter"},
		{rec: 4, line: 58, err: `no text (NEWID "12793")`},
		{rec: 5, line: 71, date: "1987-03-27", text: "LONDON, March 27 - The Bank of England said.\n Reuter"},
		{rec: 6, line: 87, err: `bad <DATE> "NOT A DATE"`},
		{rec: 7, line: 94, date: "1987-03-31", text: "No dateline here."},
		{rec: 8, line: 101, err: "unterminated"},
	})
	if len(ev) != 8 {
		return
	}
	d := ev[0].doc
	if d.ID != "1" || d.Title != "BAHIA COCOA REVIEW" || d.Source != "Reuters" || d.Lang != "en" || !d.LangGiven {
		t.Errorf("record 1: got id %q title %q source %q lang %q", d.ID, d.Title, d.Source, d.Lang)
	}
	if want := time.Date(1987, 2, 26, 15, 1, 1, 790e6, time.UTC); !d.Date.Equal(want) {
		t.Errorf("record 1: got date %v, want %v", d.Date, want)
	}
	if len(d.Errors) != 0 {
		t.Errorf("record 1: got errors %v", d.Errors)
	}
	d = ev[4].doc
	if d.Title != "BANK OF ENGLAND OFFERS HELP" || d.Date.Hour() != 0 || d.Date.Second() != 59 {
		t.Errorf("record 5: got title %q date %v", d.Title, d.Date)
	}
	d = ev[6].doc
	if !hasError(d.Errors, "date.no-time") || !d.Date.Equal(time.Date(1987, 3, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("record 7: got date %v errors %v, want the day and date.no-time", d.Date, d.Errors)
	}
}

func TestReadSGML(t *testing.T) {
	f, err := os.Open("testdata/sample.sgm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []SGMLStory
	if err := ReadSGML(f, func(s SGMLStory) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 8 {
		t.Fatalf("got %d stories, want 8", len(got))
	}
	s := got[0]
	if s.NewID != "1" || s.OldID != "5544" || s.TopicsAttr != "YES" || s.LewisSplit != "TRAIN" || s.CGISplit != "TRAINING-SET" {
		t.Errorf("attributes: got %+v", s)
	}
	if s.Date != "26-FEB-1987 15:01:01.79" || s.Dateline != "    SALVADOR, Feb 26 - " || s.Title != "BAHIA COCOA REVIEW" || !s.HasBody || s.Type != "" {
		t.Errorf("fields: got date %q dateline %q title %q", s.Date, s.Dateline, s.Title)
	}
	if !reflect.DeepEqual(s.Topics, []string{"cocoa"}) || !reflect.DeepEqual(s.Places, []string{"el-salvador", "usa", "uruguay"}) || s.People != nil {
		t.Errorf("lists: got topics %q places %q people %q", s.Topics, s.Places, s.People)
	}
	text, span := s.Text()
	if got := text[span.Start:span.End]; got != "SALVADOR, Feb 26 -" {
		t.Errorf("dateline span: got %q", got)
	}
	if got[1].Type != "BRIEF" || got[1].HasBody || strings.TrimSpace(got[1].Rest) != "******Blah blah blah." {
		t.Errorf("brief: got type %q rest %q", got[1].Type, got[1].Rest)
	}
	if _, span := got[1].Text(); span.Len() != 0 {
		t.Errorf("brief: got dateline span %v", span)
	}
	if got[2].Type != "UNPROC" || got[2].Title != "" {
		t.Errorf("unproc: got type %q title %q", got[2].Type, got[2].Title)
	}
	if got[4].Author != "    By Jane Doe, Reuters" || got[4].Date != "27-MAR-1987 00:02:59.13RM" {
		t.Errorf("story 5: got author %q date %q", got[4].Author, got[4].Date)
	}
	if _, span := got[6].Text(); span.Len() != 0 {
		t.Errorf("story without dateline: got span %v", span)
	}
	if !got[7].Truncated || got[7].NewID != "103" || got[0].Truncated {
		t.Errorf("truncation: got %v %v", got[7].Truncated, got[0].Truncated)
	}
}

func TestReadSGML_stop(t *testing.T) {
	f, err := os.Open("testdata/sample.sgm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	stop := os.ErrClosed
	err = ReadSGML(f, func(SGMLStory) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("got %v after %d calls, want fn's error after 1", err, n)
	}
}

func TestSGML_edgeCases(t *testing.T) {
	tests := []struct {
		name, input string
		want        []want
	}{
		{
			name:  "missing close tag before next element",
			input: "<REUTERS NEWID=\"1\"><TEXT><BODY>one\n<REUTERS NEWID=\"2\"><TEXT><BODY>two</BODY></TEXT></REUTERS>",
			want:  []want{{rec: 1, line: 1, err: "unterminated"}, {rec: 2, line: 2, text: "two"}},
		},
		{
			name:  "entities",
			input: `<REUTERS><TEXT><BODY>a &lt;b&gt; &amp;c &#65;&#x42; &bogus; &#99999999; & x; &#0; &#9;t&#3;</BODY></TEXT></REUTERS>`,
			want:  []want{{rec: 1, line: 1, text: "a <b> &c AB &bogus; \uFFFD & x;  \tt"}},
		},
		{
			name:  "nothing but doctype",
			input: "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n",
			want:  []want{{rec: 0, line: 1, err: "no <REUTERS> element"}},
		},
		{
			name:  "blank",
			input: " \n\n",
		},
		{
			name:  "no TEXT",
			input: "<REUTERS NEWID=\"9\"><DATE>1-MAR-1987</DATE></REUTERS>",
			want:  []want{{rec: 1, line: 1, err: "no text"}},
		},
		{
			name:  "CRLF and Windows-1252",
			input: "<REUTERS NEWID=\"9\">\r\n<TEXT><TITLE>T</TITLE><BODY>Gr\xfc\xdfe\r\naus M\xfcnchen</BODY></TEXT></REUTERS>\r\n",
			want:  []want{{rec: 1, line: 1, text: "Grüße\naus München"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEvents(t, readEvents(t, "in.sgm", strings.NewReader(tt.input), Options{}), tt.want)
		})
	}
}

func TestSGML_elementTooLong(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 1000
	in := "<REUTERS NEWID=\"1\"><TEXT><BODY>" + strings.Repeat("x ", 2000) + "</BODY></TEXT></REUTERS>\n" +
		"<REUTERS NEWID=\"2\"><TEXT><BODY>two</BODY></TEXT></REUTERS>"
	ev := readEvents(t, "in.sgm", strings.NewReader(in), Options{})
	if len(ev) != 2 || ev[0].err == nil || ev[1].doc == nil || ev[1].doc.Text != "two" {
		t.Fatalf("got %d events %+v, want an error then \"two\"", len(ev), ev)
	}
	if ev[1].doc.Origin.Record != 2 || ev[1].doc.Origin.Line != 2 {
		t.Errorf("got origin %v, want record 2 line 2", ev[1].doc.Origin)
	}
}
