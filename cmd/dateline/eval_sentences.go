package main

import (
	"fmt"
	"io"

	"github.com/dateline/dateline/internal/shareddata"
	"github.com/dateline/dateline/segment"
)

func init() {
	evalGroup.register(command{name: "sentences", summary: "sentence boundaries against Redewiedergabe, SpkAtt (de) and MEANTIME (en)", run: runEvalSentences})
}

func runEvalSentences(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval sentences", "dateline eval sentences [DATA_DIR]", `
Splits the texts of the German quotation corpora (Redewiedergabe, SpkAtt
2023) into sentences and reports precision, recall and F1 of the sentence
starts against their gold sentences. DATA_DIR defaults to ../shared/data.`, stderr)
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
	} else if dir, err = shareddata.Dir(); err != nil {
		fmt.Fprintln(stderr, "dateline eval sentences:", err)
		return exitFailure
	}
	if _, err := segment.EvalSentences(dir, stdout); err != nil {
		fmt.Fprintln(stderr, "dateline eval sentences:", err)
		return exitFailure
	}
	return exitOK
}
