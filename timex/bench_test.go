package timex

import (
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/segment"
)

// BenchmarkTimex tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English), anchored on a fixed date. The plain figure is
// the pipeline's stage, which has the tokens at hand (TagTokens); "text"
// is Tag on raw text, which tokenizes first.
//
// A long-running tagger has warm caches (DFA states, remembered groups),
// but a figure must not come from replaying the texts it warmed on. So a
// pass splits the corpus in two halves and tags each half with a fresh
// tagger warmed (untimed) on the other half: every text is tagged once,
// by a tagger that has never seen it.
func BenchmarkTimex(b *testing.B) {
	anchor := time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC)
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
				sents := make([][]doc.Span, len(texts))
				for i, t := range texts {
					toks[i] = seg.Tokens(t, nil)
					for _, s := range seg.Sentences(t, toks[i], nil) {
						sents[i] = append(sents[i], s.Span)
					}
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
							tg.TagTokens(texts[i], anchor, sents[i], toks[i])
						}
						b.StartTimer()
						c0 := newstexts.CPUTime()
						for i := hv[0]; i < hv[1]; i++ {
							if raw {
								n += len(tg.Tag(texts[i], anchor, sents[i]))
							} else {
								n += len(tg.TagTokens(texts[i], anchor, sents[i], toks[i]))
							}
						}
						cpu += newstexts.CPUTime() - c0
					}
				}
				if cpu > 0 {
					b.ReportMetric(float64(b.N)*float64(newstexts.Bytes(texts))/1e6/cpu.Seconds(), "MB/cpu-s")
				}
				b.ReportMetric(float64(n)/float64(b.N)/(float64(newstexts.Bytes(texts))/1e6), "timex/MB")
			})
		}
	}
}
