// Command nertool trains, cross-validates and evaluates Dateline's NER
// models until the dateline command wires them:
//
//	go run ./ner/internal/cmd/nertool train -lang de -out ner/models/de
//	go run ./ner/internal/cmd/nertool cv -lang de
//	go run ./ner/internal/cmd/nertool eval -format conll -lang en FILE
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/dateline/dateline/ner"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: nertool train|cv|eval [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	var opt ner.TrainOptions
	fs.StringVar(&opt.Lang, "lang", "", "language: de or en")
	fs.StringVar(&opt.DataDir, "data", "", "shared data folder")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	fs.IntVar(&opt.Epochs, "epochs", 0, "training epochs")
	fs.StringVar(&opt.OutDir, "out", "", "output folder for the model")
	fs.BoolVar(&opt.IncludeDev, "include-dev", false, "train English on train+dev")
	fs.BoolVar(&opt.NoResources, "no-resources", false, "no gazetteers, clusters, lexicon")
	fs.BoolVar(&opt.DomainFeatures, "domain-features", false, "domain-conjoined features")
	fs.BoolVar(&opt.NoEuroparl, "no-europarl", false, "leave out Europarl")
	fs.Float64Var(&opt.Prune, "prune", 0, "prune threshold")
	fs.IntVar(&opt.MinCount, "min-count", 0, "feature count cutoff")
	fs.StringVar(&opt.Method, "method", "", "perceptron or crf")
	fs.Float64Var(&opt.C2, "c2", 0, "CRF L2 regularisation")
	fs.Float64Var(&opt.LearningRate, "lr", 0, "CRF learning rate")
	fs.StringVar(&opt.Ablate, "ablate", "", "resources to leave out: gazetteer,clusters,lexicon")
	fs.IntVar(&opt.CV, "cv", 0, "train: cross-validate first with this many folds (scores and calibration in meta.json)")
	fs.Float64Var(&opt.OBias, "obias", 0, "score subtracted from label O when tagging")
	fs.BoolVar(&opt.TwoPass, "two-pass", false, "second stage over first-stage document predictions")
	folds := fs.Int("folds", 5, "cross-validation folds")
	runs := fs.Int("runs", 0, "folds to run (0: all)")
	format := fs.String("format", "conll", "eval format: conll or germeval")
	preds := fs.String("predictions", "", "write predictions here")
	prof := fs.String("cpuprofile", "", "write a CPU profile")
	fs.Parse(os.Args[2:])
	if *prof != "" {
		f, _ := os.Create(*prof)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var err error
	switch os.Args[1] {
	case "train":
		_, err = ner.Train(opt, os.Stderr)
	case "cv":
		var res map[string]ner.Scores
		res, err = ner.CrossValidate(opt, *folds, *runs, os.Stderr)
		for name, sc := range res {
			fmt.Printf("== %s\n", name)
			sc.Report(os.Stdout)
		}
		if err == nil {
			js, _ := json.Marshal(res)
			fmt.Printf("JSON %s\n", js)
		}
	case "eval":
		var out *os.File
		if *preds != "" {
			out, err = os.Create(*preds)
			if err != nil {
				break
			}
			defer out.Close()
		}
		if out != nil {
			_, err = ner.Eval(*format, opt.Lang, fs.Arg(0), out, os.Stdout)
		} else {
			_, err = ner.Eval(*format, opt.Lang, fs.Arg(0), nil, os.Stdout)
		}
	case "stats":
		// Load both embedded models and report time and heap.
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for _, lang := range []string{"de", "en"} {
			t0 := time.Now()
			m, lerr := ner.Load(lang)
			if lerr != nil {
				err = lerr
				break
			}
			fmt.Printf("%s: loaded in %s, %d features, %d labels\n", lang, time.Since(t0).Round(time.Millisecond), m.Meta.Features, len(m.Labels))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		fmt.Printf("heap in use for both models: %.1f MB\n", float64(after.HeapAlloc-before.HeapAlloc)/1e6)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
