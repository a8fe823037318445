package main

import (
	"fmt"
	"io"
	"os"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/timex"
)

func init() {
	evalGroup.register(command{name: "timex", summary: "time expressions against TimeML gold (TempEval-3 measures)", run: runEvalTimex})
}

func runEvalTimex(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval timex", "dateline eval timex [--format timeml] [--lang en] [--predictions OUTDIR] [DIR]", `
Tags the TimeML documents of DIR (searched recursively for .tml files;
default ../shared/data/time/tempeval3-en) with Dateline's time tagger, each
anchored at its document creation time, and reports TempEval-3's measures:
strict and relaxed extent precision, recall and F1, type and value accuracy
and value F1. With --predictions, writes one TimeML file per input with the
system's TIMEX3 tags, for the official scorer.`, stderr)
	format := fs.String("format", "timeml", "gold format (only timeml)")
	lang := fs.String("lang", "en", "language of the documents")
	preds := fs.String("predictions", "", "write the system's TimeML files to `OUTDIR`")
	showErrors := fs.Bool("errors", false, "list missed, spurious and wrongly normalised expressions on standard error")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if *format != "timeml" {
		fmt.Fprintf(stderr, "dateline eval timex: unknown --format %q (only timeml)\n", *format)
		return exitFailure
	}
	var dir string
	if len(pos) > 0 {
		dir = pos[0]
	} else if dir, err = shareddata.Path("time", "tempeval3-en"); err != nil {
		fmt.Fprintln(stderr, "dateline eval timex:", err)
		return exitFailure
	}
	opt := timex.EvalOptions{Lang: *lang, PredictionsDir: *preds}
	if *showErrors {
		opt.Errors = stderr
	}
	if *preds != "" {
		if err := os.MkdirAll(*preds, 0o755); err != nil {
			fmt.Fprintln(stderr, "dateline eval timex:", err)
			return exitFailure
		}
	}
	if _, err := timex.EvalTimeML(dir, opt, stdout); err != nil {
		fmt.Fprintln(stderr, "dateline eval timex:", err)
		return exitFailure
	}
	return exitOK
}
