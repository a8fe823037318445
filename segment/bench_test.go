package segment

import (
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/newstexts"
)

func benchCorpora(b *testing.B) []struct {
	name, lang string
	texts      []string
} {
	return []struct {
		name, lang string
		texts      []string
	}{
		{"10kGNAD", "de", newstexts.GNAD(b)},
		{"Reuters", "en", newstexts.Reuters(b)},
	}
}

func BenchmarkTokens(b *testing.B) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			s := mustNew(b, c.lang)
			var toks []doc.Token
			b.SetBytes(newstexts.Bytes(c.texts))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range c.texts {
					toks = s.Tokens(t, toks[:0])
				}
			}
		})
	}
}

// BenchmarkSentences measures the core layer: tokens and sentences.
func BenchmarkSentences(b *testing.B) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			s := mustNew(b, c.lang)
			var toks []doc.Token
			var sents []doc.Sentence
			b.SetBytes(newstexts.Bytes(c.texts))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range c.texts {
					toks = s.Tokens(t, toks[:0])
					sents = s.Sentences(t, toks, sents[:0])
				}
			}
		})
	}
}
