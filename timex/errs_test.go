package timex

import (
	"os"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// TestEvalErrors writes the TBAQ error list to $TIMEX_ERRORS (a tuning aid).
func TestEvalErrors(t *testing.T) {
	p := os.Getenv("TIMEX_ERRORS")
	if p == "" {
		t.Skip("set TIMEX_ERRORS=FILE to write the TBAQ error list")
	}
	dir := shareddata.Require(t, "time", "tempeval3-en", "TBAQ-cleaned")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc, err := EvalTimeML(dir, EvalOptions{Errors: f}, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	_ = sc
}
