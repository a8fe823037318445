package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dateline/dateline/amount"
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/rules"
	"github.com/dateline/dateline/segment"
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

// layerSets returns the rule sets of the time and amount layers of a
// language.
func layerSets(tb testing.TB, code string) []*rules.Set {
	tt, err := timex.For(code)
	if err != nil {
		tb.Fatal(err)
	}
	at, err := amount.For(code)
	if err != nil {
		tb.Fatal(err)
	}
	return []*rules.Set{tt.Rules(), at.Rules()}
}

// onCorpus runs check on up to n news texts of each language (n/10 with
// -short), with every rule set of the time and amount layers.
func onCorpus(t *testing.T, n int, check func(s *rules.Set, text string) error) {
	if testing.Short() {
		n /= 10
	}
	for _, code := range []string{"de", "en"} {
		sets := layerSets(t, code)
		for _, text := range corpusSample(t, code, n) {
			for _, s := range sets {
				if err := check(s, text); err != nil {
					t.Fatalf("%s: %v", code, err)
				}
			}
		}
	}
}

// TestMachine_corpus checks the rule matcher against package regexp on
// real news, for every rule of the time and amount layers wherever the
// index offers it.
func TestMachine_corpus(t *testing.T) {
	onCorpus(t, 400, (*rules.Set).CheckMachine)
}

// TestUnion checks the all-rules automaton against each rule's
// backtracker at every position of the rules' own examples and, when the
// corpora are at hand, of real news.
func TestUnion(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		for _, s := range layerSets(t, code) {
			for _, r := range s.Rules {
				for _, ex := range r.Examples {
					if err := s.CheckUnion(ex.Text); err != nil {
						t.Errorf("%s: %v", r.Pos(), err)
					}
				}
			}
		}
	}
}

func TestUnion_corpus(t *testing.T) {
	onCorpus(t, 300, (*rules.Set).CheckUnion)
}

// TestScanTokens_corpus checks ScanTokens against the plain loop over
// every token and every byte inside it, on real news tokenized as the
// pipeline does.
func TestScanTokens_corpus(t *testing.T) {
	n := 1000
	if testing.Short() {
		n /= 10
	}
	for _, code := range []string{"de", "en"} {
		seg, err := segment.New(code)
		if err != nil {
			t.Fatal(err)
		}
		sets := layerSets(t, code)
		for _, text := range corpusSample(t, code, n) {
			toks := seg.Tokens(text, nil)
			for _, s := range sets {
				if err := s.CheckScanTokens(text, toks); err != nil {
					t.Fatalf("%s: %v", code, err)
				}
			}
		}
	}
}

// TestScan_concurrent tags the same stories from several goroutines at
// once (the caches of the engine are shared) and wants what one
// goroutine alone finds. Run with -race.
func TestScan_concurrent(t *testing.T) {
	texts := corpusSample(t, "en", 60)
	fresh, err := amount.New("en")
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(texts))
	ref, err := amount.New("en")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		want[i] = fmt.Sprint(ref.Tag(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range texts {
				i := (k + g*17) % len(texts)
				if got := fmt.Sprint(fresh.Tag(texts[i])); got != want[i] {
					errs <- fmt.Sprintf("story %d: got %s, want %s", i, got, want[i])
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzUnion checks the all-rules automaton against the backtracker on
// any input, and that ScanTokens stays inside the text whatever spans it
// is given.
func FuzzUnion(f *testing.F) {
	for _, s := range []string{"am 24. Februar 2026 um 14.30 Uhr", "588 Milliarden Dollar", "$2.3 bln, 20 pct",
		"Anfang März 1.000 Minuten", "\xff\xfe Mittwochabend", "", "MittwoCh\x9a\xbf\xb4"} {
		f.Add(s, uint64(0x0305))
	}
	sets := append(layerSets(f, "de"), layerSets(f, "en")...)
	seg, err := segment.New("de")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, spans uint64) {
		if len(text) > 256 {
			text = text[:256]
		}
		var toks []doc.Token
		for i := 0; i < 4; i++ {
			a, b := int(spans>>(16*i)&0xff)-8, int(spans>>(16*i+8)&0xff)-8
			toks = append(toks, doc.Token{Span: doc.Span{Start: a, End: b}})
		}
		real := seg.Tokens(text, nil)
		for _, s := range sets {
			if err := s.CheckUnion(text); err != nil {
				t.Fatal(err)
			}
			if err := s.CheckScanTokens(text, real); err != nil {
				t.Fatal(err)
			}
			if err := s.CheckScanTokens(text, toks); err != nil {
				t.Fatal(err)
			}
			s.ScanTokens(text, toks, func(m rules.Match) {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("match %d-%d outside %q", m.Start, m.End, text)
				}
			})
		}
	})
}
