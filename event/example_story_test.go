package event

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

// want is an expected event: matched by type, mode and trigger text;
// participants are "role:entity" and must all be present (others may be).
type want struct {
	typ, mode, trigger string
	participants       []string
	place, time        string
	status, source     string
	confirmed          string // "true", "false" or "" for null
	about              string // substring of the issue, "" to skip
	format             string
}

func findEvent(d *doc.Document, w want) *doc.Event {
	for i, e := range d.Events {
		if e.Type == w.typ && e.Mode == w.mode && d.Slice(e.Trigger) == w.trigger {
			return &d.Events[i]
		}
	}
	return nil
}

func checkEvent(t *testing.T, d *doc.Document, w want) {
	t.Helper()
	e := findEvent(d, w)
	if e == nil {
		t.Errorf("no %s/%s event on %q", w.typ, w.mode, w.trigger)
		return
	}
	got := map[string]bool{}
	for _, p := range e.Participants {
		got[p.Role+":"+p.Entity] = true
	}
	for _, p := range w.participants {
		if !got[p] {
			t.Errorf("%s %q: participants %v, want %s among them", w.typ, w.trigger, e.Participants, p)
		}
	}
	if e.Place != w.place {
		t.Errorf("%s %q: place %q, want %q", w.typ, w.trigger, e.Place, w.place)
	}
	gotTime := ""
	if e.Time != nil {
		gotTime = e.Time.Value
	}
	if gotTime != w.time {
		t.Errorf("%s %q: time %q, want %q", w.typ, w.trigger, gotTime, w.time)
	}
	if e.Status != w.status {
		t.Errorf("%s %q: status %q, want %q", w.typ, w.trigger, e.Status, w.status)
	}
	if e.Source != w.source {
		t.Errorf("%s %q: source %q, want %q", w.typ, w.trigger, e.Source, w.source)
	}
	gotConf := ""
	if e.Confirmed != nil {
		gotConf = map[bool]string{true: "true", false: "false"}[*e.Confirmed]
	}
	if gotConf != w.confirmed {
		t.Errorf("%s %q: confirmed %q, want %q", w.typ, w.trigger, gotConf, w.confirmed)
	}
	if w.about != "" && (e.About == nil || !strings.Contains(d.Slice(*e.About), w.about)) {
		t.Errorf("%s %q: about %v, want it to contain %q", w.typ, w.trigger, e.About, w.about)
	}
	if w.format != "" && e.Format != w.format {
		t.Errorf("%s %q: format %q, want %q", w.typ, w.trigger, e.Format, w.format)
	}
	if !e.Evidence.Valid(len(d.Text)) || e.Trigger.Start < e.Evidence.Start || e.Trigger.End > e.Evidence.End {
		t.Errorf("%s %q: evidence %v does not hold the trigger %v", w.typ, w.trigger, e.Evidence, e.Trigger)
	}
}

// exampleBars are the quality bars of issue 7 for the example story, with
// the entity ids of the hand-built layers.
var exampleBars = []want{
	{typ: "CONSULT", mode: "phone", trigger: "Telefonat", time: "2026-02-25", status: "occurred",
		participants: []string{"participant:Q-zelensky", "participant:Q-trump", "participant:Q-witkoff", "participant:Q-kushner"}},
	{typ: "CONSULT", mode: "talks", trigger: "Gespräche", time: "2026-03", status: "planned", source: "Q-zelensky",
		participants: []string{"participant:Q-russia"}, format: "trilateral"},
	{typ: "CONSULT", mode: "talks", trigger: "beraten", place: "Q-geneva", time: "2026-02-26", status: "planned",
		participants: []string{"participant:Q-ukraine", "participant:Q-usa"}, format: "bilateral", about: "Wiederaufbau"},
	{typ: "CONSULT", mode: "talks", trigger: "Gesprächen", place: "Q-geneva", time: "2026-02-26", status: "expected",
		source: "Q-tass", confirmed: "false", participants: []string{"participant:Q-dmitriev", "participant:Q-usa"}},
	{typ: "CONSULT", mode: "talks", trigger: "Verhandlungen", status: "occurred", source: "Q-zelensky", format: "mediated",
		participants: []string{"participant:Q-russia", "participant:Q-ukraine", "mediator:Q-usa"}},
	{typ: "DEMAND", trigger: "fordert", status: "occurred", participants: []string{"actor:Q-russia"}, about: "Abtretung der verbleibenden 20 Prozent der Region Donezk"},
	{typ: "REJECT", trigger: "ablehnt", status: "occurred", participants: []string{"actor:Q-ukraine", "target:Q-russia"}, about: "Donezk"},
	{typ: "DISAPPROVE", trigger: "Vorbehalte", status: "occurred", participants: []string{"actor:Q-russia"}, about: "Sicherheitsgarantien"},
	{typ: "DEMAND", trigger: "geforderten", status: "occurred", participants: []string{"actor:Q-ukraine"}, about: "Sicherheitsgarantien"},
	{typ: "SUPPORT", trigger: "unterstütze", status: "occurred", source: "Q-zelensky", participants: []string{"actor:Q-trump"}},
}

func TestExtract_exampleStoryHandBuilt(t *testing.T) {
	d := exampleDoc(t)
	if err := Extract(d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		t.Log(describe(d, e))
	}
	for _, w := range exampleBars {
		checkEvent(t, d, w)
	}
	// the call is one event, not two
	n := 0
	for _, e := range d.Events {
		if e.Mode == "phone" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d phone events, want 1 (\"dem Telefonat\" refers back)", n)
	}
	// no participant without a solid mention, no MISC
	for _, e := range d.Events {
		for _, p := range e.Participants {
			if p.Entity == "Q-donetsk" || p.Entity == "Q-tass" || p.Entity == "Q-geneva" {
				t.Errorf("%s: %s should not take part", describe(d, e), p.Entity)
			}
		}
	}
}
