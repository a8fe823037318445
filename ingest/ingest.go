// Package ingest analyses stories and adds them to a store: in parallel
// across cores, with progress, idempotently and crash-safely.
//
// Inputs are read in order by one goroutine, analysed by Options.Workers
// goroutines, and written in input order by one writer that adds them to
// the store in batches of Options.Batch stories, one transaction per batch.
// A batch is visible entirely or not at all, so a process killed at any
// moment leaves no half-written story; re-running the same ingest skips,
// without analysing them again, the records already stored (by content
// hash, document id and source) and completes the job.
//
// A malformed record (a *reader.RecordError) is counted and reported, and
// reading goes on; an I/O error on one file is reported and the other
// files are still read.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/dedup"
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/reader"
	"github.com/dateline/dateline/store"
)

// Options configure an ingest.
type Options struct {
	// Workers is the number of analysis goroutines (0: GOMAXPROCS).
	Workers int
	// Batch is the number of stories per transaction (0: 100).
	Batch int
	// Reader options: format, default date and language.
	Reader reader.Options
	// Pipeline analyses each story (nil: analysis.New(), every layer).
	Pipeline *pipeline.Pipeline
	// Progress receives progress: a bar redrawn in place when Terminal,
	// else a plain line every Interval. Nil: no progress.
	Progress io.Writer
	Terminal bool
	Interval time.Duration // 0: 1s on a terminal, 10s otherwise
	// Errors receives one line per malformed record or unreadable file
	// (nil: not reported, only counted).
	Errors io.Writer
	// AfterBatch, when set, is called after each committed batch with the
	// running totals (tests use it to interrupt an ingest midway).
	AfterBatch func(Stats)
}

// Stats counts what an ingest did.
type Stats struct {
	Files          int           `json:"files"`
	Read           int           `json:"read"`            // records read (malformed excluded)
	Malformed      int           `json:"malformed"`       // records skipped as malformed
	FileErrors     int           `json:"file_errors"`     // files that could not be read to the end
	Added          int           `json:"added"`           // new stories
	NearDuplicates int           `json:"near_duplicates"` // stored, linked to an earlier story
	Copies         int           `json:"exact_copies"`    // same text as a stored story
	AlreadyStored  int           `json:"already_stored"`  // stored by an earlier run
	Bytes          int64         `json:"bytes"`           // input bytes read
	Elapsed        time.Duration `json:"elapsed_ns"`
}

// Stored is the number of records accounted for in the store.
func (s Stats) Stored() int { return s.Added + s.NearDuplicates + s.Copies + s.AlreadyStored }

