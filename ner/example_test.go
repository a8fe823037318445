package ner_test

import (
	"fmt"
	"strings"

	"github.com/dateline/dateline/ner"
)

func Example() {
	m, err := ner.Load("en")
	if err != nil {
		fmt.Println(err)
		return
	}
	toks := strings.Fields("German Chancellor Helmut Kohl met Bill Clinton in Paris on Tuesday .")
	fmt.Println(strings.Join(m.Tag(toks), " "))
	// Output: B-MISC O B-PER I-PER O B-PER I-PER O B-LOC O O O
}
