package segment_test

import (
	"fmt"

	"github.com/dateline/dateline/segment"
)

func Example() {
	s, err := segment.New("de")
	if err != nil {
		panic(err)
	}
	text := `Kiew, 25. Feb (Reuters) - US-Präsident Trump strebt z. B. ein Treffen an. "Dies ist der einzige Weg", schrieb Selenskyj auf X. Die Kosten: ca. 588 Mrd. Dollar.`
	toks := s.Tokens(text, nil)
	for _, sent := range s.Sentences(text, toks, nil) {
		fmt.Printf("%d tokens: %s\n", sent.Last-sent.First, text[sent.Start:sent.End])
	}
	// Output:
	// 17 tokens: Kiew, 25. Feb (Reuters) - US-Präsident Trump strebt z. B. ein Treffen an.
	// 12 tokens: "Dies ist der einzige Weg", schrieb Selenskyj auf X.
	// 8 tokens: Die Kosten: ca. 588 Mrd. Dollar.
}
