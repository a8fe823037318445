package analysis

import (
	"testing"
	"time"

	"github.com/dateline/dateline/amount"
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/rules"
	"github.com/dateline/dateline/segment"
	"github.com/dateline/dateline/timex"
)

// BenchmarkTimeAmount measures what the time and amount layers add to the
// pipeline, against the tokenizer (issue #3's bar: they must cost less per
// MB). Each pass runs over the corpus story by story, as the pipeline
// does, three times: tokens alone; tokens and sentences (what the time
// layer needs); and tokens, sentences, time expressions and amounts. The
// metrics are MB per CPU-second of the tokenizer and of the time and
// amount layers together (the difference of the last two runs).
//
// The taggers are long-lived, as in the pipeline, but never replay: each
// half of the corpus is tagged by fresh taggers warmed (untimed) on the
// other half.
func BenchmarkTimeAmount(b *testing.B) {
	anchor := time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range newstexts.Corpora {
		b.Run(c.Name, func(b *testing.B) {
			texts := c.Load(b)
			seg, err := segment.New(c.Lang)
			if err != nil {
				b.Fatal(err)
			}
			var toks []doc.Token
			var sents []doc.Sentence
			var spans []doc.Span
			segment := func(t string) {
				toks = seg.Tokens(t, toks[:0])
				sents = seg.Sentences(t, toks, sents[:0])
				spans = spans[:0]
				for _, s := range sents {
					spans = append(spans, s.Span)
				}
			}
			half := len(texts) / 2
			halves := [2][]string{texts[:half], texts[half:]}
			bytes := newstexts.Bytes(texts)
			b.SetBytes(bytes)
			var cpuTok, cpuSeg, cpuAll time.Duration
			for b.Loop() {
				c0 := newstexts.CPUTime()
				for _, t := range texts {
					toks = seg.Tokens(t, toks[:0])
				}
				c1 := newstexts.CPUTime()
				for _, t := range texts {
					segment(t)
				}
				cpuTok += c1 - c0
				cpuSeg += newstexts.CPUTime() - c1
				for h := range halves {
					b.StopTimer()
					tt, at := freshTaggers(b, c.Lang)
					for _, t := range halves[1-h] {
						segment(t)
						tt.TagTokens(t, anchor, spans, toks)
						at.TagTokens(t, toks)
					}
					b.StartTimer()
					c0 := newstexts.CPUTime()
					for _, t := range halves[h] {
						segment(t)
						tt.TagTokens(t, anchor, spans, toks)
						at.TagTokens(t, toks)
					}
					cpuAll += newstexts.CPUTime() - c0
				}
			}
			mb := float64(b.N) * float64(bytes) / 1e6
			if cpuTok > 0 && cpuAll > cpuSeg {
				b.ReportMetric(mb/cpuTok.Seconds(), "tokenizer-MB/cpu-s")
				b.ReportMetric(mb/(cpuAll-cpuSeg).Seconds(), "time+amount-MB/cpu-s")
			}
		})
	}
}

// BenchmarkTimeAmountParts splits what BenchmarkTimeAmount measures into
// its parts, to show where the time goes: the tokenizer; the rule scans
// of the time and amount layers alone (ScanTokens with an empty emit);
// and the layers' whole tagging (scan, groups, normalisation). Unlike
// BenchmarkTimeAmount it replays: the texts are segmented beforehand and
// the taggers warmed on the same texts, so the figures are those of warm
// caches (no automaton states built, groups remembered), an upper bound
// for each part. ns/op is per pass over the corpus.
func BenchmarkTimeAmountParts(b *testing.B) {
	anchor := time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range newstexts.Corpora {
		texts := c.Load(b)
		seg, err := segment.New(c.Lang)
		if err != nil {
			b.Fatal(err)
		}
		docs := newstexts.Segment(seg, texts)
		tt, at := freshTaggers(b, c.Lang)
		for _, d := range docs {
			tt.TagTokens(d.Text, anchor, d.Sentences, d.Tokens)
			at.TagTokens(d.Text, d.Tokens)
		}
		bytes := newstexts.Bytes(texts)
		n := 0
		var toks []doc.Token
		for _, p := range []struct {
			name string
			f    func(d *newstexts.Doc)
		}{
			{"tokenizer", func(d *newstexts.Doc) { toks = seg.Tokens(d.Text, toks[:0]) }},
			{"scan-time", func(d *newstexts.Doc) { tt.Rules().ScanTokens(d.Text, d.Tokens, func(rules.Match) { n++ }) }},
			{"scan-amount", func(d *newstexts.Doc) { at.Rules().ScanTokens(d.Text, d.Tokens, func(rules.Match) { n++ }) }},
			{"time", func(d *newstexts.Doc) { n += len(tt.TagTokens(d.Text, anchor, d.Sentences, d.Tokens)) }},
			{"amount", func(d *newstexts.Doc) { n += len(at.TagTokens(d.Text, d.Tokens)) }},
		} {
			b.Run(c.Name+"/"+p.name, func(b *testing.B) {
				b.SetBytes(bytes)
				for b.Loop() {
					for i := range docs {
						p.f(&docs[i])
					}
				}
			})
		}
	}
}

// freshTaggers returns new (cold) time and amount taggers of a language.
func freshTaggers(b *testing.B, lang string) (*timex.Tagger, *amount.Tagger) {
	tt, err := timex.New(lang)
	if err != nil {
		b.Fatal(err)
	}
	at, err := amount.New(lang)
	if err != nil {
		b.Fatal(err)
	}
	return tt, at
}
