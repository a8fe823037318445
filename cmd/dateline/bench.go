package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/doc"
)

func init() {
	register(command{name: "bench", summary: "measure analysis speed on a corpus", run: runBench})
}

const benchHelp = `
Reads the stories of FILE... into memory, then analyses them with the
selected layers and reports stories/s, MB/s of story text and peak memory.
Reading is not timed. Use --workers 1 for single-core figures.

Example (the corpora of ../shared/data):
  dateline bench --workers 1 --layers sentences,dateline ../shared/data/news/en/reuters21578/*.sgm`

func runBench(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench", "dateline bench [flags] FILE...", benchHelp, stderr)
	var in inputOptions
	in.register(fs)
	layers := fs.String("layers", "all", "comma-separated layers to compute; 'all' for every layer")
	workers := fs.Int("workers", 1, "number of stories analysed in parallel")
	rounds := fs.Int("rounds", 1, "how many times to analyse the corpus")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the timed part to `FILE` (go tool pprof)")
	identify := fs.Bool("identify", false, "identify every story's language even when the input gives it (Reuters and 10kGNAD do)")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "dateline bench: no input files")
		return exitFailure
	}
	opt, err := in.readerOptions()
	if err != nil {
		fmt.Fprintln(stderr, "dateline bench:", err)
		return exitFailure
	}
	ls, err := analysis.ParseLayers(*layers)
	if err != nil {
		fmt.Fprintln(stderr, "dateline bench: --layers:", err)
		return exitFailure
	}
	p, err := analysis.New(ls...)
	if err != nil {
		fmt.Fprintln(stderr, "dateline bench:", err)
		return exitFailure
	}

	// Load the corpus.
	var corpus []*doc.Document
	skipped := 0
	src := newSources(files, opt)
	for {
		d, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			skipped++
			fmt.Fprintln(stderr, "dateline bench: skipped:", err)
			continue
		}
		if *identify {
			d.Lang, d.LangGiven = "", false
		}
		corpus = append(corpus, d)
	}
	var bytes int64
	for _, d := range corpus {
		bytes += int64(len(d.Text))
	}
	// Warm up: load models and fill caches on one story.
	if len(corpus) > 0 {
		warm := *corpus[0]
		_ = p.Run(&warm)
	}
	runtime.GC()

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "dateline bench:", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "dateline bench:", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	start, cpu0 := time.Now(), cpuSeconds()
	n := 0
	for r := 0; r < *rounds; r++ {
		i := 0
		next := func() (*doc.Document, error) {
			if i == len(corpus) {
				return nil, io.EOF
			}
			d := *corpus[i] // analyse a fresh copy each round
			i++
			return &d, nil
		}
		err := analysis.Run(p, *workers, next, func(it analysis.Item) error { n++; return nil })
		if err != nil {
			fmt.Fprintln(stderr, "dateline bench:", err)
			return exitFailure
		}
	}
	el, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	mb := float64(bytes) * float64(*rounds) / 1e6
	var stages []string
	for _, s := range p.Stages() {
		stages = append(stages, s.Name())
	}
	fmt.Fprintf(stdout, "stages:     %v\n", stages)
	fmt.Fprintf(stdout, "stories:    %d (%.1f MB of text, %d round(s), %d worker(s), %d skipped)\n", len(corpus), float64(bytes)/1e6, *rounds, *workers, skipped)
	fmt.Fprintf(stdout, "time:       %.3f s\n", el)
	fmt.Fprintf(stdout, "throughput: %.0f stories/s, %.2f MB/s (wall clock)\n", float64(n)/el, mb/el)
	if cpu > 0 {
		// CPU time is steadier than wall-clock time on a shared machine.
		fmt.Fprintf(stdout, "per CPU-s:  %.0f stories, %.2f MB (%.2f CPU-s)\n", float64(n)/cpu, mb/cpu, cpu)
	}
	fmt.Fprintf(stdout, "peak RSS:   %.0f MB\n", peakRSSMB())
	fmt.Fprintf(stdout, "machine:    %s/%s, %d CPU(s), %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if skipped > 0 {
		return exitPartial
	}
	return exitOK
}
