package analysis

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/reader"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden_Core runs the core layers (language, tokens, sentences,
// dateline) over small inputs of every format and compares the JSON
// records with the golden files in testdata/golden. The later layers have
// their own tests; keeping them out makes these files change only when
// the core does. Regenerate with: go test ./analysis -run Golden -update
func TestGolden_Core(t *testing.T) {
	inputs := []string{
		"../testdata/examples/reuters-de-2026-02-26.txt",
		"../reader/testdata/sample.sgm",
		"../reader/testdata/sample.jsonl",
		"../reader/testdata/sample.csv",
	}
	p, err := New(pipeline.Sentences, pipeline.Dateline)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			f, err := os.Open(in)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r, err := reader.Open(filepath.Base(in), f, reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := doc.NewEncoder(&got, doc.EncodeOptions{Tokens: true, Pretty: true})
			for {
				d, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				var re *reader.RecordError
				if errors.As(err, &re) {
					got.WriteString("// skipped: " + re.Error() + "\n")
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := p.Run(d); err != nil {
					t.Fatal(err)
				}
				if err := enc.Encode(d); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+filepath.Ext(in)+".json")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("output differs from %s; run `go test ./analysis -run Golden -update` and review the diff", golden)
			}
		})
	}
}
