package link_test

import (
	"fmt"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/link"
)

func Example() {
	text := "Der US-Präsident Donald Trump telefonierte mit Wolodymyr Selenskyj. Eine Bestätigung aus Moskau lag nicht vor. Selenskyjs Büro sagte, der US-Präsident unterstütze den Plan."
	d := &doc.Document{Text: text, Lang: "de", Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)}
	// NER output: one entity per mention.
	for _, m := range []struct{ s, typ, kind string }{
		{"US", "LOC", "derived"}, {"Donald Trump", "PER", "name"}, {"Wolodymyr Selenskyj", "PER", "name"},
		{"Moskau", "LOC", "name"}, {"Selenskyjs", "PER", "name"},
	} {
		i := indexWord(text, m.s)
		d.Entities = append(d.Entities, doc.Entity{Type: m.typ, Mentions: []doc.Mention{{Span: doc.Span{Start: i, End: i + len(m.s)}, Kind: m.kind}}})
	}
	l, err := link.New(nil)
	if err != nil {
		panic(err)
	}
	l.Link(d)
	for _, e := range d.Entities {
		fmt.Printf("%s (%s)\n", e.ID, e.Name)
		for _, m := range e.Mentions {
			fmt.Printf("  %-20s %s\n", d.Slice(m.Span), m.Kind)
		}
	}
	// Output:
	// iso3166:US (United States)
	//   US                   derived
	// dl:person:donald-trump (Donald Trump)
	//   US-Präsident         role
	//   Donald Trump         name
	//   US-Präsident         role
	// dl:person:volodymyr-zelenskyy (Volodymyr Zelenskyy)
	//   Wolodymyr Selenskyj  name
	//   Selenskyjs           name
	// iso3166:RU (Russia)
	//   Moskau               metonym
}

// indexWord finds s as a word (for "US" not inside "USA").
func indexWord(text, s string) int {
	for i := 0; i+len(s) <= len(text); i++ {
		if text[i:i+len(s)] == s && (i+len(s) == len(text) || text[i+len(s)] == ' ' || text[i+len(s)] == '-' || text[i+len(s)] == '.') {
			return i
		}
	}
	return -1
}
