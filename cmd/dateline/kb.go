package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/kb"
	"github.com/dateline/dateline/link"
)

func init() {
	kbGroup.register(command{name: "build", summary: "regenerate kb/data from ../shared/data/gazetteers", run: runKBBuild})
	evalGroup.register(command{name: "link", summary: "entity linking accuracy on gold files", run: runEvalLink})
}

func runKBBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("kb build", "dateline kb build [--out DIR] [GAZETTEERS_DIR]", `
Regenerates the generated knowledge-base files (places, countries,
subdivisions, Bundestag members) from the gazetteers in
../shared/data/gazetteers. The output is deterministic; the curated files in
the same folder are left alone. Run it from the repository root.`, stderr)
	out := fs.String("out", filepath.Join("kb", "data"), "output `DIR`")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	var dir string
	if len(pos) > 0 {
		dir = pos[0]
	} else if dir, err = shareddata.Path("gazetteers"); err != nil {
		fmt.Fprintln(stderr, "dateline kb build:", err)
		return exitFailure
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "dateline kb build:", err)
		return exitFailure
	}
	if err := kb.Build(dir, *out, stderr); err != nil {
		fmt.Fprintln(stderr, "dateline kb build:", err)
		return exitFailure
	}
	return exitOK
}

func runEvalLink(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval link", "dateline eval link [GOLD_FILE...]", `
Links the mentions of gold files (gold NER spans, expected KB ids) and
reports accuracy per class and the number of persons linked to a wrong KB
person. With no file, runs the gold sets in link/testdata (run from the
repository root).`, stderr)
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
		for _, f := range []string{"gold.txt", "heldout.txt", "heldout2.txt"} {
			files = append(files, filepath.Join("link", "testdata", f))
		}
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "== %s\n", f)
		if _, err := link.Eval(f, stdout); err != nil {
			fmt.Fprintln(stderr, "dateline eval link:", err)
			return exitFailure
		}
	}
	return exitOK
}
