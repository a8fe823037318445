package ner

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/segment"
)

// newsSentences returns tokenized sentences of real German news (the
// 10kGNAD test articles, or the example story when the shared data is
// absent).
func newsSentences(tb testing.TB) [][]string {
	var texts []string
	if p, err := shareddata.Path("news", "de", "10kGNAD", "test.csv"); err == nil {
		if f, err := os.Open(p); err == nil {
			r := csv.NewReader(f)
			r.Comma, r.LazyQuotes, r.FieldsPerRecord = ';', true, -1
			for len(texts) < 200 {
				rec, err := r.Read()
				if err != nil {
					break
				}
				if len(rec) > 1 {
					texts = append(texts, strings.Trim(rec[1], "'"))
				}
			}
			f.Close()
		}
	}
	if len(texts) == 0 {
		b, err := os.ReadFile("../testdata/examples/reuters-de-2026-02-26.txt")
		if err != nil {
			tb.Skip(err)
		}
		texts = []string{string(b)}
	}
	seg, err := segment.New("de")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]string
	for _, t := range texts {
		toks := seg.Tokens(t, nil)
		for _, s := range seg.Sentences(t, toks, nil) {
			var words []string
			for _, tk := range toks[s.First:s.Last] {
				words = append(words, t[tk.Start:tk.End])
			}
			out = append(out, words)
		}
	}
	return out
}

// BenchmarkTag measures tagging speed on real news, in tokens per second
// on one core.
func BenchmarkTag(b *testing.B) {
	m, err := Load("de")
	if err != nil {
		b.Fatal(err)
	}
	sents := newsSentences(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	var d decoder
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.tag(&d, s, 0, nil, nil)
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "tokens/s")
}

// BenchmarkLoad measures reading an embedded model from scratch.
func BenchmarkLoad(b *testing.B) {
	for _, lang := range []string{"de", "en"} {
		b.Run(lang, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := LoadFS(embedded, lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
