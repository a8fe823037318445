package analysis

import (
	"errors"
	"io"
	"sync"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// Item is one input to Run: a document to analyse, or an error to pass
// through in order (a skipped malformed record, for example).
type Item struct {
	Doc *doc.Document
	Err error
}

// Run analyses the documents that next yields with the given number of
// workers and calls emit for each, in input order. next returns io.EOF at
// the end; any other error it returns is passed to emit in its place in
// the order, and reading goes on (next decides whether an error is fatal by
// returning io.EOF after it). At most 4×workers documents are in flight.
// emit's first error stops the run and is returned. Pipeline failures on a
// document are recorded in the document's Errors and do not stop the run;
// the document is still emitted.
func Run(p *pipeline.Pipeline, workers int, next func() (*doc.Document, error), emit func(Item) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		seq int
		Item
	}
	inflight := make(chan struct{}, 4*workers)
	jobs := make(chan job)
	results := make(chan job)
	done := make(chan struct{})
	defer close(done)

	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case inflight <- struct{}{}:
			case <-done:
				return
			}
			d, err := next()
			if errors.Is(err, io.EOF) {
				<-inflight
				return
			}
			select {
			case jobs <- job{seq, Item{d, err}}:
			case <-done:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.Err == nil && j.Doc != nil {
					_ = p.Run(j.Doc) // failures are recorded in j.Doc.Errors
				}
				select {
				case results <- j:
				case <-done:
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]Item{}
	want := 0
	for j := range results {
		pending[j.seq] = j.Item
		for {
			it, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			want++
			<-inflight
			if err := emit(it); err != nil {
				return err
			}
		}
	}
	return nil
}
