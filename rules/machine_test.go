package rules_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/amount"
	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/rules"
	"github.com/dateline/dateline/timex"
)

// corpusSample returns up to n texts of a corpus of language code.
func corpusSample(tb testing.TB, code string, n int) []string {
	var out []string
	if code == "de" {
		f, err := os.Open(shareddata.Require(tb, "news", "de", "10kGNAD", "test.csv"))
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() && len(out) < n {
			if _, t, ok := strings.Cut(sc.Text(), ";"); ok {
				out = append(out, strings.Trim(t, "'"))
			}
		}
		return out
	}
	b, err := os.ReadFile(filepath.Join(shareddata.Require(tb, "news", "en", "reuters21578"), "reut2-000.sgm"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, part := range strings.Split(string(b), "<BODY>")[1:] {
		if len(out) == n {
			break
		}
		t, _, _ := strings.Cut(part, "</BODY>")
		out = append(out, t)
	}
	return out
}

// TestMachine_corpus checks the rule matcher against package regexp on
// real news, for every rule of the time and amount layers wherever the
// index offers it.
func TestMachine_corpus(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 40
	}
	for _, code := range []string{"de", "en"} {
		tt, err := timex.For(code)
		if err != nil {
			t.Fatal(err)
		}
		at, err := amount.For(code)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range corpusSample(t, code, n) {
			for _, s := range []*rules.Set{tt.Rules(), at.Rules()} {
				if err := s.CheckMachine(text); err != nil {
					t.Fatalf("%s: %v", code, err)
				}
			}
		}
	}
}
