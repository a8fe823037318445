// Run Eval on any path while the CLI is not wired:
//
//	QCORPUS=polnear QPATH=../../shared/data/quotes/polnear-en/train go test -run EvalRun -v .

package quote

import (
	"os"
	"testing"
)

func TestEvalRun(t *testing.T) {
	c, p := os.Getenv("QCORPUS"), os.Getenv("QPATH")
	if c == "" {
		t.Skip()
	}
	if _, err := Eval(c, p, os.Stdout); err != nil {
		t.Fatal(err)
	}
}
