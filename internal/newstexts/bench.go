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

// BenchTagger runs WarmHalves on every corpus of Corpora, segmented with
// segmenter(lang), twice: as the pipeline tags (tokens and sentences at
// hand) and, in sub-benchmarks named "_text", from raw text. tagger(b, lang,
// raw) makes a fresh tagger and returns its tag function.
func BenchTagger(b *testing.B, unit string, segmenter func(lang string) (Segmenter, error), tagger func(b *testing.B, lang string, raw bool) func(d *Doc) int) {
	for _, c := range Corpora {
		for _, raw := range []bool{false, true} {
			name := c.Name
			if raw {
				name += "_text"
			}
			b.Run(name, func(b *testing.B) {
				seg, err := segmenter(c.Lang)
				if err != nil {
					b.Fatal(err)
				}
				docs := Segment(seg, c.Load(b))
				WarmHalves(b, docs, unit, func() func(d *Doc) int { return tagger(b, c.Lang, raw) })
			})
		}
	}
}
