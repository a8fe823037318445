package quote_test

import (
	"fmt"
	"strings"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/quote"
)

// Extract works on any document; tokens, sentences and entities come from
// earlier stages when there are some (here the entity is built by hand).
func ExampleExtractor_Extract() {
	text := "Die Verhandlungen seien schwierig, teilte Außenministerin Anna Berg am Montag in Wien mit. " +
		"Man arbeite aber an einer Lösung. „Wir geben nicht auf“, schrieb Berg auf X."
	d := &doc.Document{Text: text, Lang: "de"}
	berg := doc.Entity{ID: "berg", Type: "PER", Name: "Anna Berg"}
	for _, at := range []int{strings.Index(text, "Anna Berg"), strings.LastIndex(text, "Berg")} {
		n := len("Berg")
		if strings.HasPrefix(text[at:], "Anna") {
			n = len("Anna Berg")
		}
		berg.Mentions = append(berg.Mentions, doc.Mention{Span: doc.Span{Start: at, End: at + n}, Kind: doc.MentionName})
	}
	d.Entities = []doc.Entity{berg}
	x, err := quote.New("de")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range x.Extract(d) {
		cue, channel := "", ""
		if q.Cue != nil {
			cue = q.Cue.Lemma
		}
		if q.Channel != nil {
			channel = d.Slice(*q.Channel)
		}
		fmt.Printf("%s | %s | %s | %q | %q\n", q.Kind, q.Speaker, cue, channel, d.Slice(q.Span))
	}
	// Output:
	// indirect | berg | mitteilen | "" | "Die Verhandlungen seien schwierig"
	// indirect | berg |  | "" | "Man arbeite aber an einer Lösung"
	// direct | berg | schreiben | "auf X" | "Wir geben nicht auf"
}
