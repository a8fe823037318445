package event

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// The helpers in this file build a document's layers by hand, the way the
// segment, ner, link and timex stages will, so the event stage can be
// tested on its own.

// splitSentences is a small sentence splitter for tests: it ends a
// sentence after '.', '!' or '?' (and a closing quote) followed by space
// and a capital letter or quote, unless a digit precedes the dot; and at
// blank lines.
func splitSentences(text string) []doc.Sentence {
	var out []doc.Sentence
	start := -1
	emit := func(end int) {
		if start >= 0 {
			e := end
			for e > start && (text[e-1] == ' ' || text[e-1] == '\n') {
				e--
			}
			if e > start {
				out = append(out, doc.Sentence{Span: doc.Span{Start: start, End: e}, First: -1, Last: -1})
			}
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		if r == '\n' && strings.HasPrefix(text[i+1:], "\n") {
			emit(i)
		}
		if (r == '.' || r == '!' || r == '?') && start >= 0 {
			j := i + n
			for j < len(text) && strings.ContainsRune("\"“”»«'", rune(text[j])) {
				j++
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				k := j
				for k < len(text) && (text[k] == ' ' || text[k] == '\n') {
					k++
				}
				prevDigit := i > 0 && text[i-1] >= '0' && text[i-1] <= '9'
				if k < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[k:])
					if (unicode.IsUpper(nr) || nr == '"' || nr == '„') && !prevDigit {
						emit(j)
						i = k
						continue
					}
				}
			}
			if j >= len(text) {
				emit(j)
			}
		}
		i += n
	}
	emit(len(text))
	return out
}

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

// occurrences returns the byte offsets of whole-word occurrences of s.
func occurrences(text, s string) []int {
	var out []int
	for i := 0; ; {
		k := strings.Index(text[i:], s)
		if k < 0 {
			return out
		}
		p := i + k
		before, _ := utf8.DecodeLastRuneInString(text[:p])
		after, _ := utf8.DecodeRuneInString(text[p+len(s):])
		okB := p == 0 || !unicode.IsLetter(before)
		okA := p+len(s) == len(text) || !unicode.IsLetter(after) || strings.HasSuffix(s, "-")
		if okB && okA {
			out = append(out, p)
		}
		i = p + len(s)
	}
}

func pick(text, spec string) (string, []int) {
	s, nth := spec, 0
	if i := strings.LastIndex(spec, "#"); i > 0 {
		fmt.Sscanf(spec[i+1:], "%d", &nth)
		s = spec[:i]
	}
	occ := occurrences(text, s)
	if nth > 0 {
		if nth > len(occ) {
			return s, nil
		}
		return s, occ[nth-1 : nth]
	}
	return s, occ
}

// buildDoc returns a document with hand-built sentence, entity and time
// layers.
func buildDoc(t testing.TB, lang, text string, ents []ent, timexes []tx) *doc.Document {
	t.Helper()
	d := &doc.Document{ID: "test", Lang: lang, Text: text, Sentences: splitSentences(text)}
	for _, e := range ents {
		de := doc.Entity{ID: e.id, Type: e.typ, Name: e.name}
		for _, m := range e.mentions {
			kind := doc.MentionName
			if k, rest, ok := strings.Cut(m, ":"); ok && (k == "role" || k == "derived" || k == "metonym" || k == "name" || k == "pronoun") {
				kind, m = k, rest
			}
			s, occ := pick(text, m)
			if len(occ) == 0 {
				t.Fatalf("entity %s: mention %q not in text", e.id, m)
			}
			span := s
			if kind == doc.MentionDerived {
				span = strings.TrimSuffix(s, "-")
			}
			for _, p := range occ {
				de.Mentions = append(de.Mentions, doc.Mention{Span: doc.Span{Start: p, End: p + len(span)}, Kind: kind, Confidence: 1})
			}
		}
		d.Entities = append(d.Entities, de)
	}
	for _, x := range timexes {
		s, occ := pick(text, x.text)
		if len(occ) == 0 {
			t.Fatalf("timex %q not in text", x.text)
		}
		for _, p := range occ {
			d.Timexes = append(d.Timexes, doc.Timex{Span: doc.Span{Start: p, End: p + len(s)}, Type: "DATE", Value: x.value})
		}
	}
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

// describe renders an event on one line, for test output.
func describe(d *doc.Document, e doc.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.ID, e.Type)
	if e.Mode != "" {
		fmt.Fprintf(&b, "/%s", e.Mode)
	}
	if e.Format != "" {
		fmt.Fprintf(&b, " [%s]", e.Format)
	}
	fmt.Fprintf(&b, " %q", d.Slice(e.Trigger))
	for _, p := range e.Participants {
		fmt.Fprintf(&b, " %s:%s", p.Role, p.Entity)
	}
	if e.Place != "" {
		fmt.Fprintf(&b, " @%s", e.Place)
	}
	if e.Time != nil {
		fmt.Fprintf(&b, " t=%s", e.Time.Value)
	}
	fmt.Fprintf(&b, " %s", e.Status)
	if e.Source != "" {
		fmt.Fprintf(&b, " src=%s", e.Source)
	}
	if e.Confirmed != nil {
		fmt.Fprintf(&b, " confirmed=%v", *e.Confirmed)
	}
	if e.About != nil {
		fmt.Fprintf(&b, " about=%q", d.Slice(*e.About))
	}
	return b.String()
}
