package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
)

func Example() {
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "news.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	ctx := context.Background()

	// Four analysed stories: a planned meeting, its UPDATE, the meeting
	// reported as held by another agency in German, and an unrelated one.
	res, _ := st.Add(ctx, storetest.Records())
	for _, r := range res {
		fmt.Println(r.Story, r.Status)
	}

	// The meeting is one event with two reports from two sources.
	evs, _ := st.Events(ctx, store.EventFilter{Type: "CONSULT"})
	e := evs.Items[0]
	fmt.Println(e.Type, e.Status, e.Reports, "reports", e.Sources, "sources", e.FirstReported)

	// Full-text search stems German and English.
	p, _ := st.Stories(ctx, store.StoryFilter{Query: "Getreideexporte"})
	fmt.Println(p.Items[0].Title)
	// Output:
	// 1 added
	// 2 near_duplicate
	// 3 added
	// 4 added
	// CONSULT occurred 2 reports 2 sources 2026-03-02
	// Marchuk und Nowak beraten in Warschau über Getreide
}
