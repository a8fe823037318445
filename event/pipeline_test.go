package event

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/kb"
	"github.com/dateline/dateline/langid"
	"github.com/dateline/dateline/link"
	"github.com/dateline/dateline/ner"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/quote"
	"github.com/dateline/dateline/segment"
	"github.com/dateline/dateline/timex"
	"github.com/dateline/dateline/wire"
)

// fullPipeline builds the real stages up to events.
func fullPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	dp, err := wire.New()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(
		langid.Stage(langid.Default()),
		segment.TokenStage(),
		segment.SentenceStage(),
		wire.Stage(dp),
		timex.Stage(),
		ner.Stage(),
		link.Stage(k),
		quote.Stage(),
		Stage(),
	)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// entityNamed returns the id of the entity whose name or KB label contains
// name (case-insensitive), or "".
func entityNamed(d *doc.Document, name string) string {
	for _, e := range d.Entities {
		n := strings.ToLower(e.Name)
		if e.KB != nil {
			n += " " + strings.ToLower(e.KB.Label)
		}
		if strings.Contains(n, strings.ToLower(name)) {
			return e.ID
		}
	}
	return ""
}

func TestStage_exampleStoryEndToEnd(t *testing.T) {
	text := exampleStory(t)
	d := &doc.Document{ID: "reuters-de-2026-02-26", Text: text, Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)}
	if err := fullPipeline(t).Run(d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Kind+":"+d.Slice(m.Span))
		}
		t.Logf("entity %s %s %q %v", e.ID, e.Type, e.Name, ms)
	}
	for _, x := range d.Timexes {
		t.Logf("timex %q %s", d.Slice(x.Span), x.Value)
	}
	for _, q := range d.Quotes {
		t.Logf("quote %q speaker=%s", d.Slice(q.Span), q.Speaker)
	}
	for _, e := range d.Events {
		t.Log(describe(d, e))
	}
	// The bars, with the hand-built ids mapped to the linker's entities by
	// name. A participant the upstream stages did not find in the event's
	// sentences (no mention there) is logged, not failed: this stage can
	// only use the mentions it is given.
	names := map[string]string{"Q-zelensky": "Zelensky", "Q-trump": "Trump", "Q-witkoff": "Witkoff", "Q-kushner": "Kushner",
		"Q-russia": "Russia", "Q-ukraine": "Ukraine", "Q-usa": "United States", "Q-geneva": "Geneva", "Q-dmitriev": "Dmitriev", "Q-tass": "TASS"}
	id := func(q string) string {
		if q == "" {
			return ""
		}
		return entityNamed(d, names[q])
	}
	for _, w := range exampleBars {
		e := findEvent(d, w)
		if e == nil {
			t.Errorf("no %s/%s event on %q", w.typ, w.mode, w.trigger)
			continue
		}
		w2 := w
		w2.place, w2.source = id(w.place), id(w.source)
		// where the upstream layers are judged: the trigger's sentence and
		// the last sentence of the evidence (a linked sentence)
		trig, last := sentenceOf(d, e.Trigger.Start), sentenceOf(d, e.Evidence.End-1)
		seen := func(ent string) bool { return mentionedIn(d, ent, trig) || mentionedIn(d, ent, last) }
		if w2.source != "" && !seen(w2.source) {
			t.Logf("%s %q: source %s (%s) has no mention there upstream; not checked", w.typ, w.trigger, w.source, w2.source)
			w2.source = e.Source
		}
		w2.participants = nil
		for _, p := range w.participants {
			role, q, _ := strings.Cut(p, ":")
			ent := id(q)
			if !seen(ent) {
				t.Logf("%s %q: %s (%s) has no mention in the evidence upstream; not checked", w.typ, w.trigger, q, ent)
				continue
			}
			w2.participants = append(w2.participants, role+":"+ent)
		}
		checkEvent(t, d, w2)
	}
}

// sentenceOf returns the span of the sentence holding byte pos.
func sentenceOf(d *doc.Document, pos int) doc.Span {
	for _, s := range d.Sentences {
		if s.Start <= pos && pos < s.End {
			return s.Span
		}
	}
	return doc.Span{}
}

// mentionedIn reports whether entity id has a mention inside span.
func mentionedIn(d *doc.Document, id string, span doc.Span) bool {
	for _, e := range d.Entities {
		if e.ID != id {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= span.Start && m.End <= span.End {
				return true
			}
		}
	}
	return false
}
