// Package storetest builds small annotated stories for tests of the store,
// the API and the web UI: documents with entities, time expressions,
// amounts, quotes and events already filled in, as the analysis pipeline
// would, so that those tests do not depend on the accuracy of the models.
// The stories are fictional.
package storetest

import (
	"strings"
	"time"

	"github.com/dateline/dateline/doc"
)

// Ent describes an entity; every occurrence of each surface form in the
// text becomes a mention.
type Ent struct {
	ID, Type, Name, KB string
	Surface            []string
}

// Ev describes an event by surface strings of the text.
type Ev struct {
	ID, Type, Trigger, Evidence, Status, Time, Place, Source string
	Participants                                             []doc.Participant
	Confirmed                                                *bool
}

// Qt describes a quote: its content, the speaker entity and the words
// naming the speaker, and the cue.
type Qt struct {
	Text, Speaker, SpeakerText, Cue, Lemma string
}

// Tx is a time expression; Am an amount.
type Tx struct{ Text, Type, Value string }

// Am is an amount.
type Am struct {
	Text  string
	Value float64
	Unit  string
}

// Story is one annotated story.
type Story struct {
	ID, Date, Lang, Title, Source, Text string
	Ents                                []Ent
	Events                              []Ev
	Quotes                              []Qt
	Timexes                             []Tx
	Amounts                             []Am
}

func span(text, s string) doc.Span {
	i := strings.Index(text, s)
	if i < 0 {
		panic("storetest: " + s + " not in text") // fixture error, not input
	}
	return doc.Span{Start: i, End: i + len(s)}
}

// Document builds the document.
func (s Story) Document() *doc.Document {
	d := &doc.Document{ID: s.ID, Text: s.Text, Title: s.Title, Lang: s.Lang, Source: s.Source}
	if s.Date != "" {
		d.Date, _ = time.Parse("2006-01-02", s.Date)
	}
	for _, e := range s.Ents {
		ent := doc.Entity{ID: e.ID, Type: e.Type, Name: e.Name}
		if e.KB != "" {
			ent.KB = &doc.KBRef{ID: e.KB, Label: e.Name}
		}
		for k, sf := range e.Surface {
			for off := 0; ; {
				i := strings.Index(s.Text[off:], sf)
				if i < 0 {
					break
				}
				kind := doc.MentionName
				if k > 0 {
					kind = doc.MentionAlias
				}
				sp := doc.Span{Start: off + i, End: off + i + len(sf)}
				off += i + len(sf)
				inside := false // "Marchuk" within "Olena Marchuk"
				for _, m := range ent.Mentions {
					inside = inside || (m.Start <= sp.Start && sp.End <= m.End)
				}
				if !inside {
					ent.Mentions = append(ent.Mentions, doc.Mention{Span: sp, Kind: kind, Confidence: 0.9})
				}
			}
		}
		d.Entities = append(d.Entities, ent)
	}
	for _, t := range s.Timexes {
		d.Timexes = append(d.Timexes, doc.Timex{Span: span(s.Text, t.Text), Type: t.Type, Value: t.Value})
	}
	for _, a := range s.Amounts {
		d.Amounts = append(d.Amounts, doc.Amount{Span: span(s.Text, a.Text), Value: a.Value, Unit: a.Unit})
	}
	for _, q := range s.Quotes {
		qt := doc.Quote{Span: span(s.Text, q.Text), Kind: "direct", Speaker: q.Speaker}
		if q.SpeakerText != "" {
			sp := span(s.Text, q.SpeakerText)
			qt.SpeakerSpan = &sp
		}
		if q.Cue != "" {
			qt.Cue = &doc.Cue{Span: span(s.Text, q.Cue), Lemma: q.Lemma}
		}
		d.Quotes = append(d.Quotes, qt)
	}
	for _, e := range s.Events {
		ev := doc.Event{ID: e.ID, Type: e.Type, Trigger: span(s.Text, e.Trigger), Evidence: span(s.Text, e.Evidence),
			Status: e.Status, Place: e.Place, Source: e.Source, Participants: e.Participants, Confirmed: e.Confirmed}
		if e.Time != "" {
			ev.Time = &doc.EventTime{Value: e.Time, Timex: -1}
		}
		d.Events = append(d.Events, ev)
	}
	return d
}

// Record builds the JSON record.
func (s Story) Record() *doc.Record { return doc.ToRecord(s.Document(), doc.EncodeOptions{}) }

var (
	marchuk = Ent{ID: "e1", Type: "PER", Name: "Olena Marchuk", Surface: []string{"Olena Marchuk", "Marchuk"}}
	nowak   = Ent{ID: "e2", Type: "PER", Name: "Piotr Nowak", Surface: []string{"Piotr Nowak", "Nowak"}}
	warsaw  = Ent{ID: "e3", Type: "LOC", Name: "Warsaw", KB: "geonames:756135", Surface: []string{"Warsaw", "WARSAW"}}
)

