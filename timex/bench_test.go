package timex

import (
	"testing"
	"time"

	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/segment"
)

// BenchmarkTimex tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English), anchored on a fixed date. The plain figure is
// the pipeline's stage, which has the tokens and sentences at hand
// (TagTokens); "_text" is Tag on raw text, which tokenizes first. Each
// half of the corpus is tagged by a fresh tagger warmed on the other half
// (newstexts.WarmHalves): warm caches, no replay.
func BenchmarkTimex(b *testing.B) {
	anchor := time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC)
	newstexts.BenchTagger(b, "timex", segmenter, func(b *testing.B, lang string, raw bool) func(d *newstexts.Doc) int {
		tg, err := New(lang)
		if err != nil {
			b.Fatal(err)
		}
		if raw {
			return func(d *newstexts.Doc) int { return len(tg.Tag(d.Text, anchor, d.Sentences)) }
		}
		return func(d *newstexts.Doc) int { return len(tg.TagTokens(d.Text, anchor, d.Sentences, d.Tokens)) }
	})
}

func segmenter(lang string) (newstexts.Segmenter, error) { return segment.New(lang) }
