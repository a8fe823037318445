package wire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// TestEvalReuters checks the quality bar: on the Reuters-21578 stories
// with a <DATELINE>, place and date agree on at least 97%.
func TestEvalReuters(t *testing.T) {
	dir := shareddata.Require(t, "news", "en", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if len(files) == 0 {
		t.Skip("skipping: no .sgm files in", dir)
	}
	var errs strings.Builder
	sc, err := EvalReuters(files, &errs)
	if err != nil {
		t.Fatal(err)
	}
	var rep strings.Builder
	sc.Report(&rep)
	t.Logf("\n%s", rep.String())
	if sc.Stories != 18000 {
		t.Errorf("read %d stories, want 18000", sc.Stories)
	}
	if sc.Agreement() < 0.97 {
		lines := strings.SplitN(errs.String(), "\n", 30)
		t.Errorf("agreement %.4f < 0.97; first disagreements:\n%s", sc.Agreement(), strings.Join(lines[:len(lines)-1], "\n"))
	}
	if testing.Verbose() {
		os.Stdout.WriteString("")
	}
}
