package amount

import (
	"testing"

	"github.com/dateline/dateline/internal/newstexts"
	"github.com/dateline/dateline/segment"
)

// BenchmarkAmount tags real news: 10kGNAD (German, derStandard) and
// Reuters-21578 (English). The plain figure is the pipeline's stage, which
// has the tokens at hand (TagTokens); "_text" is Tag on raw text, which
// tokenizes first. Each half of the corpus is tagged by a fresh tagger
// warmed on the other half (newstexts.WarmHalves): warm caches, no replay.
func BenchmarkAmount(b *testing.B) {
	newstexts.BenchTagger(b, "amounts", segmenter, func(b *testing.B, lang string, raw bool) func(d *newstexts.Doc) int {
		tg, err := New(lang)
		if err != nil {
			b.Fatal(err)
		}
		if raw {
			return func(d *newstexts.Doc) int { return len(tg.Tag(d.Text)) }
		}
		return func(d *newstexts.Doc) int { return len(tg.TagTokens(d.Text, d.Tokens)) }
	})
}

func segmenter(lang string) (newstexts.Segmenter, error) { return segment.New(lang) }
