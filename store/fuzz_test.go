package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
)

// FuzzStories_Query: any user text is a valid full-text query (no FTS5
// syntax error, no SQL error), and entity search takes any text too.
func FuzzStories_Query(f *testing.F) {
	for _, s := range []string{"farmers", `"NEAR(`, "a OR b", "*", "Getreide-Export", "x:y", "'; DROP TABLE x; --", "%_\\", "zqxnearduplicatezqx", "ÄÖÜß", "\x00"} {
		f.Add(s)
	}
	st, err := store.Open(filepath.Join(f.TempDir(), "f.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Add(context.Background(), storetest.Records()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ctx := context.Background()
		for _, dups := range []bool{false, true} {
			for _, lang := range []string{"", "en"} {
				_, err := st.Stories(ctx, store.StoryFilter{Query: q, Duplicates: dups, Lang: lang})
				if err != nil && !errors.Is(err, store.ErrInvalid) {
					t.Fatalf("Stories(%q): %v", q, err)
				}
			}
		}
		if _, err := st.Entities(ctx, store.EntityFilter{Query: q}); err != nil && !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Entities(%q): %v", q, err)
		}
		if _, err := st.Quotes(ctx, store.QuoteFilter{Query: q, SpeakerName: q}); err != nil && !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Quotes(%q): %v", q, err)
		}
	})
}
