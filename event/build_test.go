package event

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
)

// The helpers in this file build a document's layers by hand, the way the
// segment, ner, link and timex stages will, so the event stage can be
// tested on its own.

// ent describes an entity for a hand-built document: mentions are given as
// "kind:text" (kind one of name, role, derived, metonym; "name" may be
// left out); every whole-word occurrence of text becomes a mention, unless
// text ends in "#n" (only the n-th occurrence, 1-based).
type ent struct {
	id, typ, name string
	mentions      []string
}

type tx struct {
	text, value string
}

// buildDoc returns a document with hand-built sentence, entity and time
// layers.
func buildDoc(t testing.TB, lang, text string, ents []ent, timexes []tx) *doc.Document {
	t.Helper()
	g := Gold{ID: "test", Lang: lang, Text: text}
	for _, e := range ents {
		g.Entities = append(g.Entities, GoldEntity{ID: e.id, Type: e.typ, Name: e.name, Mentions: e.mentions})
	}
	for _, x := range timexes {
		g.Timexes = append(g.Timexes, GoldTimex{Text: x.text, Value: x.value})
	}
	d, err := g.Document()
	if err != nil {
		t.Fatal(err)
	}
	d.Text = text
	return d
}

// exampleStory reads the example story from the shared folder beside the
// repository, or skips.
func exampleStory(t testing.TB) string {
	t.Helper()
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			b, err := os.ReadFile(filepath.Join(dir, "..", "shared", "examples", "reuters-de-2026-02-26.txt"))
			if err != nil {
				t.Skipf("example story absent: %v", err)
			}
			s := strings.TrimSpace(string(b))
			if strings.HasPrefix(s, "date ") {
				s = strings.TrimSpace(s[len("date 2026-02-26"):])
			}
			return s
		}
		if filepath.Dir(dir) == dir {
			t.Skip("no repository root")
		}
	}
}

// exampleDoc builds the example story's layers by hand.
func exampleDoc(t testing.TB) *doc.Document {
	text := exampleStory(t)
	ents := []ent{
		{"Q-usa", "LOC", "United States", []string{"USA", "derived:US-"}},
		{"Q-trump", "PER", "Donald Trump", []string{"Donald Trump", "Trump#2", "role:US-Präsident#2"}},
		{"Q-zelensky", "PER", "Volodymyr Zelensky", []string{"Wolodymyr Selenskyj", "Selenskyj"}},
		{"Q-russia", "LOC", "Russia", []string{"Russland", "derived:russisch", "derived:russische"}},
		{"Q-ukraine", "LOC", "Ukraine", []string{"Ukraine", "derived:ukrainischen", "derived:ukrainische"}},
		{"Q-moscow", "LOC", "Moscow", []string{"Moskau"}},
		{"Q-kyiv", "LOC", "Kyiv", []string{"Kiew"}},
		{"Q-witkoff", "PER", "Steve Witkoff", []string{"Steve Witkoff"}},
		{"Q-kushner", "PER", "Jared Kushner", []string{"Jared Kushner"}},
		{"Q-geneva", "LOC", "Geneva", []string{"Genf"}},
		{"Q-norway", "LOC", "Norway", []string{"derived:norwegischen"}},
		{"Q-store", "PER", "Jonas Gahr Støre", []string{"Jonas Gahr Støre"}},
		{"Q-dmitriev", "PER", "Kirill Dmitriev", []string{"Kirill Dmitrijew"}},
		{"Q-tass", "ORG", "TASS", []string{"Tass"}},
		{"Q-worldbank", "ORG", "World Bank", []string{"Weltbank"}},
		{"Q-x", "ORG", "X", []string{"X"}},
		{"Q-europe", "LOC", "Europe", []string{"Europa"}},
		{"Q-donetsk", "LOC", "Donetsk", []string{"Donezk"}},
	}
	timexes := []tx{
		{"25. Feb", "2026-02-25"},
		{"Anfang März", "2026-03"},
		{"Mittwoch", "2026-02-25"},
		{"Donnerstag", "2026-02-26"},
		{"in dieser Woche", "2026-W09"},
		{"derzeit", "PRESENT_REF"},
	}
	d := buildDoc(t, "de", text, ents, timexes)
	d.Date = time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)
	dl := strings.Index(text, " - ") + 2
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: dl}, Places: []doc.Place{{Span: doc.Span{Start: 0, End: len("Kiew")}, Entity: "Q-kyiv"}},
		Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC), Agencies: []string{"Reuters"}}
	return d
}

func describe(d *doc.Document, e doc.Event) string { return describeEvent(d, e) }
