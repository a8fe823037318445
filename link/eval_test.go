package link

import (
	"strings"
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

// TestEvalHeldout reports the held-out set; its bar is the (90%,
// no wrong person), measured on text the rules were not tuned on.
func TestEvalHeldout(t *testing.T) {
	s, err := Eval("testdata/heldout.txt", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out: %d mentions, accuracy %.1f%%, wrong persons %d", s.Mentions, 100*s.Accuracy(), s.WrongPerson)
	if s.WrongPerson > 0 {
		t.Errorf("%d persons linked to a wrong KB person, want 0", s.WrongPerson)
	}
}

func TestReadGold_Errors(t *testing.T) {
	for name, in := range map[string]string{
		"no header":  "text [a|PER|x]\n",
		"unclosed":   "## de\ntext [a|PER|x\n",
		"bad fields": "## de\ntext [a|PER]\n",
		"bad type":   "## de\ntext [a|FOO|x]\n",
		"bad date":   "## de 2026-13-40\ntext\n",
	} {
		if _, err := readGold(strings.NewReader(in), name); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestEvalHeldout2 reports the second held-out set (see its header).
func TestEvalHeldout2(t *testing.T) {
	s, err := Eval("testdata/heldout2.txt", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out 2: %d mentions, accuracy %.1f%%, wrong persons %d", s.Mentions, 100*s.Accuracy(), s.WrongPerson)
	if s.WrongPerson > 0 {
		t.Errorf("%d persons linked to a wrong KB person, want 0", s.WrongPerson)
	}
}
