package quote

import (
	"os"
	"strconv"
	"testing"

	"github.com/dateline/dateline/reader"
)

func TestPeekNews(t *testing.T) {
	if os.Getenv("PEEK") == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("PEEK"))
	skip, _ := strconv.Atoi(os.Getenv("SKIP"))
	b := &testing.B{}
	_ = b
	lang, rel, format := "de", "news/de/10kGNAD/test.csv", reader.GNAD
	if os.Getenv("PEEKEN") != "" {
		lang, rel, format = "en", "news/en/reuters21578/reut2-001.sgm", reader.SGML
	}
	docs, _ := newsDocs(t, lang, rel, format, n+skip)
	x, _ := New(lang)
	for _, d := range docs[skip:] {
		for _, q := range x.Extract(d) {
			sp, cue := "", ""
			if q.SpeakerSpan != nil {
				sp = d.Slice(*q.SpeakerSpan)
			}
			if q.Cue != nil {
				cue = q.Cue.Lemma
			}
			t.Logf("%-8s %-28q %-12s %q", q.Kind, sp, cue, d.Slice(q.Span))
		}
	}
}
