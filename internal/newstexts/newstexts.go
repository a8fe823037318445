// Package newstexts loads raw story texts of the news corpora in
// ../shared/data for benchmarks: the 10kGNAD article texts and the <BODY>
// texts of the first four Reuters-21578 files. It is a quick loader, not a
// reader (package reader is that): the texts are exactly what the
// benchmark figures in the README were measured on. A benchmark whose data
// is absent is skipped.
//
// It imports "testing" (its loaders take a testing.TB, the type the
// benchmarks pass around as func(testing.TB) []string), so only _test.go
// files may import it: in non-test code it would register the -test.*
// flags in the binary. TestProductionLinksNoTesting in package
// shareddata checks that cmd/dateline links no "testing".
package newstexts

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// GNAD reads the article texts of the 10kGNAD CSV (label;'text').
func GNAD(tb testing.TB) []string {
	path := shareddata.Require(tb, "news", "de", "10kGNAD", "test.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, ';'); i >= 0 {
			out = append(out, strings.Trim(line[i+1:], "'"))
		}
	}
	return out
}

// Reuters reads the <BODY> texts of Reuters-21578's reut2-000 to 003.
func Reuters(tb testing.TB) []string {
	dir := shareddata.Require(tb, "news", "en", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "reut2-00[0-3].sgm"))
	var out []string
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(b)
		for {
			i := strings.Index(s, "<BODY>")
			if i < 0 {
				break
			}
			s = s[i+6:]
			j := strings.Index(s, "</BODY>")
			if j < 0 {
				break
			}
			out = append(out, s[:j])
			s = s[j:]
		}
	}
	return out
}

// Bytes is the total length of texts.
func Bytes(texts []string) (n int64) {
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// Corpus is one of the benchmark corpora.
type Corpus struct {
	Name, Lang string
	Load       func(testing.TB) []string
}

// Corpora are the German and English benchmark corpora.
var Corpora = []Corpus{{"10kGNAD", "de", GNAD}, {"Reuters", "en", Reuters}}
