package quote

import (
	"os"
	"testing"

	"github.com/dateline/dateline/doc"
)

func TestDebug(t *testing.T) {
	text := os.Getenv("QTEXT")
	if text == "" {
		t.Skip()
	}
	lang := os.Getenv("QLANG")
	d := &doc.Document{Text: text, Lang: lang}
	segmentDoc(t, d)
	x, _ := New(lang)
	r := &run{x: x, lex: x.lex, d: d, text: text}
	toks, sents, _ := view(d)
	for _, s := range sents {
		t.Logf("SENT %q", text[toks[s.first].Start:toks[s.last-1].End])
	}
	_ = r
	for _, q := range x.Extract(d) {
		cue := ""
		if q.Cue != nil {
			cue = d.Slice(q.Cue.Span) + "→" + q.Cue.Lemma
		}
		sp := ""
		if q.SpeakerSpan != nil {
			sp = d.Slice(*q.SpeakerSpan)
		}
		t.Logf("%s spk=%q cue=%s %q", q.Kind, sp, cue, d.Slice(q.Span))
	}
}
