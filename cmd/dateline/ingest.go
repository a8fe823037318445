package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/ingest"
	"github.com/dateline/dateline/store"
)

func init() {
	register(command{name: "ingest", summary: "analyse stories and add them to a store (--db)", run: runIngest})
}

const ingestHelp = `
Analyses stories and adds them to the store FILE (an embedded SQLite file,
created when missing). PATH may be a file, a directory (read recursively,
skipping hidden files, READMEs, licences and DTDs) or - for standard input.

Ingest is idempotent: a record already stored (same text, id and source) is
skipped without being analysed again, so re-running after an interruption
completes the job. Stories are written in batches, one transaction each:
killing the process never leaves a half-written story.

Exact copies of a stored text are recorded as sightings of it; near
duplicates (SimHash) are stored and linked to the first.

Exit status: 0 when every record was stored, 2 when some were skipped as
malformed, 1 on errors.

Example:
  dateline ingest --db news.db ../shared/data/news/en/reuters21578/`

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ingest", "dateline ingest --db FILE [flags] PATH...", ingestHelp, stderr)
	var in inputOptions
	in.register(fs)
	db := fs.String("db", "", "store file (required)")
	layers := fs.String("layers", "all", "comma-separated layers to compute; 'all' for every layer")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of stories analysed in parallel")
	batch := fs.Int("batch", 100, "stories per transaction")
	quiet := fs.Bool("quiet", false, "no progress output")
	asJSON := fs.Bool("json", false, "print the final counts as JSON on standard output")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if *db == "" || len(paths) == 0 {
		fmt.Fprintln(stderr, "dateline ingest: need --db FILE and at least one PATH (try --help)")
		return exitFailure
	}
	ropt, err := in.readerOptions()
	if err != nil {
		fmt.Fprintln(stderr, "dateline ingest:", err)
		return exitFailure
	}
	ls, err := analysis.ParseLayers(*layers)
	if err != nil {
		fmt.Fprintln(stderr, "dateline ingest: --layers:", err)
		return exitFailure
	}
	p, err := analysis.New(ls...)
	if err != nil {
		fmt.Fprintln(stderr, "dateline ingest:", err)
		return exitFailure
	}
	inputs, err := ingest.Files(paths)
	if err != nil {
		fmt.Fprintln(stderr, "dateline ingest:", err)
		return exitFailure
	}
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "dateline ingest:", err)
		return exitFailure
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "dateline ingest:", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "dateline ingest:", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	opt := ingest.Options{Workers: *workers, Batch: *batch, Reader: ropt, Pipeline: p, Errors: stderr}
	if !*quiet {
		opt.Progress = stderr
		opt.Terminal = isTerminal(stderr)
	}
	stats, runErr := ingest.Run(ctx, st, inputs, opt)
	sst, _ := st.Stats(context.Background())
	if err := st.Close(); err != nil && runErr == nil {
		runErr = err
	}
	var size int64
	if fi, err := os.Stat(*db); err == nil {
		size = fi.Size()
	}
	if *asJSON {
		json.NewEncoder(stdout).Encode(map[string]any{"ingest": stats, "store": sst, "store_bytes": size, "stories_per_second": stats.Rate()})
	}
	fmt.Fprintf(stderr, "ingest: %d records read (%d new, %d near-duplicates, %d exact copies, %d already stored), %d malformed, in %.1fs: %.0f stories/s; store %s: %.1f MB\n",
		stats.Read, stats.Added, stats.NearDuplicates, stats.Copies, stats.AlreadyStored, stats.Malformed,
		stats.Elapsed.Seconds(), stats.Rate(), *db, float64(size)/(1<<20))
	if runErr != nil {
		fmt.Fprintln(stderr, "dateline ingest:", runErr)
		fmt.Fprintln(stderr, "dateline ingest: every committed batch is kept; run the same command again to finish")
		return exitFailure
	}
	if stats.Malformed > 0 || stats.FileErrors > 0 {
		return exitPartial
	}
	return exitOK
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
