package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestQuery ingests the bundled sample corpus with the CLI, twice,
// and queries the store.
func TestIngestQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	samples := filepath.Join("..", "..", "ingest", "samples")
	for i, want := range []string{`"added":8`, `"already_stored":10`} {
		var out, errb bytes.Buffer
		if code := run([]string{"ingest", "--quiet", "--json", "--db", db, samples}, &out, &errb); code != exitOK {
			t.Fatalf("ingest run %d: exit %d: %s", i+1, code, errb.String())
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("ingest run %d: %s lacks %s", i+1, out.String(), want)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"search", "Getreide"}, `"doc_id":"demo-de-1"`},
		{[]string{"search", "farmers", "--duplicates"}, `"duplicate_of":1`},
		{[]string{"story", "1"}, `"record"`},
		{[]string{"stats"}, `"sightings":10`},
		{[]string{"export", "--format", "csv"}, "GlobalEventID"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			args := append([]string{"query", "--db", db}, tt.args...)
			if code := run(args, &out, &errb); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output lacks %s:\n%.400s", tt.want, out.String())
			}
		})
	}
	var out, errb bytes.Buffer
	if code := run([]string{"query", "--db", db, "events", "--from", "2026-13-01"}, &out, &errb); code != exitFailure || !strings.Contains(errb.String(), "bad date") {
		t.Errorf("bad date: exit %d, stderr %q", code, errb.String())
	}
}
