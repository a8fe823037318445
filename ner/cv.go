package ner

import (
	"fmt"
	"io"
	"time"
)

// CrossValidate estimates the accuracy of a training configuration
// without the official test splits. German: the GermEval and CoNLL-2003
// German sentences are split into folds (CoNLL by document); for each fold
// a model is trained on everything else (Europarl always included) and
// measured on the fold, and the counts are pooled over folds. English: a
// model trained on the training split is measured on the development
// split (folds is ignored). runs limits how many folds are run (0: all).
func CrossValidate(opt TrainOptions, folds, runs int, log io.Writer) (map[string]Scores, error) {
	if log == nil {
		log = io.Discard
	}
	if err := opt.defaults(); err != nil {
		return nil, err
	}
	res, err := trainingResources(opt)
	if err != nil {
		return nil, err
	}
	if opt.Lang == "en" {
		opt.IncludeDev = false
		corpora, err := readCorpora(opt)
		if err != nil {
			return nil, err
		}
		train := withDocs(corpora[0].sents, "conll")
		m, err := trainModel(opt, res, train, log)
		if err != nil {
			return nil, err
		}
		dev, err := readFile(opt.DataDir+"/ner/conll2003-en/dev.txt", false)
		if err != nil {
			return nil, err
		}
		sc, err := m.Evaluate("conll", dev, nil)
		if err != nil {
			return nil, err
		}
		return map[string]Scores{"conll2003-en/dev": sc}, nil
	}
	if folds < 2 {
		folds = 5
	}
	if runs <= 0 || runs > folds {
		runs = folds
	}
	corpora, err := readCorpora(opt)
	if err != nil {
		return nil, err
	}
	out := map[string]Scores{}
	var outs [][]Scores
	for k := 0; k < runs; k++ {
		t0 := time.Now()
		var train []labelled
		var held []corpus
		for _, c := range corpora {
			var test, rest []Sentence
			for _, s := range c.sents {
				if c.domain != "europarl" && s.Doc%folds == k {
					test = append(test, s)
				} else {
					rest = append(rest, s)
				}
			}
			train = append(train, withDocs(rest, c.domain)...)
			if len(test) > 0 {
				held = append(held, corpus{name: c.name, domain: c.domain, sents: test})
			}
		}
		m, err := trainModel(opt, res, train, io.Discard)
		if err != nil {
			return nil, err
		}
		var row []Scores
		for _, h := range held {
			sc, err := m.Evaluate(h.domain, h.sents, nil)
			if err != nil {
				return nil, err
			}
			row = append(row, sc)
			fmt.Fprintf(log, "ner: fold %d/%d %s: F1 %.2f (%s)\n", k+1, folds, h.name, sc.Overall.F1(), time.Since(t0).Round(time.Second))
		}
		outs = append(outs, row)
		for i, h := range held {
			out[h.name] = mergeScores(out[h.name], row[i])
		}
	}
	return out, nil
}

// mergeScores pools the counts of two evaluations.
func mergeScores(a, b Scores) Scores {
	if a.Format == "" {
		a.Format = b.Format
		a.ByType = map[string]PRF{}
	}
	tok := a.TokenAccuracy*float64(a.Tokens) + b.TokenAccuracy*float64(b.Tokens)
	a.Sentences += b.Sentences
	a.Tokens += b.Tokens
	a.Overall.add(b.Overall)
	a.Outer.add(b.Outer)
	a.Inner.add(b.Inner)
	a.Combined.add(b.Combined)
	for t, p := range b.ByType {
		q := a.ByType[t]
		q.add(p)
		a.ByType[t] = q
	}
	if a.Tokens > 0 {
		a.TokenAccuracy = tok / float64(a.Tokens)
	}
	return a
}
