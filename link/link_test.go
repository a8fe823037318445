package link

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// ann is a hand-made NER annotation: every whole-word occurrence of text
// (or only the listed 1-based occurrences) is a mention of type typ.
type ann struct {
	text, typ, kind string
	nth             []int
}

// annotate builds the NER layer as the ner stage writes it: one entity per
// mention.
func annotate(d *doc.Document, anns []ann) {
	for _, a := range anns {
		n := 0
		for off := 0; ; {
			i := strings.Index(d.Text[off:], a.text)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(a.text)
			off = e
			if !boundary(d.Text, s, e, a.kind == doc.MentionDerived) {
				continue
			}
			n++
			if len(a.nth) > 0 && !contains(a.nth, n) {
				continue
			}
			k := a.kind
			if k == "" {
				k = doc.MentionName
			}
			d.Entities = append(d.Entities, doc.Entity{ID: "ner", Type: a.typ, Name: a.text,
				Mentions: []doc.Mention{{Span: doc.Span{Start: s, End: e}, Kind: k, Confidence: 0.9}}})
		}
	}
}

func boundary(t string, s, e int, derived bool) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:s])
		if unicode.IsLetter(r) || (!derived && r == '-') {
			return false
		}
	}
	if e < len(t) {
		r, _ := utf8.DecodeRuneInString(t[e:])
		if !derived && (unicode.IsLetter(r) || r == '-') {
			return false
		}
		if derived && unicode.IsLetter(r) && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func contains(l []int, n int) bool {
	for _, x := range l {
		if x == n {
			return true
		}
	}
	return false
}

func exampleDE(t testing.TB) *doc.Document {
	b, err := os.ReadFile("/work/shared/examples/reuters-de-2026-02-26.txt")
	if err != nil {
		b, err = os.ReadFile("testdata/reuters-de-2026-02-26.txt")
	}
	if err != nil {
		t.Skip("example story absent")
	}
	text := string(b)
	if i := strings.Index(text, "Kiew, 25. Feb"); i >= 0 {
		text = text[i:]
	}
	d := &doc.Document{Text: text, Lang: "de", Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: 28}, Places: []doc.Place{{Span: doc.Span{Start: 0, End: 4}}},
		Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC), Agencies: []string{"Reuters"}}
	annotate(d, []ann{
		{text: "USA", typ: "LOC"},
		{text: "russisch", typ: "LOC", kind: doc.MentionDerived, nth: []int{1}},
		{text: "US", typ: "LOC", kind: doc.MentionDerived},
		{text: "Donald Trump", typ: "PER"},
		{text: "Trump", typ: "PER", nth: []int{2}},
		{text: "Wolodymyr Selenskyj", typ: "PER"},
		{text: "Selenskyj", typ: "PER", nth: []int{2, 3, 4, 5, 6}},
		{text: "Russland", typ: "LOC"},
		{text: "Steve Witkoff", typ: "PER"},
		{text: "Jared Kushner", typ: "PER"},
		{text: "Genf", typ: "LOC"},
		{text: "Kiew", typ: "LOC", nth: []int{2, 3}},
		{text: "Jonas Gahr Støre", typ: "PER"},
		{text: "Ukraine", typ: "LOC"},
		{text: "Weltbank", typ: "ORG"},
		{text: "Kirill Dmitrijew", typ: "PER"},
		{text: "Tass", typ: "ORG"},
		{text: "Moskau", typ: "LOC"},
		{text: "Europa", typ: "LOC"},
		{text: "Zweiten Weltkrieg", typ: "MISC"},
		{text: "Donezk", typ: "LOC"},
		{text: "X", typ: "ORG"},
	})
	return d
}

func exampleEN(t testing.TB) *doc.Document {
	b, err := os.ReadFile("testdata/reuters-en-2026-02-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b), Lang: "en"}
	d.Dateline = &doc.Dateline{Places: []doc.Place{{Span: doc.Span{Start: 0, End: 4}}},
		Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC), Agencies: []string{"Reuters"}}
	annotate(d, []ann{
		{text: "KYIV", typ: "LOC"},
		{text: "U.S.", typ: "LOC", kind: doc.MentionDerived},
		{text: "Donald Trump", typ: "PER"},
		{text: "Trump", typ: "PER", nth: []int{2}},
		{text: "Russia", typ: "LOC"},
		{text: "Ukraine", typ: "LOC"},
		{text: "Ukrainian", typ: "MISC", kind: doc.MentionDerived},
		{text: "Volodymyr Zelenskiy", typ: "PER"},
		{text: "Zelenskiy", typ: "PER", nth: []int{2, 3}},
		{text: "Steve Witkoff", typ: "PER"},
		{text: "Jared Kushner", typ: "PER"},
		{text: "Geneva", typ: "LOC"},
		{text: "Kyiv", typ: "LOC"},
		{text: "Norwegian", typ: "MISC", kind: doc.MentionDerived},
		{text: "Jonas Gahr Store", typ: "PER"},
		{text: "Russian", typ: "MISC", kind: doc.MentionDerived},
		{text: "Kirill Dmitriev", typ: "PER"},
		{text: "TASS", typ: "ORG"},
		{text: "Moscow", typ: "LOC"},
		{text: "Donetsk", typ: "LOC"},
		{text: "Kremlin", typ: "ORG"},
	})
	return d
}

