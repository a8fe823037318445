package timex

import (
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
)

// FuzzTag checks the tagger's invariants on any input: no panic, spans
// inside the text, on rune boundaries, in order and not overlapping.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Kiew, 25. Feb (Reuters) - teilte Selenskyj am Mittwoch mit. Am Donnerstag wollen sie beraten.",
		"Anfang März, in dieser Woche, Mittwochabend, jeden Montag, vor zwei Jahren, seit 2014.",
		"He said Tuesday that third-quarter profit rose 5% from a year earlier, the past two months.",
		"am 24.02.2022 um 14.30 Uhr", "\xff\xfe 31. Dezember 1999 \u00a0Uhr", "",
	} {
		f.Add(s, int64(0))
	}
	de, err := For("de")
	if err != nil {
		f.Fatal(err)
	}
	en, err := For("en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		anchor := time.Time{}
		if days != 0 {
			anchor = time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%100000))
		}
		sents := []doc.Span{{Start: 0, End: len(text) / 2}, {Start: len(text) / 2, End: len(text)}}
		for _, tg := range []*Tagger{de, en} {
			for _, ss := range [][]doc.Span{nil, sents} {
				prev := 0
				for _, tx := range tg.Tag(text, anchor, ss) {
					if !tx.Span.Valid(len(text)) || tx.Start < prev || tx.Start == tx.End {
						t.Fatalf("%s: bad span %v (prev end %d) in %q", tg.Lang, tx.Span, prev, text)
					}
					if !boundary(text, tx.Start) || !boundary(text, tx.End) {
						t.Fatalf("%s: span %v not on rune boundaries in %q", tg.Lang, tx.Span, text)
					}
					if tx.Value == "" || tx.Type == "" {
						t.Fatalf("%s: empty value or type for %q", tg.Lang, text[tx.Start:tx.End])
					}
					prev = tx.End
				}
			}
		}
	})
}

// boundary reports whether i is where a rune starts when text is decoded
// from the beginning (a stray byte of invalid UTF-8 counts as a rune), or
// the end of the text.
func boundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return false
}
