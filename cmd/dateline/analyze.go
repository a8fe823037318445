package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/kb"
	"github.com/dateline/dateline/reader"
)

func init() {
	register(command{name: "analyze", summary: "analyse stories and write one JSON record per story", run: runAnalyze})
}

const analyzeHelp = `
Reads news stories and writes one JSON object per story (JSON Lines) to
standard output: language, dateline, sentences, and the layers selected with
--layers. With no FILE, or when FILE is -, reads standard input.

Input formats (--format, detected from the extension and content when auto):
  record  ' date YYYY-MM-DD' header lines, each followed by a story (.txt)
  text    one story per file (.txt); --date sets its publication date
  jsonl   JSON Lines with id, date, title, text, lang, url, source (.jsonl)
  sgml    Reuters-21578 SGML (.sgm)
  gnad    10kGNAD CSV: label;'text' (.csv)

Exit status: 0 when every record was analysed, 2 when some were skipped as
malformed (each reported on standard error with file, record number and
reason), 1 on usage errors.`

// inputOptions are the flags shared by the commands that read stories.
type inputOptions struct {
	format string
	date   string
	lang   string
}

func (o *inputOptions) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&o.format, "format", "auto", "input format: auto, record, text, jsonl, sgml, gnad")
	fs.StringVar(&o.date, "date", "", "publication date YYYY-MM-DD for stories that carry none")
	fs.StringVar(&o.lang, "lang", "", "language of every story (ISO 639-1, e.g. de, en); default: identify")
}

func (o *inputOptions) readerOptions() (reader.Options, error) {
	f, err := reader.ParseFormat(o.format)
	if err != nil {
		return reader.Options{}, err
	}
	opt := reader.Options{Format: f, Lang: o.lang}
	if o.date != "" {
		t, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			return opt, fmt.Errorf("--date %q: want YYYY-MM-DD", o.date)
		}
		opt.Date = t
	}
	return opt, nil
}

func runAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("analyze", "dateline analyze [flags] [FILE...]", analyzeHelp, stderr)
	var in inputOptions
	in.register(fs)
	layers := fs.String("layers", "all", "comma-separated layers to compute (lang, tokens, sentences, dateline, ...); 'all' for every layer")
	tokens := fs.Bool("tokens", false, "include the tokens layer in the output")
	pretty := fs.Bool("pretty", false, "indent the JSON output")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of stories analysed in parallel")
	kbFile := fs.String("kb", "", "merge a knowledge-base `FILE` of your own into the embedded one (format: kb/data/README.md)")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	opt, err := in.readerOptions()
	if err != nil {
		fmt.Fprintln(stderr, "dateline analyze:", err)
		return exitFailure
	}
	ls, err := analysis.ParseLayers(*layers)
	if err != nil {
		fmt.Fprintln(stderr, "dateline analyze: --layers:", err)
		return exitFailure
	}
	if *kbFile != "" {
		// Before any linker exists: the KB is not locked while linking.
		if err := kb.LoadFile(*kbFile); err != nil {
			fmt.Fprintln(stderr, "dateline analyze: --kb:", err)
			return exitFailure
		}
	}
	p, err := analysis.New(ls...)
	if err != nil {
		fmt.Fprintln(stderr, "dateline analyze:", err)
		return exitFailure
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriterSize(stdout, 1<<16)
	defer out.Flush()
	enc := doc.NewEncoder(out, doc.EncodeOptions{Tokens: *tokens, Pretty: *pretty})

	src := newSources(files, opt)
	skipped := 0
	err = analysis.Run(p, *workers, src.next, func(it analysis.Item) error {
		if it.Err != nil {
			skipped++
			fmt.Fprintln(stderr, "dateline analyze: skipped:", it.Err)
			return nil
		}
		return enc.Encode(it.Doc)
	})
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "dateline analyze:", err)
		return exitFailure
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "dateline analyze: %d record(s) or file(s) skipped\n", skipped)
		return exitPartial
	}
	return exitOK
}

// sources reads the documents of several files in turn. A file that cannot
// be opened or read is reported as an error item and the next file follows.
type sources struct {
	files []string
	opt   reader.Options
	cur   reader.Reader
	close func() error
}

func newSources(files []string, opt reader.Options) *sources {
	return &sources{files: files, opt: opt}
}

func (s *sources) next() (*doc.Document, error) {
	for {
		if s.cur == nil {
			if len(s.files) == 0 {
				return nil, io.EOF
			}
			name := s.files[0]
			s.files = s.files[1:]
			r, closeFn, err := openInput(name, s.opt)
			if err != nil {
				return nil, err
			}
			s.cur, s.close = r, closeFn
		}
		d, err := s.cur.Next()
		if err == nil {
			return d, nil
		}
		var re *reader.RecordError
		if errors.As(err, &re) {
			return nil, err
		}
		s.close()
		s.cur = nil
		if !errors.Is(err, io.EOF) {
			return nil, err
		}
	}
}

func openInput(name string, opt reader.Options) (reader.Reader, func() error, error) {
	if name == "-" {
		r, err := reader.Open("-", os.Stdin, opt)
		return r, func() error { return nil }, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: is a directory", name)
	}
	r, err := reader.Open(name, f, opt)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, f.Close, nil
}

// helpRequested reports whether args ask for help before any "--".
func helpRequested(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
