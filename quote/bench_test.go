package quote

import (
	"errors"
	"io"
	"os"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/reader"
	"github.com/dateline/dateline/wire"
)

// newsDocs reads up to n stories of a shared news file, segmented.
func newsDocs(b testing.TB, lang, rel string, format reader.Format, n int) ([]*doc.Document, int) {
	p := shareddata.Require(b, rel)
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rd, err := reader.Open(p, f, reader.Options{Format: format, Lang: lang})
	if err != nil {
		b.Fatal(err)
	}
	wp, err := wire.New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Document
	size := 0
	for len(docs) < n {
		d, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var re *reader.RecordError
			if errors.As(err, &re) {
				continue
			}
			b.Fatal(err)
		}
		segmentDoc(b, d)
		d.Dateline = wp.Parse(d.Text, d.Date)
		docs = append(docs, d)
		size += len(d.Text)
	}
	return docs, size
}

// BenchmarkExtract_GNAD extracts quotes from 200 derStandard articles
// (10kGNAD test split): go test -run X -bench Extract ./quote
func BenchmarkExtract_GNAD(b *testing.B) {
	docs, size := newsDocs(b, "de", "news/de/10kGNAD/test.csv", reader.GNAD, 200)
	benchDocs(b, "de", docs, size)
}

// BenchmarkExtract_Reuters extracts quotes from 200 Reuters-21578 stories.
func BenchmarkExtract_Reuters(b *testing.B) {
	docs, size := newsDocs(b, "en", "news/en/reuters21578/reut2-000.sgm", reader.SGML, 200)
	benchDocs(b, "en", docs, size)
}

func benchDocs(b *testing.B, lang string, docs []*doc.Document, size int) {
	x, err := New(lang)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			n += len(x.Extract(d))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N)/float64(len(docs)), "quotes/doc")
}
