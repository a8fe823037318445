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
	for _, c := range newstexts.Corpora {
		for _, raw := range []bool{false, true} {
			name := c.Name
			if raw {
				name += "_text"
			}
			b.Run(name, func(b *testing.B) {
				seg, err := segment.New(c.Lang)
				if err != nil {
					b.Fatal(err)
				}
				docs := newstexts.Segment(seg, c.Load(b))
				newstexts.WarmHalves(b, docs, "timex", func() func(d *newstexts.Doc) int {
					tg, err := New(c.Lang)
					if err != nil {
						b.Fatal(err)
					}
					if raw {
						return func(d *newstexts.Doc) int { return len(tg.Tag(d.Text, anchor, d.Sentences)) }
					}
					return func(d *newstexts.Doc) int { return len(tg.TagTokens(d.Text, anchor, d.Sentences, d.Tokens)) }
				})
			})
		}
	}
}
