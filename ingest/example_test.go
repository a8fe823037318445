package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/ingest"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/store"
)

func Example() {
	dir, _ := os.MkdirTemp("", "ingest-example")
	defer os.RemoveAll(dir)
	st, _ := store.Open(filepath.Join(dir, "news.db"), store.Options{})
	defer st.Close()
	inputs, _ := ingest.SampleInputs()
	p, _ := pipeline.New() // no analysis, to keep the example fast; nil runs every layer
	for run := 1; run <= 2; run++ {
		s, err := ingest.Run(context.Background(), st, inputs, ingest.Options{Pipeline: p})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("run %d: %d read, %d new, %d near-duplicates, %d exact copies, %d already stored\n",
			run, s.Read, s.Added, s.NearDuplicates, s.Copies, s.AlreadyStored)
	}
	// Output:
	// run 1: 10 read, 8 new, 1 near-duplicates, 1 exact copies, 0 already stored
	// run 2: 10 read, 0 new, 0 near-duplicates, 0 exact copies, 10 already stored
}
