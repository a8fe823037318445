package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/ner"
)

func init() {
	trainGroup.register(command{name: "ner", summary: "train the named-entity model of a language", run: runTrainNER})
	evalGroup.register(command{name: "ner", summary: "named entities against GermEval 2014 or CoNLL-2003 files", run: runEvalNER})
}

func runTrainNER(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("train ner", "dateline train ner --lang de|en [flags]", `
Trains the named-entity recogniser of a language from the corpora in
../shared/data/ner (German: CoNLL-2003 testa, GermEval 2014 dev, Europarl;
English: CoNLL-2003 train, with --include-dev also dev) and writes
model.bin.gz and meta.json to --out. The same seed, data and flags give the
same model, byte for byte. The command that built each committed model is
in its meta.json ("command"); run it from the repository root:

  dateline train ner --lang de --seed 1 --epochs 12 --method crf --c2 0.3 --cv 5
  dateline train ner --lang en --seed 1 --epochs 12 --method crf --c2 0.3 --include-dev --two-pass --cv 5`, stderr)
	var opt ner.TrainOptions
	fs.StringVar(&opt.Lang, "lang", "", "language: de or en")
	fs.StringVar(&opt.DataDir, "data", "", "shared data folder (default: ../shared/data)")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	fs.IntVar(&opt.Epochs, "epochs", 0, "training epochs (default 12)")
	out := fs.String("out", "", "output folder (default ner/models/LANG)")
	fs.StringVar(&opt.Method, "method", "", "crf (default) or perceptron")
	fs.Float64Var(&opt.C2, "c2", 0, "CRF L2 regularisation (default 0.3)")
	fs.Float64Var(&opt.LearningRate, "lr", 0, "CRF initial learning rate (default 0.1)")
	fs.IntVar(&opt.CV, "cv", 0, "cross-validate with this many folds first (scores and confidence calibration go into meta.json)")
	fs.BoolVar(&opt.IncludeDev, "include-dev", false, "English: train on train+dev")
	fs.BoolVar(&opt.TwoPass, "two-pass", false, "second stage over the first stage's document predictions")
	fs.BoolVar(&opt.NoEuroparl, "no-europarl", false, "German: leave out Europarl")
	fs.BoolVar(&opt.NoResources, "no-resources", false, "no gazetteers, clusters or lexicon (ablation)")
	fs.StringVar(&opt.Ablate, "ablate", "", "resources to leave out, comma-separated: gazetteer, clusters, lexicon")
	fs.BoolVar(&opt.DomainFeatures, "domain-features", false, "add features conjoined with the corpus's annotation scheme")
	fs.Float64Var(&opt.OBias, "obias", 0, "score subtracted from label O when tagging")
	fs.IntVar(&opt.MinCount, "min-count", 0, "drop features seen in fewer training tokens")
	fs.Float64Var(&opt.Prune, "prune", 0, "drop features whose weights are all below this magnitude (default 0.01)")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	if _, err := parseFlags(fs, args); err != nil {
		return flagStatus(err)
	}
	if opt.Lang != "de" && opt.Lang != "en" {
		fmt.Fprintln(stderr, "dateline train ner: --lang de or --lang en is required")
		return exitFailure
	}
	opt.OutDir = *out
	if opt.OutDir == "" {
		opt.OutDir = filepath.Join("ner", "models", opt.Lang)
	}
	if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
		fmt.Fprintln(stderr, "dateline train ner:", err)
		return exitFailure
	}
	if _, err := ner.Train(opt, stderr); err != nil {
		fmt.Fprintln(stderr, "dateline train ner:", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "model written to %s\n", opt.OutDir)
	return exitOK
}

func runEvalNER(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval ner", "dateline eval ner --format germeval|conll [--lang de|en] [--predictions OUT] FILE", `
Tags the sentences of FILE with the embedded model and prints the official
measures: for GermEval 2014 the shared task's strict metric (outer and
inner chunks) and outer-only F1; for CoNLL-2003 conlleval's precision,
recall and F1, overall and per type. --predictions writes the input's
tokens one per line with the predicted outer BIO tag last
("idx TAB token TAB tag" for GermEval, "token tag" for CoNLL), a blank line
between sentences, for any other scorer.`, stderr)
	format := fs.String("format", "", "germeval or conll")
	lang := fs.String("lang", "", "model language: de or en (default: de for germeval, guessed for conll)")
	preds := fs.String("predictions", "", "write the predictions to `OUT`")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(pos) != 1 || (*format != "germeval" && *format != "conll") {
		fmt.Fprintln(stderr, "dateline eval ner: want --format germeval|conll and one FILE")
		return exitFailure
	}
	var pw io.Writer
	if *preds != "" {
		f, err := os.Create(*preds)
		if err != nil {
			fmt.Fprintln(stderr, "dateline eval ner:", err)
			return exitFailure
		}
		defer f.Close()
		pw = f
	}
	if _, err := ner.Eval(*format, *lang, pos[0], pw, stdout); err != nil {
		fmt.Fprintln(stderr, "dateline eval ner:", err)
		return exitFailure
	}
	return exitOK
}
