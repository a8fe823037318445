package timex_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/amount"
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/segment"
	"github.com/dateline/dateline/timex"
	"github.com/dateline/dateline/wire"
)

type langStage struct{}

func (langStage) Name() string                  { return "lang" }
func (langStage) Needs() []pipeline.Layer       { return nil }
func (langStage) Writes() []pipeline.Layer      { return []pipeline.Layer{pipeline.Lang} }
func (langStage) Process(d *doc.Document) error { return nil }

// TestPipeline_Example runs the real segmenter and dateline parser before
// the time and amount stages on the founding example story and checks the
// issue's bars.
func TestPipeline_Example(t *testing.T) {
	b, err := os.ReadFile("../../shared/examples/reuters-de-2026-02-26.txt")
	if err != nil {
		t.Skipf("example story absent: %v", err)
	}
	text := string(b)
	i := strings.Index(text, "Kiew,")
	if i < 0 {
		t.Fatal("example story: no dateline")
	}
	d := &doc.Document{Text: text[i:], Lang: "de", LangGiven: true, Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC)}
	wp, err := wire.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(langStage{}, segment.TokenStage(), segment.SentenceStage(), wire.Stage(wp), timex.Stage(), amount.Stage())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(d); err != nil {
		t.Fatal(err)
	}
	if d.Dateline == nil || d.Dateline.Date.Format("2006-01-02") != "2026-02-25" {
		t.Fatalf("dateline %+v, want date 2026-02-25", d.Dateline)
	}
	got := map[string][]string{}
	for _, tx := range d.Timexes {
		got[d.Slice(tx.Span)] = append(got[d.Slice(tx.Span)], tx.Value+"/"+tx.Mod)
	}
	want := map[string][]string{
		"Anfang März":  {"2026-03/START"},
		"Mittwoch":     {"2026-02-25/"},
		"Donnerstag":   {"2026-02-26/", "2026-02-26/"},
		"dieser Woche": {"2026-W09/"},
	}
	for k, v := range want {
		if strings.Join(got[k], ",") != strings.Join(v, ",") {
			t.Errorf("%q: got %v, want %v", k, got[k], v)
		}
	}
	var am []string
	for _, a := range d.Amounts {
		am = append(am, d.Slice(a.Span)+"="+strings.TrimSpace(strings.Join([]string{formatFloat(a.Value), a.Unit}, " ")))
	}
	if s := strings.Join(am, " | "); s != "588 Milliarden Dollar=588000000000 USD | 20 Prozent=20 percent" {
		t.Errorf("amounts: got %q", s)
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
