package newstexts

import (
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
)

// Doc is a news text with the tokens and sentence spans the pipeline
// gives the stages after segmentation.
type Doc struct {
	Text      string
	Tokens    []doc.Token
	Sentences []doc.Span
}

// Segmenter is what Segment needs of a *segment.Segmenter (which this
// package cannot import: segment's own benchmarks use it).
type Segmenter interface {
	Tokens(text string, dst []doc.Token) []doc.Token
	Sentences(text string, toks []doc.Token, dst []doc.Sentence) []doc.Sentence
}

// Segment splits texts into tokens and sentences with seg.
func Segment(seg Segmenter, texts []string) []Doc {
	docs := make([]Doc, len(texts))
	for i, t := range texts {
		d := &docs[i]
		d.Text, d.Tokens = t, seg.Tokens(t, nil)
		for _, s := range seg.Sentences(t, d.Tokens, nil) {
			d.Sentences = append(d.Sentences, s.Span)
		}
	}
	return docs
}

// WarmHalves benchmarks a tagger whose caches warm up, without replay:
// a long-running tagger has warm caches, but a figure must not come from
// tagging texts the tagger has seen. So each pass splits docs in two
// halves and tags each with a fresh tagger (from fresh) warmed, untimed,
// on the other half. tag returns the number of results; the benchmark
// reports MB per CPU-second and results (unit) per MB.
func WarmHalves(b *testing.B, docs []Doc, unit string, fresh func() (tag func(d *Doc) int)) {
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	half := len(docs) / 2
	halves := [2][]Doc{docs[:half], docs[half:]}
	b.SetBytes(bytes)
	b.ReportAllocs()
	n := 0
	var cpu time.Duration
	for b.Loop() {
		for h := range halves {
			b.StopTimer()
			tag := fresh()
			for i := range halves[1-h] {
				tag(&halves[1-h][i])
			}
			b.StartTimer()
			c0 := CPUTime()
			for i := range halves[h] {
				n += tag(&halves[h][i])
			}
			cpu += CPUTime() - c0
		}
	}
	mb := float64(bytes) / 1e6
	if cpu > 0 {
		b.ReportMetric(float64(b.N)*mb/cpu.Seconds(), "MB/cpu-s")
	}
	b.ReportMetric(float64(n)/float64(b.N)/mb, unit+"/MB")
}
