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