// Rate is stories per second over the whole run.
func (s Stats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// Input is one named input stream.
type Input struct {
	Name string
	Size int64
	Open func() (io.ReadCloser, error)
}

// skipInDir reports whether a file met while walking a directory is not a
// story file: hidden files and documentation next to corpora.
func skipInDir(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	if strings.HasPrefix(base, ".") {
		return true
	}
	for _, p := range []string{"readme", "license", "licence", "copying", "notice"} {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	switch filepath.Ext(base) {
	case ".dtd", ".md", ".html", ".pdf", ".gz", ".zip", ".db", ".db-wal", ".db-shm":
		return true
	}
	return false
}

// Files lists the inputs named by paths: files as given ("-" is standard
// input), directories walked recursively in name order, skipping hidden
// files and READMEs, licences and DTDs.
func Files(paths []string) ([]Input, error) {
	var out []Input
	for _, p := range paths {
		if p == "-" {
			out = append(out, Input{Name: "-", Size: -1, Open: func() (io.ReadCloser, error) { return io.NopCloser(os.Stdin), nil }})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		if !st.IsDir() {
			out = append(out, fileInput(p, st.Size()))
			continue
		}
		var found []Input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || skipInDir(path) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			found = append(found, fileInput(path, info.Size()))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		out = append(out, found...)
	}
	return out, nil
}

func fileInput(path string, size int64) Input {
	return Input{Name: path, Size: size, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// FSInputs lists the files of fsys matching pattern (fs.Glob) as inputs.
func FSInputs(fsys fs.FS, pattern string) ([]Input, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	var out []Input
	for _, n := range names {
		var size int64 = -1
		if st, err := fs.Stat(fsys, n); err == nil {
			size = st.Size()
		}
		out = append(out, Input{Name: n, Size: size, Open: func() (io.ReadCloser, error) { return fsys.Open(n) }})
	}
	return out, nil
}

type job struct {
	seq  int
	d    *doc.Document
	hash string
	rec  *doc.Record // nil when already stored
}

// countingReader counts bytes read into a shared counter.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Run ingests inputs into st. It returns the counts so far and the first
// fatal error (a failed transaction or a cancelled context); malformed
// records and unreadable files are counted, reported and skipped.
func Run(ctx context.Context, st store.Store, inputs []Input, opt Options) (Stats, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Batch <= 0 {
		opt.Batch = 100
	}
	if opt.Pipeline == nil {
		p, err := analysis.New()
		if err != nil {
			return Stats{}, fmt.Errorf("ingest: %w", err)
		}
		opt.Pipeline = p
	}
	var total int64
	for _, in := range inputs {
		if in.Size > 0 {
			total += in.Size
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		mu    sync.Mutex // guards stats
		stats Stats
		read  atomic.Int64
	)
	stats.Files = len(inputs)
	errorf := func(format string, args ...any) {
		if opt.Errors != nil {
			mu.Lock()
			fmt.Fprintf(opt.Errors, format+"\n", args...)
			mu.Unlock()
		}
	}

	jobs := make(chan job, 4*opt.Workers)
	done := make(chan job, 4*opt.Workers)

	// Reader: one input at a time, records in order.
	go func() {
		defer close(jobs)
		seq := 0
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			rc, err := in.Open()
			if err != nil {
				mu.Lock()
				stats.FileErrors++
				mu.Unlock()
				errorf("ingest: %s: %v", in.Name, err)
				continue
			}
			r, err := reader.Open(in.Name, countingReader{rc, &read}, opt.Reader)
			if err != nil {
				rc.Close()
				mu.Lock()
				stats.FileErrors++
				mu.Unlock()
				errorf("ingest: %v", err)
				continue
			}
			for {
				d, err := r.Next()
				if err == io.EOF {
					break
				}
				var re *reader.RecordError
				if errors.As(err, &re) {
					mu.Lock()
					stats.Malformed++
					mu.Unlock()
					errorf("ingest: skipped: %v", re)
					continue
				}
				if err != nil {
					mu.Lock()
					stats.FileErrors++
					mu.Unlock()
					errorf("ingest: %s: %v", in.Name, err)
					break
				}
				if strings.TrimSpace(d.Text) == "" { // the store refuses it; skip, do not lose the batch
					mu.Lock()
					stats.Malformed++
					mu.Unlock()
					errorf("ingest: skipped: %v: no text", d.Origin)
					continue
				}
				select {
				case jobs <- job{seq: seq, d: d}:
					seq++
				case <-ctx.Done():
					rc.Close()
					return
				}
			}
			rc.Close()
		}
	}()

	// Analysis workers.
	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.hash = dedup.Hash(j.d.Text)
				if ok, err := st.HasSighting(ctx, j.hash, j.d.ID, j.d.Source); err != nil || !ok {
					opt.Pipeline.Run(j.d) // stage failures are recorded in j.d.Errors
					j.rec = doc.ToRecord(j.d, doc.EncodeOptions{})
				}
				j.d = nil
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	// Progress.
	interval := opt.Interval
	if interval <= 0 {
		interval = 10 * time.Second
		if opt.Terminal {
			interval = time.Second
		}
	}
	progress := func(final bool) {
		if opt.Progress == nil {
			return
		}
		mu.Lock()
		s := stats
		mu.Unlock()
		el := time.Since(start)
		rate := float64(s.Stored()) / el.Seconds()
		b := read.Load()
		eta := "?"
		if total > 0 && b > 0 && b < total {
			eta = (time.Duration(float64(el) * float64(total-b) / float64(b))).Round(time.Second).String()
		} else if b >= total {
			eta = "0s"
		}
		if opt.Terminal {
			const width = 30
			frac := 0.0
			if total > 0 {
				frac = min(1, float64(b)/float64(total))
			}
			bar := strings.Repeat("=", int(frac*width)) + strings.Repeat(" ", width-int(frac*width))
			fmt.Fprintf(opt.Progress, "\r[%s] %3.0f%% %d stories  %.0f/s  ETA %s ", bar, 100*frac, s.Stored(), rate, eta)
			if final {
				fmt.Fprintln(opt.Progress)
			}
			return
		}
		fmt.Fprintf(opt.Progress, "ingest: %d stories (%d new, %d near-duplicates, %d copies, %d already stored), %d malformed, %.0f stories/s, ETA %s\n",
			s.Stored(), s.Added, s.NearDuplicates, s.Copies, s.AlreadyStored, s.Malformed, rate, eta)
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()

	// Writer: in input order, one transaction per batch.
	pending := map[int]job{}
	next := 0
	var batch []*doc.Record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.Add(ctx, batch)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		mu.Lock()
		for _, r := range res {
			switch r.Status {
			case store.Added:
				stats.Added++
			case store.NearDuplicate:
				stats.NearDuplicates++
			case store.ExactCopy:
				stats.Copies++
			case store.AlreadyStored:
				stats.AlreadyStored++
			}
		}
		s := stats
		mu.Unlock()
		batch = batch[:0]
		if opt.AfterBatch != nil {
			opt.AfterBatch(s)
		}
		return nil
	}
	var err error
loop:
	for {
		select {
		case j, ok := <-done:
			if !ok {
				break loop
			}
			pending[j.seq] = j
			for {
				j, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				mu.Lock()
				stats.Read++
				if j.rec == nil {
					stats.AlreadyStored++
				}
				mu.Unlock()
				if j.rec != nil {
					batch = append(batch, j.rec)
				}
				if len(batch) >= opt.Batch {
					if err = flush(); err != nil {
						break loop
					}
				}
			}
		case <-tick.C:
			progress(false)
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		}
	}
	if err == nil {
		if err = ctx.Err(); err == nil {
			err = flush()
		}
	}
	cancel()
	for range done { // let workers finish
	}
	mu.Lock()
	stats.Bytes = read.Load()
	stats.Elapsed = time.Since(start)
	mu.Unlock()
	progress(true)
	return stats, err
}

// DefaultPipeline is the analysis pipeline an ingest runs when
// Options.Pipeline is nil: every layer of analysis.New.
func DefaultPipeline() (*pipeline.Pipeline, error) { return analysis.New() }