// mentionsOf returns the id of the entity holding a mention with the given
// text (nth occurrence, 1-based, in text order) and the mention's kind.
func mentionOf(d *doc.Document, text string, nth int) (id, kind string) {
	type hit struct {
		start    int
		id, kind string
	}
	var hits []hit
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if d.Slice(m.Span) == text {
				hits = append(hits, hit{m.Start, e.ID, m.Kind})
			}
		}
	}
	for i := range hits {
		for j := i + 1; j < len(hits); j++ {
			if hits[j].start < hits[i].start {
				hits[i], hits[j] = hits[j], hits[i]
			}
		}
	}
	if nth-1 < len(hits) {
		return hits[nth-1].id, hits[nth-1].kind
	}
	return "", ""
}

func newLinker(t testing.TB) *Linker {
	l, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLink_Example(t *testing.T) {
	l := newLinker(t)
	de := exampleDE(t)
	en := exampleEN(t)
	l.Link(de)
	l.Link(en)
	tests := []struct {
		d        *doc.Document
		text     string
		nth      int
		id, kind string
	}{
		{de, "Donald Trump", 1, "dl:person:donald-trump", "name"},
		{de, "Trump", 1, "dl:person:donald-trump", "name"},
		{de, "US-Präsident", 1, "dl:person:donald-trump", "role"}, // the second, alone
		{de, "Staatschefs", 1, "", ""},                            // plural: no one person
		{de, "Europa", 1, "dl:place:europe", "name"},
		{de, "Wolodymyr Selenskyj", 1, "dl:person:volodymyr-zelenskyy", "name"},
		{de, "Selenskyj", 1, "dl:person:volodymyr-zelenskyy", "name"},
		{de, "Selenskyj", 5, "dl:person:volodymyr-zelenskyy", "name"},
		{de, "Kirill Dmitrijew", 1, "dl:person:kirill-dmitriev", "name"},
		{de, "Steve Witkoff", 1, "dl:person:steve-witkoff", "name"},
		{de, "Jonas Gahr Støre", 1, "dl:person:jonas-gahr-store", "name"},
		{de, "Kiew", 1, "geonames:703448", "name"}, // dateline
		{de, "Kiew", 2, "geonames:703448", "name"},
		{de, "Kiew", 3, "iso3166:UA", "metonym"}, // Positionen von Moskau und Kiew
		{de, "Genf", 1, "geonames:2660646", "name"},
		{de, "Moskau", 1, "iso3166:RU", "metonym"}, // Bestätigung aus Moskau
		{de, "Moskau", 2, "iso3166:RU", "metonym"},
		{de, "Moskau", 3, "geonames:524901", "name"}, // die Regierung in Moskau
		{de, "Donezk", 1, "iso3166:UA-14", "name"},
		{de, "russisch", 1, "iso3166:RU", "derived"},
		{de, "US", 1, "iso3166:US", "derived"},
		{de, "USA", 1, "iso3166:US", "name"},
		{de, "Russland", 1, "iso3166:RU", "name"},
		{de, "Weltbank", 1, "dl:org:world-bank", "name"},
		{de, "Tass", 1, "dl:org:tass", "name"},
		{en, "Volodymyr Zelenskiy", 1, "dl:person:volodymyr-zelenskyy", "name"},
		{en, "Zelenskiy", 2, "dl:person:volodymyr-zelenskyy", "name"},
		{en, "president", 1, "dl:person:donald-trump", "role"},
		{en, "President", 1, "dl:person:donald-trump", "role"}, // appositive title
		{en, "Kirill Dmitriev", 1, "dl:person:kirill-dmitriev", "name"},
		{en, "Jonas Gahr Store", 1, "dl:person:jonas-gahr-store", "name"},
		{en, "KYIV", 1, "geonames:703448", "name"},
		{en, "Kyiv", 1, "geonames:703448", "name"},
		{en, "Kyiv", 2, "iso3166:UA", "metonym"},
		{en, "Geneva", 1, "geonames:2660646", "name"},
		{en, "Moscow", 1, "iso3166:RU", "metonym"},
		{en, "Moscow", 2, "iso3166:RU", "metonym"},
		{en, "Donetsk", 1, "iso3166:UA-14", "name"},
		{en, "Kremlin", 1, "iso3166:RU", "metonym"},
		{en, "he", 1, "dl:person:volodymyr-zelenskyy", "pronoun"},
	}
	for _, tt := range tests {
		id, kind := mentionOf(tt.d, tt.text, tt.nth)
		if id != tt.id || kind != tt.kind {
			t.Errorf("%s: %q #%d: got %s (%s), want %s (%s)", tt.d.Lang, tt.text, tt.nth, id, kind, tt.id, tt.kind)
		}
	}
	if got := de.Dateline.Places[0].Entity; got != "geonames:703448" {
		t.Errorf("dateline place: got %q, want geonames:703448", got)
	}
	// One entity per real-world entity.
	seen := map[string]bool{}
	for _, e := range de.Entities {
		if seen[e.ID] {
			t.Errorf("entity %s appears twice", e.ID)
		}
		seen[e.ID] = true
	}
	if t.Failed() {
		for _, e := range de.Entities {
			t.Logf("%s %s %q", e.ID, e.Type, e.Name)
			for _, m := range e.Mentions {
				t.Logf("    %q %s", de.Slice(m.Span), m.Kind)
			}
		}
	}
}
