package event

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

func TestEval_meantime(t *testing.T) {
	dir := shareddata.Require(t, "events", "meantime-en", "intra-doc_annotation")
	w := io.Discard
	if testing.Verbose() {
		w = os.Stdout
	}
	s, err := EvalWith("meantime", dir, w, EvalOptions{Verbose: os.Getenv("EVENT_VERBOSE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	if s.Docs != 120 {
		t.Errorf("read %d documents, want 120", s.Docs)
	}
	t.Logf("MEANTIME: %s", s)
}

func TestEval_badFormat(t *testing.T) {
	if _, err := Eval("nope", ".", io.Discard); err == nil || !strings.Contains(err.Error(), "unknown eval format") {
		t.Fatalf("err = %v", err)
	}
}

func TestEval_gold(t *testing.T) {
	w := io.Discard
	if testing.Verbose() {
		w = os.Stdout
	}
	s, err := EvalWith("gold", "testdata/gold", w, EvalOptions{Verbose: os.Getenv("EVENT_VERBOSE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	if s.Gold < 30 {
		t.Errorf("%d gold events, want at least 30", s.Gold)
	}
	t.Logf("gold: %s", s)
	if p := s.Precision(); p < 0.85 {
		t.Errorf("precision %.3f, want at least 0.85", p)
	}
}
