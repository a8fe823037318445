package ner

import (
	"fmt"
	"io"
	"math"
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
	sc, _, err := crossValidate(opt, folds, runs, log)
	return sc, err
}

func crossValidate(opt TrainOptions, folds, runs int, log io.Writer) (map[string]Scores, []calibPoint, error) {
	var calib []calibPoint
	if log == nil {
		log = io.Discard
	}
	if err := opt.defaults(); err != nil {
		return nil, nil, err
	}
	res, err := trainingResources(opt)
	if err != nil {
		return nil, nil, err
	}
	if opt.Lang == "en" {
		opt.IncludeDev = false
		corpora, err := readCorpora(opt)
		if err != nil {
			return nil, nil, err
		}
		train := withDocs(corpora[0].sents, "conll")
		m, err := trainStages(opt, res, train, log)
		if err != nil {
			return nil, nil, err
		}
		dev, err := readFile(opt.DataDir+"/ner/conll2003-en/dev.txt", false)
		if err != nil {
			return nil, nil, err
		}
		sc, err := m.evaluate("conll", dev, nil, &calib)
		if err != nil {
			return nil, nil, err
		}
		return map[string]Scores{"conll2003-en/dev": sc}, calib, nil
	}
	if folds < 2 {
		folds = 5
	}
	if runs <= 0 || runs > folds {
		runs = folds
	}
	corpora, err := readCorpora(opt)
	if err != nil {
		return nil, nil, err
	}
	out := map[string]Scores{}
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
		m, err := trainStages(opt, res, train, io.Discard)
		if err != nil {
			return nil, nil, err
		}
		var row []Scores
		for _, h := range held {
			sc, err := m.evaluate(h.domain, h.sents, nil, &calib)
			if err != nil {
				return nil, nil, err
			}
			row = append(row, sc)
			fmt.Fprintf(log, "ner: fold %d/%d %s: F1 %.2f (%s)\n", k+1, folds, h.name, sc.Overall.F1(), time.Since(t0).Round(time.Second))
		}
		for i, h := range held {
			out[h.name] = mergeScores(out[h.name], row[i])
		}
	}
	return out, calib, nil
}

// fitCalibration fits p(correct) = 1/(1+exp(-(a*margin+b))) to the
// points by gradient descent on the log-loss.
func fitCalibration(pts []calibPoint) (a, b float64) {
	if len(pts) == 0 {
		return 0.5, 0
	}
	a, b = 0.5, 0
	for it := 0; it < 2000; it++ {
		var ga, gb float64
		for _, p := range pts {
			x := math.Min(float64(p.margin), 50)
			q := 1 / (1 + math.Exp(-(a*x + b)))
			y := 0.0
			if p.correct {
				y = 1
			}
			ga += (q - y) * x
			gb += q - y
		}
		n := float64(len(pts))
		a -= 0.05 * ga / n
		b -= 0.5 * gb / n
	}
	return a, b
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
