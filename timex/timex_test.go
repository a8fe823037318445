package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
)

// exampleAnchor is the anchor of the rule files' examples: Wednesday
// 2026-02-25.
var exampleAnchor = time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)

func mustTagger(t testing.TB, code string) *Tagger {
	t.Helper()
	tg, err := For(code)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestRuleExamples runs every rule's example through the whole tagger:
// the example's marked part must be found, and with "=> WANT" get that
// value (anchor 2026-02-25).
func TestRuleExamples(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		tg := mustTagger(t, code)
		for _, r := range tg.Rules().Rules {
			for _, ex := range r.Examples {
				got := tg.Tag(ex.Text, exampleAnchor, nil)
				if r.Attrs["value"] == "-" {
					for _, tx := range got {
						if tx.Start <= ex.Start && tx.End >= ex.End {
							t.Errorf("%s:%d: %s: %q tagged %q, want nothing", r.File, ex.Line, r.Name, ex.Text, ex.Text[tx.Start:tx.End])
						}
					}
					continue
				}
				var found *doc.Timex
				for i := range got {
					if got[i].Start <= ex.Start && got[i].End >= ex.End {
						found = &got[i]
					}
				}
				if found == nil {
					t.Errorf("%s:%d: %s: %q: %q not tagged (got %v)", r.File, ex.Line, r.Name, ex.Text, ex.Text[ex.Start:ex.End], got)
					continue
				}
				if ex.Want != "" && found.Value != ex.Want {
					t.Errorf("%s:%d: %s: %q: value %q, want %q", r.File, ex.Line, r.Name, ex.Text, found.Value, ex.Want)
				}
			}
		}
	}
}

func storyDoc(t testing.TB) *doc.Document {
	t.Helper()
	text := `Kiew, 25. Feb (Reuters) - Bei den von den USA moderierten russisch-ukrainischen Verhandlungen zur Beendigung des Krieges strebt auch US-Präsident Donald Trump nach Angaben des ukrainischen Präsidenten Wolodymyr Selenskyj ein Spitzentreffen an.

Die für Anfang März geplanten trilateralen Gespräche mit Russland sollten den Weg für eine Begegnung der Staatschefs ebnen, teilte Selenskyj am Mittwoch nach einem Telefonat mit Trump mit. Der US-Präsident unterstütze diese Vorgehensweise.

Am Donnerstag wollen ukrainische und US-Vertreter in Genf bilateral über den Wiederaufbau nach dem Krieg beraten. Der Wiederaufbau der Ukraine ist ein zentraler Bestandteil der Gespräche zur Beendigung des Krieges, der in dieser Woche in sein fünftes Jahr geht. Nach einer Schätzung der Weltbank belaufen sich die Kosten für den Wiederaufbau der Wirtschaft auf 588 Milliarden Dollar.

Auch der russische Gesandte Kirill Dmitrijew wird einem Bericht der Nachrichtenagentur Tass zufolge am Donnerstag zu Gesprächen mit US-Vertretern in Genf erwartet.`
	d := &doc.Document{Text: text, Lang: "de", Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: 26}, Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)}
	return d
}

// TestStage_Story checks the founding example's bars.
func TestStage_Story(t *testing.T) {
	d := storyDoc(t)
	if err := Stage().Process(d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, value, mod string }{
		{"25. Feb", "2026-02-25", ""},
		{"Anfang März", "2026-03", "START"},
		{"Mittwoch", "2026-02-25", ""},
		{"Donnerstag", "2026-02-26", ""},
		{"dieser Woche", "2026-W09", ""},
		{"Donnerstag", "2026-02-26", ""},
	}
	var got []string
	for _, tx := range d.Timexes {
		got = append(got, d.Slice(tx.Span)+"="+tx.Value+"/"+tx.Mod)
		if tx.Anchor != "" && tx.Anchor != "2026-02-25" {
			t.Errorf("%q anchored on %q, want 2026-02-25", d.Slice(tx.Span), tx.Anchor)
		}
	}
	var w []string
	for _, x := range want {
		w = append(w, x.text+"="+x.value+"/"+x.mod)
	}
	if strings.Join(got, " | ") != strings.Join(w, " | ") {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " | "), strings.Join(w, " | "))
	}
}

func TestTag_Unanchored(t *testing.T) {
	tg := mustTagger(t, "de")
	got := tg.Tag("Am Mittwoch und Anfang März, gestern.", time.Time{}, nil)
	var s []string
	for _, tx := range got {
		s = append(s, tx.Value+"@"+tx.Anchor)
	}
	want := "XXXX-WXX-3@ | XXXX-03@ | UNDEF-day-1@"
	if strings.Join(s, " | ") != want {
		t.Errorf("got %q, want %q", strings.Join(s, " | "), want)
	}
}

func TestWeekday(t *testing.T) {
	wed := exampleAnchor
	cases := []struct {
		name          string
		n, dir, tense int
		want          string
	}{
		{"past same day", 3, 0, TensePast, "2026-02-25"},
		{"future next day", 4, 0, TenseFuture, "2026-02-26"},
		{"past thursday", 4, 0, TensePast, "2026-02-19"},
		{"nearest monday", 1, 0, TenseUnknown, "2026-02-23"},
		{"nearest friday", 5, 0, TenseUnknown, "2026-02-27"},
		{"last wednesday", 3, -1, TenseUnknown, "2026-02-18"},
		{"next wednesday", 3, 1, TenseUnknown, "2026-03-04"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := weekday(wed, c.n, c.dir, c.tense).Format("2006-01-02"); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}
