package amount

import (
	"testing"
	"time"

	"github.com/dateline/dateline/internal/newstexts"
)

// BenchmarkAmount tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English).
func BenchmarkAmount(b *testing.B) {
	for _, c := range []struct {
		name, lang string
		load       func(testing.TB) []string
	}{{"10kGNAD", "de", newstexts.GNAD}, {"Reuters", "en", newstexts.Reuters}} {
		b.Run(c.name, func(b *testing.B) {
			texts := c.load(b)
			b.SetBytes(newstexts.Bytes(texts))
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
				b.ReportMetric(float64(b.N)*float64(newstexts.Bytes(texts))/1e6/cpu.Seconds(), "MB/cpu-s")
			}
			b.ReportMetric(float64(n)/float64(b.N)/(float64(newstexts.Bytes(texts))/1e6), "amounts/MB")
		})
	}
}
