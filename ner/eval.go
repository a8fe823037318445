package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// PRF counts chunks for precision, recall and F1.
type PRF struct {
	Correct   int `json:"correct"`
	Predicted int `json:"predicted"`
	Gold      int `json:"gold"`
}

// Precision is Correct/Predicted in percent (0 when nothing was predicted).
func (p PRF) Precision() float64 { return pct(p.Correct, p.Predicted) }

// Recall is Correct/Gold in percent.
func (p PRF) Recall() float64 { return pct(p.Correct, p.Gold) }

// F1 is the harmonic mean of precision and recall, in percent.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

func (p *PRF) add(q PRF) {
	p.Correct += q.Correct
	p.Predicted += q.Predicted
	p.Gold += q.Gold
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Scores are the official measures of one evaluation.
type Scores struct {
	Format    string `json:"format"` // "conll" or "germeval"
	Sentences int    `json:"sentences"`
	Tokens    int    `json:"tokens"`
	// Overall is conlleval's overall score (CoNLL) or the strict
	// outer-chunk score (GermEval).
	Overall PRF `json:"overall"`
	// ByType breaks Overall down by entity type.
	ByType map[string]PRF `json:"by_type"`
	// GermEval only: outer and inner chunks, and both levels pooled (the
	// shared task's official strict metric).
	Outer    PRF `json:"outer,omitempty"`
	Inner    PRF `json:"inner,omitempty"`
	Combined PRF `json:"combined,omitempty"`
	// TokenAccuracy is the share of tokens whose outer tag is right, in
	// percent.
	TokenAccuracy float64 `json:"token_accuracy"`
}

// chunkScore compares the chunks of gold and predicted IOB2 tags.
func chunkScore(gold, pred []string, byType map[string]PRF) PRF {
	g, p := Chunks(gold), Chunks(pred)
	var s PRF
	s.Gold, s.Predicted = len(g), len(p)
	gs := map[Chunk]bool{}
	for _, c := range g {
		gs[c] = true
		t := byType[c.Type]
		t.Gold++
		byType[c.Type] = t
	}
	for _, c := range p {
		t := byType[c.Type]
		t.Predicted++
		if gs[c] {
			s.Correct++
			t.Correct++
		}
		byType[c.Type] = t
	}
	return s
}

// score evaluates predictions (outer, and inner for GermEval) against the
// gold tags of sents.
func score(format string, sents []Sentence, predOuter, predInner [][]string) Scores {
	sc := Scores{Format: format, ByType: map[string]PRF{}}
	okTok := 0
	for i, s := range sents {
		sc.Sentences++
		sc.Tokens += len(s.Tokens)
		for j := range s.Outer {
			if s.Outer[j] == predOuter[i][j] {
				okTok++
			}
		}
		o := chunkScore(s.Outer, predOuter[i], sc.ByType)
		sc.Outer.add(o)
		if format == "germeval" {
			inner := s.Inner
			if inner == nil {
				inner = make([]string, len(s.Tokens))
				for k := range inner {
					inner[k] = "O"
				}
			}
			pi := predInner[i]
			in := chunkScore(inner, pi, map[string]PRF{})
			sc.Inner.add(in)
		}
	}
	sc.Overall = sc.Outer
	if format == "germeval" {
		sc.Combined = sc.Outer
		sc.Combined.add(sc.Inner)
	} else {
		sc.Outer = PRF{}
	}
	sc.TokenAccuracy = pct(okTok, sc.Tokens)
	return sc
}

// Report writes the scores in the style of the official scorers.
func (sc Scores) Report(w io.Writer) {
	line := func(name string, p PRF) {
		fmt.Fprintf(w, "%-26s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  (correct %d, found %d, gold %d)\n",
			name, p.Precision(), p.Recall(), p.F1(), p.Correct, p.Predicted, p.Gold)
	}
	fmt.Fprintf(w, "processed %d tokens in %d sentences with %d phrases; found: %d phrases; correct: %d.\n",
		sc.Tokens, sc.Sentences, sc.Overall.Gold, sc.Overall.Predicted, sc.Overall.Correct)
	fmt.Fprintf(w, "token accuracy: %.2f%%\n", sc.TokenAccuracy)
	if sc.Format == "germeval" {
		line("strict, outer+inner:", sc.Combined)
		line("strict, outer chunks:", sc.Outer)
		line("strict, inner chunks:", sc.Inner)
		fmt.Fprintln(w, "outer chunks by type:")
	} else {
		line("overall:", sc.Overall)
	}
	types := make([]string, 0, len(sc.ByType))
	for t := range sc.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		line("  "+t+":", sc.ByType[t])
	}
}

