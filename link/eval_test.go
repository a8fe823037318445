package link

import (
	"os"
	"testing"
)

// TestEval runs the gold set and holds the quality bars: accuracy of at
// least 90% and no person linked to a wrong KB person.
func TestEval(t *testing.T) {
	s, err := Eval("testdata/gold.txt", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	if s.Mentions < 80 {
		t.Errorf("gold set has %d mentions, want at least 80", s.Mentions)
	}
	if s.Accuracy() < 0.90 {
		t.Errorf("accuracy %.1f%%, want at least 90%%", 100*s.Accuracy())
	}
	if s.WrongPerson > 0 {
		t.Errorf("%d persons linked to a wrong KB person, want 0", s.WrongPerson)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) { l.t.Log(string(p)); return len(p), nil }

var _ = os.Open
