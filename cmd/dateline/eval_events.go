package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/dateline/dateline/analysis"
	"github.com/dateline/dateline/event"
	"github.com/dateline/dateline/internal/shareddata"
)

func init() {
	evalGroup.register(command{name: "events", summary: "events (type, participants, status) against MEANTIME and gold stories", run: runEvalEvents})
}

func runEvalEvents(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval events", "dateline eval events [--format gold|meantime] [--pipeline] [--verbose] [PATH]", `
Scores the event stage against annotated stories: an emitted event is
correct when its type and main participants match a gold event. Format gold
reads Dateline's gold files (default PATH: event/testdata, run from the
repository root); meantime reads NewsReader MEANTIME XML (default PATH:
../shared/data/events/meantime-en; it has no PLOVER types, so only
triggers and participants are scored). By default the other layers come
from the annotation, which measures the event stage alone; --pipeline
builds them with the full pipeline, as analyze does.`, stderr)
	format := fs.String("format", "gold", "gold or meantime")
	full := fs.Bool("pipeline", false, "build the other layers with the full pipeline")
	verbose := fs.Bool("verbose", false, "list every emitted and missed event")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	var path string
	switch {
	case len(pos) > 0:
		path = pos[0]
	case *format == "meantime":
		if path, err = shareddata.Path("events", "meantime-en"); err != nil {
			fmt.Fprintln(stderr, "dateline eval events:", err)
			return exitFailure
		}
	default:
		path = filepath.Join("event", "testdata")
	}
	opt := event.EvalOptions{Verbose: *verbose}
	if *full {
		p, err := analysis.New()
		if err != nil {
			fmt.Fprintln(stderr, "dateline eval events:", err)
			return exitFailure
		}
		opt.Analyze = p.Run
	}
	if _, err := event.EvalWith(*format, path, stdout, opt); err != nil {
		fmt.Fprintln(stderr, "dateline eval events:", err)
		return exitFailure
	}
	return exitOK
}
