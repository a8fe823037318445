package event

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/shareddata"
)

// BenchmarkExtract_example runs the stage alone on the example story with
// hand-built layers.
func BenchmarkExtract_example(b *testing.B) {
	d := exampleDoc(b)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Extract(d); err != nil {
			b.Fatal(err)
		}
	}
}

// gnadDocs reads n real German articles (10kGNAD, derStandard) and runs
// the upstream stages on them once.
func gnadDocs(b *testing.B, n int) []*doc.Document {
	path := shareddata.Require(b, "news", "de", "10kGNAD", "test.csv")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	p := fullPipeline(b)
	var out []*doc.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(out) < n {
		line := sc.Text()
		i := strings.IndexByte(line, ';')
		if i < 0 {
			continue
		}
		d := &doc.Document{Text: strings.Trim(line[i+1:], "'"), Lang: "de", LangGiven: true}
		_ = p.Run(d)
		out = append(out, d)
	}
	return out
}

// BenchmarkExtract_gnad runs the stage alone on 50 real German articles
// whose other layers come from the real upstream stages.
func BenchmarkExtract_gnad(b *testing.B) {
	docs := gnadDocs(b, 50)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	for b.Loop() {
		events = 0
		for _, d := range docs {
			if err := Extract(d); err != nil {
				b.Fatal(err)
			}
			events += len(d.Events)
		}
	}
	b.ReportMetric(float64(events)/float64(len(docs)), "events/doc")
}
