package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/langid"
	"github.com/dateline/dateline/reader"
)

func init() {
	evalGroup.register(command{name: "langid", summary: "language identification on the German and English corpora", run: runEvalLangid})
}

// langSample is a text with its known language.
type langSample struct {
	corpus, lang, text string
}

func runEvalLangid(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval langid", "dateline eval langid [--only de,en]", `
Identifies the language of every story of the German and English news
corpora in ../shared/data (10kGNAD, Reuters-21578), of their headlines, and
of single sentences (GermEval 2014, CoNLL-2003 English), and reports accuracy
per set, with all languages allowed and restricted to --only.`, stderr)
	only := fs.String("only", strings.Join(lang.Languages(), ","), "languages of the restricted detector (default: those with data, as analyze uses)")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	if _, err := parseFlags(fs, args); err != nil {
		return flagStatus(err)
	}
	dir, err := shareddata.Dir()
	if err != nil {
		fmt.Fprintln(stderr, "dateline eval langid:", err)
		return exitFailure
	}
	samples, err := langSamples(dir)
	if err != nil {
		fmt.Fprintln(stderr, "dateline eval langid:", err)
		return exitFailure
	}
	detectors := []struct {
		name string
		d    *langid.Detector
	}{{"all languages", langid.New()}, {"only " + *only, langid.New(strings.Split(*only, ",")...)}}
	fmt.Fprintf(stdout, "%-28s %8s %22s %22s\n", "set", "samples", detectors[0].name, detectors[1].name)
	order := []string{}
	bySet := map[string][]langSample{}
	for _, s := range samples {
		if _, ok := bySet[s.corpus]; !ok {
			order = append(order, s.corpus)
		}
		bySet[s.corpus] = append(bySet[s.corpus], s)
	}
	for _, set := range order {
		ss := bySet[set]
		fmt.Fprintf(stdout, "%-28s %8d", set, len(ss))
		for _, det := range detectors {
			correct := 0
			var bytes int
			start := time.Now()
			wrong := map[string]int{}
			for _, s := range ss {
				bytes += len(s.text)
				got := det.d.Detect(s.text).Lang
				if got == s.lang {
					correct++
				} else {
					wrong[got]++
				}
			}
			el := time.Since(start).Seconds()
			fmt.Fprintf(stdout, " %7.2f%% (%6.1f MB/s)", 100*float64(correct)/float64(len(ss)), float64(bytes)/1e6/el)
			_ = wrong
		}
		fmt.Fprintln(stdout)
	}
	return exitOK
}

func langSamples(dir string) ([]langSample, error) {
	var out []langSample
	add := func(corpus, lang string, docs func(func(title, text string)) error) error {
		return docs(func(title, text string) {
			out = append(out, langSample{corpus + " stories", lang, text})
			if title != "" {
				out = append(out, langSample{corpus + " headlines", lang, title})
			}
		})
	}
	readFile := func(path string) func(func(string, string)) error {
		return func(fn func(string, string)) error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			r, err := reader.Open(path, f, reader.Options{})
			if err != nil {
				return err
			}
			for {
				d, err := r.Next()
				if errors.Is(err, io.EOF) {
					return nil
				}
				var re *reader.RecordError
				if errors.As(err, &re) {
					continue
				}
				if err != nil {
					return err
				}
				fn(d.Title, d.Text)
			}
		}
	}
	if err := add("10kGNAD (de)", "de", readFile(filepath.Join(dir, "news", "de", "10kGNAD", "test.csv"))); err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(filepath.Join(dir, "news", "en", "reuters21578", "*.sgm"))
	sort.Strings(files)
	for _, f := range files {
		if err := add("Reuters-21578 (en)", "en", readFile(f)); err != nil {
			return nil, err
		}
	}
	sents := func(corpus, lang, path string, col int, comment string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		var words []string
		flush := func() {
			if len(words) >= 5 {
				out = append(out, langSample{corpus, lang, strings.Join(words, " ")})
			}
			words = words[:0]
		}
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, comment) {
				continue
			}
			fields := strings.Fields(line)
			if len(fields) <= col {
				flush()
				continue
			}
			words = append(words, fields[col])
		}
		flush()
		return sc.Err()
	}
	if err := sents("GermEval sentences (de)", "de", filepath.Join(dir, "ner", "germeval2014", "NER-de-dev.tsv"), 1, "#"); err != nil {
		return nil, err
	}
	if err := sents("CoNLL-2003 sentences (en)", "en", filepath.Join(dir, "ner", "conll2003-en", "dev.txt"), 0, "-DOCSTART-"); err != nil {
		return nil, err
	}
	return out, nil
}
