package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/ingest"
	"github.com/dateline/dateline/server"
	"github.com/dateline/dateline/store"
)

func init() {
	register(command{name: "serve", summary: "serve a store: JSON API and web UI (--demo: bundled sample)", run: runServe})
}

const serveHelp = `
Serves the store FILE over HTTP: the web UI at /, a JSON API under /api/
described at /openapi.json.

The API is read-only unless a write token is given in the environment
variable DATELINE_WRITE_TOKEN (or --write-token-file); then POST
/api/stories with "Authorization: Bearer TOKEN" analyses and stores stories.

--demo ingests the bundled sample corpus (ten short fictional wire stories
in English and German, CC0) into a fresh store in a temporary directory
(or into --db when given and missing) and serves it.

--loadtest DURATION serves on a free loopback port instead, sends the API's
list endpoints from --clients concurrent clients for DURATION (at most 2m),
prints the latency per endpoint (p50, p95, p99) and exits; status 1 when a
p95 is above --p95 or a request failed.

Examples:
  dateline serve --demo
  dateline serve --db news.db --addr 127.0.0.1:8080
  dateline serve --db news.db --loadtest 20s --clients 20`

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "dateline serve (--db FILE | --demo) [flags]", serveHelp, stderr)
	db := fs.String("db", "", "store file")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	demo := fs.Bool("demo", false, "ingest the bundled sample corpus into a fresh store and serve it")
	tokenFile := fs.String("write-token-file", "", "file holding the write token (default: $DATELINE_WRITE_TOKEN; none: read-only)")
	loadtest := fs.Duration("loadtest", 0, "run a loopback load test of the list endpoints for this long, print latencies and exit")
	clients := fs.Int("clients", 20, "concurrent clients of --loadtest")
	p95 := fs.Duration("p95", 50*time.Millisecond, "largest acceptable p95 latency of --loadtest")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	if _, err := parseFlags(fs, args); err != nil {
		return flagStatus(err)
	}
	if *db == "" && !*demo {
		fmt.Fprintln(stderr, "dateline serve: need --db FILE or --demo (try --help)")
		return exitFailure
	}
	token := os.Getenv("DATELINE_WRITE_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			fmt.Fprintln(stderr, "dateline serve:", err)
			return exitFailure
		}
		token = string(trimSpaceBytes(b))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("GOGC") == "" {
		// The SQLite driver allocates for every row; with the default
		// GOGC=100 the collector took a third of the CPU under load. The
		// heap of a server is small, so trade memory for latency, within
		// a soft limit.
		debug.SetGCPercent(400)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(1 << 30)
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "dateline serve:", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "dateline serve:", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	if *demo {
		if *db == "" {
			dir, err := os.MkdirTemp("", "dateline-demo-")
			if err != nil {
				fmt.Fprintln(stderr, "dateline serve:", err)
				return exitFailure
			}
			defer os.RemoveAll(dir)
			*db = filepath.Join(dir, "demo.db")
		}
		if err := ingestSamples(ctx, *db, stderr); err != nil {
			fmt.Fprintln(stderr, "dateline serve --demo:", err)
			return exitFailure
		}
	}
	st, err := store.Open(*db, store.Options{ReadOnly: token == ""})
	if err != nil {
		fmt.Fprintln(stderr, "dateline serve:", err)
		return exitFailure
	}
	defer st.Close()
	opt := server.Options{WriteToken: token, Log: log.New(stderr, "dateline serve: ", log.LstdFlags)}
	if token != "" {
		if opt.Pipeline, err = analysis.New(); err != nil {
			fmt.Fprintln(stderr, "dateline serve:", err)
			return exitFailure
		}
	}
	if *loadtest > 0 {
		*addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "dateline serve:", err)
		return exitFailure
	}
	srv := &http.Server{Handler: server.New(st, opt), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	mode := "read-only"
	if token != "" {
		mode = "writes allowed with the token"
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if *loadtest > 0 {
		defer srv.Close()
		return runLoadTest(ctx, "http://"+ln.Addr().String(), *loadtest, *clients, *p95, stdout, stderr)
	}
	fmt.Fprintf(stdout, "dateline: serving %s (%s) at http://%s/\n", *db, mode, ln.Addr())
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "dateline serve:", err)
		return exitFailure
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "dateline serve:", err)
	}
	return exitOK
}

// ingestSamples adds the bundled sample corpus to the store at db.
func ingestSamples(ctx context.Context, db string, stderr io.Writer) error {
	inputs, err := ingest.SampleInputs()
	if err != nil {
		return err
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return err
	}
	stats, err := ingest.Run(ctx, st, inputs, ingest.Options{Errors: stderr})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "dateline: sample corpus: %d stories read, %d new, %d near-duplicates, %d exact copies\n",
		stats.Read, stats.Added, stats.NearDuplicates, stats.Copies)
	return nil
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

func runLoadTest(ctx context.Context, base string, d time.Duration, clients int, limit time.Duration, stdout, stderr io.Writer) int {
	rs, err := server.LoadTest(ctx, base, nil, server.LoadOptions{Clients: clients, Duration: d, Requests: 1 << 30})
	if err != nil {
		fmt.Fprintln(stderr, "dateline serve --loadtest:", err)
		return exitFailure
	}
	for _, r := range rs {
		fmt.Fprintln(stdout, r)
	}
	n, errs, worst := server.Overall(rs)
	fmt.Fprintf(stdout, "%d requests from %d clients in %s (%.0f/s), %d errors, worst p95 %.1fms\n",
		n, clients, d, float64(n)/d.Seconds(), errs, float64(worst.Microseconds())/1000)
	if errs > 0 || worst > limit {
		fmt.Fprintf(stdout, "FAIL: errors or a p95 above %s\n", limit)
		return exitFailure
	}
	return exitOK
}
