package timex

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

const tmlSample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1">fell</EVENT> &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, after <TIMEX3 tid="t2" type="DURATION" value="P5Y">five years</TIMEX3>.
</TEXT>
</TimeML>
`

func TestReadTimeML(t *testing.T) {
	d, err := ReadTimeML(strings.NewReader(tmlSample))
	if err != nil {
		t.Fatal(err)
	}
	if d.DocID != "X1" || d.DCT != "1998-01-08" || d.Anchor().Format("2006-01-02") != "1998-01-08" {
		t.Errorf("header: got %q %q", d.DocID, d.DCT)
	}
	if len(d.Timexes) != 2 {
		t.Fatalf("got %d timexes, want 2", len(d.Timexes))
	}
	if got := d.Text[d.Timexes[0].Start:d.Timexes[0].End]; got != "yesterday" {
		t.Errorf("span: got %q", got)
	}
	if !strings.Contains(d.Text, "fell & rose") {
		t.Errorf("text: got %q", d.Text)
	}
	// round trip through the writer
	var b bytes.Buffer
	tg := mustTagger(t, "en")
	sys := tg.Tag(d.Text, d.Anchor(), nil)
	if err := WriteTimeML(&b, d, sys); err != nil {
		t.Fatal(err)
	}
	d2, err := ReadTimeML(&b)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Text != d.Text || len(d2.Timexes) != len(sys) {
		t.Errorf("round trip: text equal %v, %d timexes, want %d", d2.Text == d.Text, len(d2.Timexes), len(sys))
	}
	var sc Scores
	sc.Score(d.Timexes, sys, d.Text, nil, "x")
	sc.finish()
	if sc.ValueF1 != 1 {
		t.Errorf("value F1 %.2f, want 1 (sys %v)", sc.ValueF1, sys)
	}
}

func TestReadTimeML_Bad(t *testing.T) {
	_, err := ReadTimeML(strings.NewReader("<TimeML><TEXT><TIMEX3 tid=\"t1\">x</TEXT></TimeML>"))
	if err == nil {
		t.Fatal("want an error for an unclosed TIMEX3")
	}
}

// TestEvalTimeML_TBAQ scores the English tagger on TempEval-3's training
// data (TimeBank + AQUAINT) and guards against regressions.
func TestEvalTimeML_TBAQ(t *testing.T) {
	dir := shareddata.Require(t, "time", "tempeval3-en", "TBAQ-cleaned")
	var out bytes.Buffer
	pred := t.TempDir()
	sc, err := EvalTimeML(dir, EvalOptions{PredictionsDir: pred}, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if sc.ValueF1 < 0.76 {
		t.Errorf("value F1 %.3f, want at least 0.76", sc.ValueF1)
	}
	files, _ := filepath.Glob(filepath.Join(pred, "*", "*.tml"))
	if len(files) != sc.Docs {
		t.Errorf("%d prediction files, want %d", len(files), sc.Docs)
	}
	if len(files) > 0 {
		f, _ := os.Open(files[0])
		defer f.Close()
		if _, err := ReadTimeML(f); err != nil {
			t.Errorf("prediction file unreadable: %v", err)
		}
	}
}
