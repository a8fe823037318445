package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/wire"
)

func init() {
	evalGroup.register(command{name: "dateline", summary: "dateline place and date against Reuters-21578 <DATELINE>", run: runEvalDateline})
}

func runEvalDateline(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval dateline", "dateline eval dateline [--errors] [FILE.sgm...]", `
Parses the dateline of every Reuters-21578 story and compares its place and
date with the story's <DATELINE> element. With no FILE, reads all of
../shared/data/news/en/reuters21578/*.sgm.`, stderr)
	showErrors := fs.Bool("errors", false, "list every disagreement on standard error")
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
		dir, err := shareddata.Path("news", "en", "reuters21578")
		if err != nil {
			fmt.Fprintln(stderr, "dateline eval dateline:", err)
			return exitFailure
		}
		files, _ = filepath.Glob(filepath.Join(dir, "*.sgm"))
		if len(files) == 0 {
			fmt.Fprintln(stderr, "dateline eval dateline: no .sgm files in", dir)
			return exitFailure
		}
	}
	var errw io.Writer
	if *showErrors {
		errw = stderr
	}
	sc, err := wire.EvalReuters(files, errw)
	if err != nil {
		fmt.Fprintln(stderr, "dateline eval dateline:", err)
		return exitFailure
	}
	sc.Report(stdout)
	return exitOK
}
