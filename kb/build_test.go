package kb

import (
	"flag"
	"os"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

var update = flag.Bool("update", false, "regenerate kb/data from ../shared/data/gazetteers")

// TestBuild regenerates the generated data files with -update, else builds
// into a temporary folder and checks the output matches what is committed.
func TestBuild(t *testing.T) {
	dir := shareddata.Require(t, "gazetteers")
	out := t.TempDir()
	if *update {
		out = "data"
	}
	if err := Build(dir, out, testWriter{t}); err != nil {
		t.Fatal(err)
	}
	if *update {
		return
	}
	for _, f := range []string{PlacesFile, BundestagFile} {
		got, err := os.ReadFile(out + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile("data/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from a fresh build; run go test ./kb -run TestBuild -update", f)
		}
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }
