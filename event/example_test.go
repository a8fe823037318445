package event_test

import (
	"fmt"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/event"
)

// The layers below are what the segment, ner, link and timex stages give
// for this sentence; the event stage adds the events.
func ExampleExtract() {
	text := "Russland fordert die Abtretung der Region Donezk, was die Ukraine ablehnt."
	span := func(s string) doc.Span {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return doc.Span{Start: i, End: i + len(s)}
			}
		}
		return doc.Span{}
	}
	d := &doc.Document{
		Lang:      "de",
		Text:      text,
		Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}},
		Entities: []doc.Entity{
			{ID: "RU", Type: "LOC", Name: "Russia", Mentions: []doc.Mention{{Span: span("Russland"), Kind: doc.MentionName}}},
			{ID: "UA", Type: "LOC", Name: "Ukraine", Mentions: []doc.Mention{{Span: span("Ukraine"), Kind: doc.MentionName}}},
			{ID: "DON", Type: "LOC", Name: "Donetsk", Mentions: []doc.Mention{{Span: span("Donezk"), Kind: doc.MentionName}}},
		},
	}
	if err := event.Extract(d); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Events {
		fmt.Printf("%s %s %q %v %s about=%q\n", e.ID, e.Type, d.Slice(e.Trigger), e.Participants, e.Status, d.Slice(*e.About))
	}
	// Output:
	// e1 DEMAND "fordert" [{RU actor}] occurred about="Abtretung der Region Donezk"
	// e2 REJECT "ablehnt" [{UA actor} {RU target}] occurred about="Abtretung der Region Donezk"
}