const grainText = `WARSAW, March 2 (Reuters) - Ukraine's foreign minister Olena Marchuk will meet her Polish counterpart Piotr Nowak in Warsaw on Wednesday to discuss grain exports and border crossings, the ministry said on Monday.

"We expect a fair deal for our farmers," Marchuk told reporters in Kyiv. Poland blocked 1.2 million tonnes of grain last month.`

// Stories returns the fixture stories: a planned meeting (English), an
// UPDATE of it (a near-duplicate), the meeting reported as held by another
// agency (German, same event, status planned → occurred), and an
// unrelated story whose text contains markup that must be shown as text.
func Stories() []Story {
	yes := true
	return []Story{
		{
			ID: "fx-1", Date: "2026-03-02", Lang: "en", Source: "Reuters",
			Title: "Ukraine and Poland to hold grain talks in Warsaw",
			Text:  grainText,
			Ents:  []Ent{marchuk, nowak, warsaw},
			Events: []Ev{{ID: "v1", Type: "CONSULT", Trigger: "meet", Evidence: "Olena Marchuk will meet her Polish counterpart Piotr Nowak in Warsaw on Wednesday",
				Status: "planned", Time: "2026-03-04", Place: "e3",
				Participants: []doc.Participant{{Entity: "e1", Role: "actor"}, {Entity: "e2", Role: "participant"}}}},
			Quotes:  []Qt{{Text: "We expect a fair deal for our farmers,", Speaker: "e1", SpeakerText: "Marchuk", Cue: "told", Lemma: "tell"}},
			Timexes: []Tx{{"Wednesday", "DATE", "2026-03-04"}, {"Monday", "DATE", "2026-03-02"}, {"last month", "DATE", "2026-02"}},
			Amounts: []Am{{"1.2 million tonnes", 1.2e6, "tonne"}},
		},
		{
			ID: "fx-2", Date: "2026-03-02", Lang: "en", Source: "Reuters",
			Title: "UPDATE 1-Ukraine and Poland to hold grain talks in Warsaw",
			Text:  grainText + "\n\n(Reporting by Anna Example)",
			Ents:  []Ent{marchuk, nowak, warsaw},
		},
		{
			ID: "fx-3", Date: "2026-03-04", Lang: "de", Source: "dpa",
			Title: "Marchuk und Nowak beraten in Warschau über Getreide",
			Text: `Warschau (dpa) - Die ukrainische Außenministerin Olena Marchuk hat sich am Mittwoch in Warschau mit ihrem polnischen Amtskollegen Piotr Nowak getroffen. Beide Seiten sprachen von einem konstruktiven Treffen über Getreideexporte.

„Wir sind einen Schritt weiter", sagte Nowak nach dem Gespräch.`,
			Ents: []Ent{marchuk, nowak, {ID: "e3", Type: "LOC", Name: "Warsaw", KB: "geonames:756135", Surface: []string{"Warschau"}}},
			Events: []Ev{{ID: "v1", Type: "CONSULT", Trigger: "getroffen", Evidence: "Olena Marchuk hat sich am Mittwoch in Warschau mit ihrem polnischen Amtskollegen Piotr Nowak getroffen",
				Status: "occurred", Time: "2026-03-04", Place: "e3", Confirmed: &yes,
				Participants: []doc.Participant{{Entity: "e1", Role: "participant"}, {Entity: "e2", Role: "participant"}}}},
			Quotes:  []Qt{{Text: "Wir sind einen Schritt weiter", Speaker: "e2", SpeakerText: "Nowak", Cue: "sagte", Lemma: "sagen"}},
			Timexes: []Tx{{"am Mittwoch", "DATE", "2026-03-04"}},
		},
		{
			ID: "fx-4", Date: "2026-03-05", Lang: "en", Source: "Example Wire",
			Title: "Berlin tech firm fixes <script> flaw",
			Text: `BERLIN, March 5 (Example Wire) - A Berlin software company said on Thursday it had fixed a flaw that let attackers inject <script>alert("pwned")</script> into its web pages.

The company, Brightline GmbH, said no customer data had been lost.`,
			Ents: []Ent{{ID: "e1", Type: "LOC", Name: "Berlin", KB: "geonames:2950159", Surface: []string{"Berlin", "BERLIN"}},
				{ID: "e2", Type: "ORG", Name: "Brightline GmbH", Surface: []string{"Brightline GmbH"}}},
			Events: []Ev{{ID: "v1", Type: "ASSAULT", Trigger: "inject", Evidence: "attackers inject", Status: "occurred", Place: "e1",
				Participants: []doc.Participant{{Entity: "e2", Role: "target"}}}},
			Timexes: []Tx{{"Thursday", "DATE", "2026-03-05"}},
		},
	}
}

// Records returns the fixture stories' records.
func Records() []*doc.Record {
	var out []*doc.Record
	for _, s := range Stories() {
		out = append(out, s.Record())
	}
	return out
}
