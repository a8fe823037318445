package link

import (
	"testing"

	"github.com/dateline/dateline/doc"
)

// BenchmarkLink measures linking and coreference on the example story and
// its English counterpart with hand-built NER output, and reports words per
// second (the NER layer runs at about 100k tokens/s).
func BenchmarkLink(b *testing.B) {
	l := newLinker(b)
	docs := []*doc.Document{exampleDE(b), exampleEN(b)}
	ents := make([][]doc.Entity, len(docs))
	dls := make([]doc.Dateline, len(docs))
	nwords := 0
	for i, d := range docs {
		ents[i] = d.Entities
		dls[i] = *d.Dateline
		nwords += len(words(d.Text))
	}
	l.Link(docs[0]) // warm the KB indexes
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			d.Entities = append([]doc.Entity(nil), ents[j]...)
			dl := dls[j]
			dl.Places = append([]doc.Place(nil), dls[j].Places...)
			d.Dateline = &dl
			l.Link(d)
		}
	}
	b.ReportMetric(float64(nwords)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
