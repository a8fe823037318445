package amount

import (
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/segment"
)

// BenchmarkAmount tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English). The plain figure is the pipeline's stage, which
// has the tokens at hand (TagTokens); "_text" is Tag on raw text, which
// tokenizes first. As in timex, each half of the corpus is tagged by a
// fresh tagger warmed (untimed) on the other half: warm caches, no replay.
func BenchmarkAmount(b *testing.B) {
	for _, c := range []struct {
		name, lang string
		load       func(testing.TB) []string
	}{{"10kGNAD", "de", newstexts.GNAD}, {"Reuters", "en", newstexts.Reuters}} {
		for _, raw := range []bool{false, true} {
			name := c.name
			if raw {
				name += "_text"
			}
			b.Run(name, func(b *testing.B) {
				texts := c.load(b)
				seg, err := segment.New(c.lang)
				if err != nil {
					b.Fatal(err)
				}
				toks := make([][]doc.Token, len(texts))
				for i, t := range texts {
					toks[i] = seg.Tokens(t, nil)
				}
				half := len(texts) / 2
				halves := [2][2]int{{0, half}, {half, len(texts)}}
				b.SetBytes(newstexts.Bytes(texts))
				b.ReportAllocs()
				n := 0
				var cpu time.Duration
				for b.Loop() {
					for h, hv := range halves {
						b.StopTimer()
						tg, err := New(c.lang)
						if err != nil {
							b.Fatal(err)
						}
						o := halves[1-h]
						for i := o[0]; i < o[1]; i++ {
							tg.TagTokens(texts[i], toks[i])
						}
						b.StartTimer()
						c0 := cpuTime()
						for i := hv[0]; i < hv[1]; i++ {
							if raw {
								n += len(tg.Tag(texts[i]))
							} else {
								n += len(tg.TagTokens(texts[i], toks[i]))
							}
						}
						cpu += cpuTime() - c0
					}
				}
				if cpu > 0 {
					b.ReportMetric(float64(b.N)*float64(newstexts.Bytes(texts))/1e6/cpu.Seconds(), "MB/cpu-s")
				}
				b.ReportMetric(float64(n)/float64(b.N)/(float64(newstexts.Bytes(texts))/1e6), "amounts/MB")
			})
		}
	}
}
