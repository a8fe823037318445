package quote

import (
	"os"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// TestEval_Corpora runs Eval on the shared corpora (skipped when absent)
// and logs the figures: go test -run Eval_Corpora -v ./quote
func TestEval_Corpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	cases := []struct{ corpus, path string }{
		{"spkatt", "quotes/spkatt2023-de/train/task1"},
		{"polnear", "quotes/polnear-en/dev"},
		{"redewiedergabe", "quotes/redewiedergabe-de/data/main/tsv"},
	}
	for _, c := range cases {
		t.Run(c.corpus, func(t *testing.T) {
			p := shareddata.Require(t, c.path)
			sc, err := Eval(c.corpus, p, os.Stderr)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Docs == 0 {
				t.Errorf("no documents scored")
			}
		})
	}
}
