package amount

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/internal/shareddata"
)

// gnadTexts reads the article texts of the 10kGNAD CSV (label;'text').
func gnadTexts(tb testing.TB) []string {
	path := shareddata.Require(tb, "news", "de", "10kGNAD", "test.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, ';'); i >= 0 {
			out = append(out, strings.Trim(line[i+1:], "'"))
		}
	}
	return out
}

// reutersTexts reads the <BODY> texts of the first Reuters-21578 files.
func reutersTexts(tb testing.TB) []string {
	dir := shareddata.Require(tb, "news", "en", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "reut2-00[0-3].sgm"))
	var out []string
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(b)
		for {
			i := strings.Index(s, "<BODY>")
			if i < 0 {
				break
			}
			s = s[i+6:]
			j := strings.Index(s, "</BODY>")
			if j < 0 {
				break
			}
			out = append(out, s[:j])
			s = s[j:]
		}
	}
	return out
}

func totalBytes(texts []string) (n int64) {
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// BenchmarkAmount tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English).
func BenchmarkAmount(b *testing.B) {
	for _, c := range []struct {
		name, lang string
		load       func(testing.TB) []string
	}{{"10kGNAD", "de", gnadTexts}, {"Reuters", "en", reutersTexts}} {
		b.Run(c.name, func(b *testing.B) {
			texts := c.load(b)
			b.SetBytes(totalBytes(texts))
			b.ReportAllocs()
			n := 0
			var cpu time.Duration
			for b.Loop() {
				// A fresh tagger each pass: the rule engine's caches
				// (DFA states, remembered groups) start cold, so the
				// figure is one pass over the corpus, not a replay.
				b.StopTimer()
				tg, err := New(c.lang)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c0 := cpuTime()
				for _, t := range texts {
					n += len(tg.Tag(t))
				}
				cpu += cpuTime() - c0
			}
			if cpu > 0 {
				b.ReportMetric(float64(b.N)*float64(totalBytes(texts))/1e6/cpu.Seconds(), "MB/cpu-s")
			}
			b.ReportMetric(float64(n)/float64(b.N)/(float64(totalBytes(texts))/1e6), "amounts/MB")
		})
	}
}
