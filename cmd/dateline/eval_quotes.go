package main

import (
	"fmt"
	"io"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/quote"
)

func init() {
	evalGroup.register(command{name: "quotes", summary: "quotations and reported speech against SpkAtt, PolNeAR, Redewiedergabe", run: runEvalQuotes})
}

// quoteCorpora maps a corpus name to its default folder in ../shared/data.
var quoteCorpora = map[string][]string{
	"spkatt":         {"quotes", "spkatt2023-de", "train"},
	"polnear":        {"quotes", "polnear-en", "dev"},
	"redewiedergabe": {"quotes", "redewiedergabe-de", "data"},
}

func runEvalQuotes(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval quotes", "dateline eval quotes [--corpus spkatt|polnear|redewiedergabe|all] [PATH]", `
Extracts quotations and reported speech from an annotated corpus and reports
token-level precision, recall and F1 per role: SpkAtt 2023 (German
parliamentary speeches: cue, source, message), PolNeAR (English news:
source, cue, content), Redewiedergabe (German 1840-1919: direct and indirect
speech). PATH defaults to the corpus's folder in ../shared/data (SpkAtt
train, PolNeAR dev, all of Redewiedergabe).`, stderr)
	corpus := fs.String("corpus", "all", "spkatt, polnear, redewiedergabe or all")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	names := []string{*corpus}
	if *corpus == "all" {
		if len(pos) > 0 {
			fmt.Fprintln(stderr, "dateline eval quotes: a PATH needs --corpus")
			return exitFailure
		}
		names = []string{"spkatt", "polnear", "redewiedergabe"}
	}
	for _, name := range names {
		elem, ok := quoteCorpora[name]
		if !ok {
			fmt.Fprintf(stderr, "dateline eval quotes: unknown --corpus %q\n", name)
			return exitFailure
		}
		path := ""
		if len(pos) > 0 {
			path = pos[0]
		} else if path, err = shareddata.Path(elem...); err != nil {
			fmt.Fprintln(stderr, "dateline eval quotes:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "== %s (%s)\n", name, path)
		if _, err := quote.Eval(name, path, stdout); err != nil {
			fmt.Fprintln(stderr, "dateline eval quotes:", err)
			return exitFailure
		}
	}
	return exitOK
}