// Eval tags the sentences of a GermEval 2014 ("germeval") or CoNLL-2003
// ("conll") file with the embedded model of lang ("de", "en"; empty picks
// de for GermEval and guesses for CoNLL), writes the official measures to
// w and, when predictionsOut is non-nil, the predictions: one token per
// line, "idx TAB token TAB tag" (GermEval) or "token tag" (CoNLL), the
// predicted outer BIO tag last, a blank line between sentences.
func Eval(format, lang, file string, predictionsOut io.Writer, w io.Writer) (Scores, error) {
	var sents []Sentence
	var err error
	switch format {
	case "germeval":
		sents, err = readFile(file, true)
	case "conll":
		sents, err = readFile(file, false)
	default:
		return Scores{}, fmt.Errorf("ner: eval: unknown format %q (want germeval or conll)", format)
	}
	if err != nil {
		return Scores{}, err
	}
	if lang == "" {
		lang = guessLang(format, sents)
	}
	m, err := Load(lang)
	if err != nil {
		return Scores{}, err
	}
	sc, err := m.Evaluate(format, sents, predictionsOut)
	if err != nil {
		return sc, err
	}
	if w != nil {
		fmt.Fprintf(w, "%s (%s, model %s)\n", file, format, lang)
		sc.Report(w)
	}
	return sc, nil
}

// Evaluate tags sents under the annotation scheme of format and scores
// the result; see Eval.
func (m *Model) Evaluate(format string, sents []Sentence, predictionsOut io.Writer) (Scores, error) {
	return m.evaluate(format, sents, predictionsOut, nil)
}

// calibPoint is a predicted chunk's Viterbi margin and whether it was
// right, for calibrating confidences.
type calibPoint struct {
	margin  float32
	correct bool
}

func (m *Model) evaluate(format string, sents []Sentence, predictionsOut io.Writer, calib *[]calibPoint) (Scores, error) {
	dom := m.domainIndex(format)
	var margins []float32
	predOuter := make([][]string, len(sents))
	predInner := make([][]string, len(sents))
	var d decoder
	docs := withDocs(sents, format)
	sents0 := sents
	for i, s := range sents {
		if calib != nil {
			margins = make([]float32, len(s.Tokens))
		}
		if i == 0 || docs[i].dc != docs[i-1].dc {
			var sents [][]string
			for j := i; j < len(sents0) && docs[j].dc == docs[i].dc; j++ {
				sents = append(sents, sents0[j].Tokens)
			}
			m.prepareDoc(&d, sents, dom, docs[i].dc)
		}
		path := m.tag(&d, s.Tokens, dom, docs[i].dc, margins)
		po := make([]string, len(path))
		for j, y := range path {
			po[j] = m.Labels[y]
		}
		pi := m.innerTags(s.Tokens, po)
		predOuter[i], predInner[i] = po, pi
		if calib != nil {
			gold := map[Chunk]bool{}
			for _, c := range Chunks(s.Outer) {
				gold[c] = true
			}
			for _, c := range Chunks(po) {
				mm := margins[c.Start]
				for k := c.Start; k < c.End; k++ {
					mm = min(mm, margins[k])
				}
				*calib = append(*calib, calibPoint{mm, gold[c]})
			}
		}
	}
	if predictionsOut != nil {
		bw := bufio.NewWriter(predictionsOut)
		for i, s := range sents {
			for j, t := range s.Tokens {
				if format == "germeval" {
					fmt.Fprintf(bw, "%d\t%s\t%s\n", j+1, t, predOuter[i][j])
				} else {
					fmt.Fprintf(bw, "%s %s\n", t, predOuter[i][j])
				}
			}
			bw.WriteByte('\n')
		}
		if err := bw.Flush(); err != nil {
			return Scores{}, fmt.Errorf("ner: writing predictions: %w", err)
		}
	}
	return score(format, sents, predOuter, predInner), nil
}

// guessLang tells German from English by counting frequent function words.
func guessLang(format string, sents []Sentence) string {
	if format == "germeval" {
		return "de"
	}
	de, en := 0, 0
	for i, s := range sents {
		if i > 500 {
			break
		}
		for _, t := range s.Tokens {
			switch strings.ToLower(t) {
			case "der", "die", "und", "das", "nicht", "ist":
				de++
			case "the", "and", "of", "is", "to", "not":
				en++
			}
		}
	}
	if de > en {
		return "de"
	}
	return "en"
}

var _ = os.Stdout
