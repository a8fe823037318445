package reader

import (
	"os"
	"strings"
	"testing"
)

func TestGNADReader_Next(t *testing.T) {
	f, err := os.Open("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ev := readEvents(t, "sample.csv", f, Options{})
	checkEvents(t, ev, []want{
		{rec: 1, line: 2, text: "Ein 'Zitat' und Rock 'n' Roll. Wien – Text."},
		{rec: 2, line: 3, text: `Unquoted with it's apostrophe and "double" quotes`},
		{rec: 3, line: 4, text: "Zwei\nZeilen im Feld."},
		{rec: 4, line: 6, err: "no ';'"},
		{rec: 5, line: 7, err: "no text"},
		{rec: 6, line: 9, text: "Zuviel"},
		{rec: 7, line: 10, err: "not closed"},
	})
	if len(ev) > 0 && ev[0].doc != nil {
		d := ev[0].doc
		if d.Source != "10kGNAD" || len(d.Labels) != 1 || d.Labels[0] != "Sport" || d.Lang != "de" || !d.LangGiven || d.ID != TextID(d.Text) {
			t.Errorf("got source %q lang %q id %q", d.Source, d.Lang, d.ID)
		}
	}
}

func TestGNADReader_cases(t *testing.T) {
	tests := []struct {
		name, input string
		want        []want
	}{
		{"CRLF", "A;'x'\r\nB;y\r\n", []want{{rec: 1, line: 1, text: "x"}, {rec: 2, line: 2, text: "y"}}},
		{"no header", "A;x", []want{{rec: 1, line: 1, text: "x"}}},
		{"extra fields joined", "A;x;y", []want{{rec: 1, line: 1, text: "x;y"}}},
		{"separator in quotes", "A;'x;y'\n", []want{{rec: 1, line: 1, text: "x;y"}}},
		{"empty field at the end", "A;", []want{{rec: 1, line: 1, err: "no text"}}},
		{"quoted label", "'A';x\n", []want{{rec: 1, line: 1, text: "x"}}},
		{"quoted newline then more", "A;'x\n\ny'\nB;z\n", []want{{rec: 1, line: 1, text: "x\n\ny"}, {rec: 2, line: 4, text: "z"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEvents(t, readEvents(t, "in.csv", strings.NewReader(tt.input), Options{}), tt.want)
		})
	}
}

func TestGNADReader_windows1252(t *testing.T) {
	f, err := os.Open("testdata/latin1.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ev := readEvents(t, "latin1.csv", f, Options{})
	checkEvents(t, ev, []want{{rec: 1, line: 1, text: "Österreichs Börse im Plus – „gut“"}})
	if len(ev) == 1 && ev[0].doc != nil && !hasError(ev[0].doc.Errors, "encoding.windows1252") {
		t.Errorf("got errors %v, want encoding.windows1252", ev[0].doc.Errors)
	}
}

func TestGNADReader_tooLong(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 100
	long := strings.Repeat("x", 80)
	in := "A;'" + long + "\n" + long + "'\nB;" + strings.Repeat("y", 150) + "\nC;ok\n"
	checkEvents(t, readEvents(t, "in.csv", strings.NewReader(in), Options{}), []want{
		{rec: 1, line: 1, err: "longer than"},
		{rec: 2, line: 3, err: "longer than"},
		{rec: 3, line: 4, text: "ok"},
	})
}
