// Package event finds events in news stories: who did what to whom, when
// and where, who says so, and whether it is confirmed.
//
// Events are typed with the PLOVER ontology (CONSULT, DEMAND, REJECT, ...;
// see Types), with a mode for CONSULT (phone, meeting, talks, visit,
// summit) and a format (bilateral, trilateral, multilateral, mediated).
// Each event points at its trigger word and at the sentence it comes from
// (or, when a later sentence adds to it, "An dem Telefonat nahmen auch ...
// teil", the span from the first sentence to that one).
//
// The stage reads sentences, entities (one per real-world entity, with
// name, role, derived and metonym mentions from the linker), time
// expressions, the dateline and, when present, quotes. Language knowledge
// lives in lang/<code>/event-triggers.txt and event-cues.txt; the
// algorithm here knows no language.
//
// Precision comes first: an event is emitted only when its trigger is in
// the trigger list and it has a solid participant (an actor for directed
// types such as DEMAND; a participant for symmetric ones such as CONSULT).
// Names after "in" are places, names in a source phrase ("nach Angaben des
// Präsidenten X", "Tass zufolge") are sources, and names inside the issue
// ("die Abtretung der Region Donezk") are neither.
//
// Cost: linear in the words of the story times the number of cue patterns
// (a few hundred), with a small quadratic term in the mentions per
// sentence.
package event

import (
	"fmt"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// Extract finds the events of d and replaces d.Events. Documents in a
// language without event data get no events and no error. It never
// panics on input: mentions and time expressions with spans outside the
// text are ignored.
func Extract(d *doc.Document) error {
	data, err := dataFor(d.Lang)
	if err != nil {
		return fmt.Errorf("event: %w", err)
	}
	d.Events = nil
	if data == nil || d.Text == "" {
		return nil
	}
	x := &extractor{d: d, data: data}
	x.run()
	return nil
}

type stage struct{}

// Stage returns the pipeline stage "event".
func Stage() pipeline.Stage { return stage{} }

func (stage) Name() string { return "event" }

func (stage) Needs() []pipeline.Layer {
	return []pipeline.Layer{pipeline.Lang, pipeline.Sentences, pipeline.Entities, pipeline.Timexes, pipeline.Dateline, pipeline.Links, pipeline.Quotes}
}

func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Events} }

func (stage) Process(d *doc.Document) error { return Extract(d) }
