package ingest_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/ingest"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/store"
)

// corpus writes n distinct stories as JSON Lines in two files, plus a
// malformed line, and returns the directory.
func corpus(t testing.TB, dir string, n int) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("grain talks border minister bank rates oil output strike port harbour election court vote budget shares")
	for f := 0; f < 2; f++ {
		var b strings.Builder
		for i := f; i < n; i += 2 {
			var text strings.Builder
			fmt.Fprintf(&text, "Story %d. ", i)
			rnd := rand.New(rand.NewPCG(uint64(i), 7))
			for k := 0; k < 40; k++ {
				text.WriteString(words[rnd.IntN(len(words))] + fmt.Sprint(rnd.IntN(1000)) + " ")
			}
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("s%d", i), "date": "2026-03-01", "lang": "en", "text": text.String()})
			b.Write(line)
			b.WriteByte('\n')
			if i == 5 {
				b.WriteString("{not json\n")
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "in", fmt.Sprintf("part%d.jsonl", f)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "in", "README.txt"), []byte("not a story"), 0o644)
	return filepath.Join(dir, "in")
}

func emptyPipeline(t testing.TB) *pipeline.Pipeline {
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, ctx context.Context, db, in string, opt ingest.Options) (ingest.Stats, error) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	inputs, err := ingest.Files([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	if opt.Pipeline == nil {
		opt.Pipeline = emptyPipeline(t)
	}
	return ingest.Run(ctx, st, inputs, opt)
}

func count(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return *s
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := corpus(t, dir, 60)
	db := filepath.Join(dir, "s.db")
	s, err := run(t, context.Background(), db, in, ingest.Options{Batch: 7})
	if err != nil {
		t.Fatal(err)
	}
	if s.Files != 2 || s.Read != 60 || s.Malformed != 1 || s.Stored() != 60 {
		t.Errorf("stats = %+v, want 2 files, 60 read and stored, 1 malformed", s)
	}
	// A second run stores nothing new.
	s2, err := run(t, context.Background(), db, in, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s2.AlreadyStored != 60 || s2.Added != 0 {
		t.Errorf("re-run stats = %+v, want 60 already stored", s2)
	}
	if c := count(t, db); c.Sightings != 60 {
		t.Errorf("sightings = %d, want 60", c.Sightings)
	}
}

func TestRun_CancelAndRestart(t *testing.T) {
	dir := t.TempDir()
	in := corpus(t, dir, 200)
	db := filepath.Join(dir, "s.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := 0
	s, err := run(t, ctx, db, in, ingest.Options{Batch: 10, AfterBatch: func(ingest.Stats) {
		batches++
		if batches == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if c := count(t, db); c.Sightings != 30 {
		t.Errorf("after cancel: %d stories visible, want 30 (3 whole batches); run stats %+v", c.Sightings, s)
	}
	s2, err := run(t, context.Background(), db, in, ingest.Options{Batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if s2.AlreadyStored != 30 || s2.Added != 170 {
		t.Errorf("restart stats = %+v, want 30 already stored and 170 added", s2)
	}
	if c := count(t, db); c.Sightings != 200 || c.Stories+c.NearDuplicates != 200 {
		t.Errorf("after restart: %+v, want 200 stories, none lost or doubled", c)
	}
}

// TestRun_KillAndRestart kills an ingest process with SIGKILL after its
// first committed batch, re-runs the ingest and counts.
func TestRun_KillAndRestart(t *testing.T) {
	if os.Getenv("DATELINE_INGEST_CHILD") != "" {
		t.Skip("child")
	}
	dir := t.TempDir()
	in := corpus(t, dir, 300)
	db := filepath.Join(dir, "s.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), "DATELINE_INGEST_CHILD=1", "CHILD_DB="+db, "CHILD_IN="+in)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "BATCH 2") {
			cmd.Process.Kill()
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("child ended before its second batch")
	}
	mid := count(t, db)
	if mid.Sightings%5 != 0 || mid.Sightings >= 300 {
		t.Errorf("after kill: %d stories visible, want whole batches of 5 and fewer than 300", mid.Sightings)
	}
	s, err := run(t, context.Background(), db, in, ingest.Options{Batch: 5})
	if err != nil {
		t.Fatal(err)
	}
	if s.Stored() != 300 {
		t.Errorf("restart stats = %+v, want 300 accounted for", s)
	}
	if c := count(t, db); c.Sightings != 300 || c.Stories+c.NearDuplicates != 300 {
		t.Errorf("after restart: %+v, want 300 stories, none lost or doubled", c)
	}
}

// TestIngestChild is the process killed by TestRun_KillAndRestart.
func TestIngestChild(t *testing.T) {
	if os.Getenv("DATELINE_INGEST_CHILD") == "" {
		t.Skip("run by TestRun_KillAndRestart")
	}
	n := 0
	block := make(chan struct{})
	run(t, context.Background(), os.Getenv("CHILD_DB"), os.Getenv("CHILD_IN"), ingest.Options{Batch: 5, Workers: 1, AfterBatch: func(ingest.Stats) {
		n++
		fmt.Printf("BATCH %d\n", n)
		if n == 2 {
			<-block // wait to be killed
		}
	}})
}

func TestRun_DefaultPipeline(t *testing.T) {
	dir := t.TempDir()
	in := corpus(t, dir, 4)
	db := filepath.Join(dir, "s.db")
	p, err := ingest.DefaultPipeline()
	if err != nil {
		t.Fatal(err)
	}
	s, err := run(t, context.Background(), db, in, ingest.Options{Pipeline: p})
	if err != nil || s.Added != 4 {
		t.Fatalf("stats %+v, err %v", s, err)
	}
}
