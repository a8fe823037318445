package segment

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// TestEvalSentences runs the evaluation on the shared gold corpora and logs
// the figures. Set SEGMENT_ERRORS=N to log a sample of N wrong boundaries
// per corpus and kind.
func TestEvalSentences(t *testing.T) {
	shareddata.Require(t, "quotes")
	dir, err := shareddata.Dir()
	if err != nil {
		t.Fatal(err)
	}
	var errs []evalError
	var buf bytes.Buffer
	var scores Scores
	scores, err = evalSentences(dir, &buf, func(e evalError) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", buf.String())
	if n := os.Getenv("SEGMENT_ERRORS"); n != "" {
		var k int
		fmt.Sscan(n, &k)
		rng := rand.New(rand.NewSource(1))
		rng.Shuffle(len(errs), func(i, j int) { errs[i], errs[j] = errs[j], errs[i] })
		count := map[string]int{}
		for _, e := range errs {
			key := fmt.Sprint(e.Corpus, e.Missed)
			if count[key] >= k {
				continue
			}
			count[key]++
			kind := "FALSE"
			if e.Missed {
				kind = "MISSED"
			}
			t.Logf("%s %s %s: %s", e.Corpus, kind, e.Doc, e.Context)
		}
	}
	for _, sc := range scores {
		if sc.Gold == 0 || sc.Predicted == 0 {
			t.Errorf("%s: gold %d, predicted %d: reader or segmenter broken", sc.Corpus, sc.Gold, sc.Predicted)
		}
	}
}
