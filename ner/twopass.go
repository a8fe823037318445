package ner

import (
	"fmt"
	"io"
)

// Two-pass tagging (stacking): a first-stage model tags the whole
// document, and the second-stage model sees, for every capitalised word,
// the types the first stage gave to all its occurrences in the document
// ("prediction history", Ratinov and Roth 2009). The second stage is
// trained on first-stage predictions made by models that did not see the
// document (5-fold jackknife), so it learns how far to trust them.

const maxDocPred = 8

// setPredictions fills dc.pred from the first-stage tags of the
// document's sentences.
func (dc *docContext) setPredictions(sents [][]string, tags [][]string) {
	dc.pred = map[uint64][]uint64{}
	for i, s := range sents {
		for _, c := range Chunks(tags[i]) {
			for k := c.Start; k < c.End; k++ {
				if !isCapitalised(s[k]) {
					continue
				}
				pos := byte('I')
				if k == c.Start {
					pos = 'B'
				}
				h := strHash(s[k])
				if len(dc.pred[h]) < maxDocPred {
					dc.pred[h] = appendUniq(dc.pred[h], uint64(newHash(tDocPred).str(c.Type).byte(pos)))
				}
			}
		}
	}
}

// prepareDoc runs the first stage over a document (when the model has
// one) and records its predictions in dc.
func (m *Model) prepareDoc(d *decoder, sents [][]string, domain int, dc *docContext) {
	if m.stage1 == nil || dc == nil {
		return
	}
	dc.pred = nil
	tags := make([][]string, len(sents))
	for i, s := range sents {
		path := m.stage1.tag(d, s, domain, dc, nil)
		tags[i] = make([]string, len(path))
		for j, y := range path {
			tags[i][j] = m.Labels[y]
		}
	}
	dc.setPredictions(sents, tags)
	dc.perLast = nil // the second stage tags the document afresh
}

// docGroups returns the indices of train grouped by document context.
func docGroups(train []labelled) [][]int {
	var out [][]int
	idx := map[*docContext]int{}
	for i, s := range train {
		k, ok := idx[s.dc]
		if !ok || s.dc == nil {
			k = len(out)
			idx[s.dc] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// trainTwoPass trains the first stage on all of train, jackknifes its
// predictions over train, and trains the second stage on them.
func trainTwoPass(opt TrainOptions, res *resources, train []labelled, log io.Writer) (*Model, error) {
	if log == nil {
		log = io.Discard
	}
	for _, s := range train {
		if s.dc != nil {
			s.dc.pred = nil
		}
	}
	stage1, err := trainModel(opt, res, train, io.Discard)
	if err != nil {
		return nil, err
	}
	const folds = 5
	groups := docGroups(train)
	preds := make([][]string, len(train))
	for k := 0; k < folds; k++ {
		var part []labelled
		for g, idx := range groups {
			if g%folds != k {
				for _, i := range idx {
					part = append(part, train[i])
				}
			}
		}
		mk, err := trainModel(opt, res, part, io.Discard)
		if err != nil {
			return nil, err
		}
		var d decoder
		for g, idx := range groups {
			if g%folds != k {
				continue
			}
			for _, i := range idx {
				path := mk.tag(&d, train[i].Tokens, mk.domainIndex(train[i].domain), train[i].dc, nil)
				preds[i] = make([]string, len(path))
				for j, y := range path {
					preds[i][j] = mk.Labels[y]
				}
			}
		}
		fmt.Fprintf(log, "ner: two-pass: jackknife fold %d/%d\n", k+1, folds)
	}
	for _, idx := range groups {
		dc := train[idx[0]].dc
		if dc == nil {
			continue
		}
		var sents, tags [][]string
		for _, i := range idx {
			sents = append(sents, train[i].Tokens)
			tags = append(tags, preds[i])
		}
		dc.setPredictions(sents, tags)
	}
	m, err := trainModel(opt, res, train, log)
	for _, s := range train {
		if s.dc != nil {
			s.dc.pred = nil
		}
	}
	if err != nil {
		return nil, err
	}
	m.stage1 = stage1
	return m, nil
}

func isCapitalised(w string) bool {
	r := firstRune(w)
	return r >= 'A' && r <= 'Z' || r > 0x7f && isUpperRune(r)
}
