package ner

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/segment"
)

// reportSpeed reports tokens per second of wall time and, where the
// platform tells, per second of CPU time (per core, whatever else runs).
func reportSpeed(b *testing.B, n int, start time.Time, cpu float64) {
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "tokens/s")
	if c := newstexts.CPUTime().Seconds() - cpu; cpu > 0 && c > 0 {
		b.ReportMetric(float64(n*b.N)/c, "tokens/cpu-s")
	}
}

// newsSentences returns the tokenized sentences of real German news
// articles (the 10kGNAD test articles, or the example story when the
// shared data is absent), by article.
func newsSentences(tb testing.TB) [][][]string {
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
	var out [][][]string
	for _, t := range texts {
		toks := seg.Tokens(t, nil)
		var art [][]string
		for _, s := range seg.Sentences(t, toks, nil) {
			var words []string
			for _, tk := range toks[s.First:s.Last] {
				words = append(words, t[tk.Start:tk.End])
			}
			art = append(art, words)
		}
		out = append(out, art)
	}
	return out
}

// BenchmarkTag measures German tagging speed on real news (both passes),
// in tokens per second on one core.
func BenchmarkTag(b *testing.B) {
	m, err := Load("de")
	if err != nil {
		b.Fatal(err)
	}
	sents := newsSentences(b)
	n := 0
	for _, art := range sents {
		for _, s := range art {
			n += len(s)
		}
	}
	var d decoder
	b.ResetTimer()
	start, cpu := time.Now(), newstexts.CPUTime().Seconds()
	for i := 0; i < b.N; i++ {
		// One article at a time, as the stage does: the first pass over
		// the article, then the second.
		for _, art := range sents {
			dc := newDocContext(art)
			m.prepareDoc(&d, art, 0, dc)
			for _, s := range art {
				m.tag(&d, s, 0, dc, nil)
			}
		}
	}
	reportSpeed(b, n, start, cpu)
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

// BenchmarkTagEnglish measures the English model (two passes over each
// document) on the Reuters stories of CoNLL-2003's development split.
func BenchmarkTagEnglish(b *testing.B) {
	file := shareddata.Require(b, "ner", "conll2003-en", "dev.txt")
	m, err := Load("en")
	if err != nil {
		b.Fatal(err)
	}
	sents, err := readFile(file, false)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	start, cpu := time.Now(), newstexts.CPUTime().Seconds()
	for i := 0; i < b.N; i++ {
		docs := withDocs(sents, "conll")
		var d decoder
		for j, s := range sents {
			if j == 0 || docs[j].dc != docs[j-1].dc {
				var group [][]string
				for k := j; k < len(sents) && docs[k].dc == docs[j].dc; k++ {
					group = append(group, sents[k].Tokens)
				}
				m.prepareDoc(&d, group, 0, docs[j].dc)
			}
			m.tag(&d, s.Tokens, 0, docs[j].dc, nil)
		}
	}
	reportSpeed(b, n, start, cpu)
}
