package event

import (
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// FuzzExtract checks that the stage never panics and only writes spans
// inside the text on rune boundaries, whatever the text and whatever
// (possibly broken) layers it is given.
func FuzzExtract(f *testing.F) {
	f.Add("Russland fordert die Abtretung der Region Donezk, was die Ukraine ablehnt.", "de", 0, 8, 60, 67)
	f.Add("Iran and the United States will hold talks in Muscat, Araqchi said.", "en", 0, 4, 13, 26)
	f.Add("An dem Telefonat nahmen auch Witkoff und Kushner teil.", "de", 29, 36, 41, 48)
	f.Add("„Gespräche“ – mit Trump? (nicht bestätigt)", "de", 18, 23, -3, 99)
	f.Add("", "en", 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text, lang string, a, b, c, e int) {
		d := &doc.Document{Text: text, Lang: lang}
		d.Sentences = splitSentences(text)
		if len(text) > 0 {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: 0, End: len(text)}}, doc.Sentence{Span: doc.Span{Start: a, End: e}})
		}
		d.Entities = []doc.Entity{
			{ID: "x", Type: "LOC", Mentions: []doc.Mention{{Span: doc.Span{Start: a, End: b}, Kind: doc.MentionName}, {Span: doc.Span{Start: b, End: a}, Kind: doc.MentionDerived}}},
			{ID: "y", Type: "PER", Mentions: []doc.Mention{{Span: doc.Span{Start: c, End: e}, Kind: doc.MentionRole}, {Span: doc.Span{Start: a, End: e}, Kind: doc.MentionName}}},
			{ID: "z", Type: "ORG", Mentions: []doc.Mention{{Span: doc.Span{Start: b, End: c}, Kind: doc.MentionMetonym}}},
		}
		d.Timexes = []doc.Timex{{Span: doc.Span{Start: c, End: e}, Value: "2026-02-26"}, {Span: doc.Span{Start: e, End: a}, Value: "X"}}
		d.Quotes = []doc.Quote{{Span: doc.Span{Start: a, End: e}, Speaker: "y"}}
		d.Dateline = &doc.Dateline{Places: []doc.Place{{Entity: "x"}}}
		if err := Extract(d); err != nil {
			return
		}
		// rune boundaries are checked on valid UTF-8 (an invalid byte is a
		// rune of its own)
		utf := utf8.ValidString(text)
		valid := func(s doc.Span) bool {
			if !s.Valid(len(text)) {
				return false
			}
			return !utf || (s.Start == len(text) || utf8.RuneStart(text[s.Start])) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
		}
		for _, ev := range d.Events {
			if !valid(ev.Trigger) || !valid(ev.Evidence) || ev.About != nil && !valid(*ev.About) {
				t.Fatalf("event %+v has a span outside the text or off a rune boundary (text %q)", ev, text)
			}
			if ev.Trigger.Start < ev.Evidence.Start || ev.Trigger.End > ev.Evidence.End {
				t.Fatalf("trigger %v outside evidence %v", ev.Trigger, ev.Evidence)
			}
			if len(ev.Participants) == 0 {
				t.Fatalf("event without participants: %+v", ev)
			}
		}
	})
}
