package ner

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// TrainOptions configure Train. The zero value of every field but Lang has
// a sensible default.
type TrainOptions struct {
	// Lang is "de" or "en".
	Lang string
	// DataDir is the shared data folder holding ner/ (default: the one
	// found by internal/shareddata).
	DataDir string
	// Seed fixes the order of training sentences; the same seed, data and
	// options give the same model, byte for byte.
	Seed uint64
	// Epochs is the number of passes over the training data (default 12).
	Epochs int
	// OutDir receives model.bin.gz and meta.json; empty writes nothing.
	OutDir string
	// IncludeDev adds the English development split to the training data
	// (for the shipped model, once it has been measured on dev).
	IncludeDev bool
	// NoResources trains without gazetteers, clusters and lexicon (for
	// ablations).
	NoResources bool
	// DomainFeatures adds copies of some features conjoined with the
	// annotation scheme of the sentence's corpus.
	DomainFeatures bool
	// NoEuroparl leaves out the Europarl corpus (German).
	NoEuroparl bool
	// Method is "crf" (default) or "perceptron" (averaged structured
	// perceptron).
	Method string
	// C2 is the L2 regularisation of the CRF (default 0.3).
	C2 float64
	// LearningRate is the CRF's initial SGD step (default 0.1).
	LearningRate float64
	// CV, when above 1, first cross-validates the configuration with that
	// many folds (see CrossValidate): the scores go into the model's
	// metadata and the held-out predictions calibrate its confidences.
	CV int
	// TwoPass adds a second stage that sees the first stage's predictions
	// for the other occurrences of each word in the document.
	TwoPass bool
	// OBias lowers the score of label O when tagging, for recall (0: none).
	OBias float64
	// Ablate lists resources to leave out, comma-separated: gazetteer,
	// clusters, lexicon (for measurements).
	Ablate string
	// MinCount drops features seen in fewer training tokens (default 1).
	MinCount int
	// Prune drops features whose averaged weights are all below this
	// magnitude (default 0.01; negative keeps every feature).
	Prune float64
}

func (o *TrainOptions) defaults() error {
	if o.Lang != "de" && o.Lang != "en" {
		return fmt.Errorf("ner: train: unsupported language %q (want de or en)", o.Lang)
	}
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Method == "" {
		o.Method = "crf"
	}
	if o.C2 == 0 {
		o.C2 = 0.3
	}
	if o.Prune == 0 {
		o.Prune = 0.01
	}
	if o.DataDir == "" {
		d, err := dataDir()
		if err != nil {
			return err
		}
		o.DataDir = d
	}
	return nil
}

// corpus is a set of sentences in one annotation scheme.
type corpus struct {
	name   string // e.g. "germeval2014/NER-de-dev.tsv"
	domain string // annotation scheme: germeval, conll, europarl
	sents  []Sentence
}

// germanTypes are the GermEval 2014 entity types: four classes, each with
// "deriv" (derived words: "russischen") and "part" (names inside a word:
// "US-Präsident") variants.
var germanTypes = []string{"PER", "LOC", "ORG", "OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv", "PERpart", "LOCpart", "ORGpart", "OTHpart"}

var conllTypes = []string{"PER", "LOC", "ORG", "MISC"}

// labelSpace returns the labels and domains of a language's model and the
// label types each domain allows.
func labelSpace(lang string) (labels, domains []string, allowedTypes [][]string) {
	labels = []string{"O"}
	add := func(types []string) {
		for _, t := range types {
			labels = append(labels, "B-"+t, "I-"+t)
		}
	}
	if lang == "de" {
		add(germanTypes)
		add([]string{"MISC"})
		return labels, []string{"germeval", "conll", "europarl"}, [][]string{germanTypes, conllTypes, conllTypes}
	}
	add(conllTypes)
	return labels, []string{"conll"}, [][]string{conllTypes}
}

func newModel(lang string, res *resources, domainFeats bool) *Model {
	labels, domains, types := labelSpace(lang)
	m := &Model{Lang: lang, Labels: labels, Domains: domains}
	for _, ts := range types {
		a := make([]bool, len(labels))
		a[0] = true
		for i, l := range labels {
			for _, t := range ts {
				if l != "O" && l[2:] == t {
					a[i] = true
				}
			}
		}
		m.allowed = append(m.allowed, a)
	}
	m.fz = featurizer{res: res, domainFeats: domainFeats}
	m.setup()
	return m
}

// readCorpora reads the training corpora of a language.
func readCorpora(opt TrainOptions) ([]corpus, error) {
	type src struct {
		path, domain string
		germeval     bool
		optional     bool // used when present: the train splits ../shared/data lacks
	}
	var srcs []src
	if opt.Lang == "de" {
		srcs = []src{
			{"ner/germeval2014/NER-de-train.tsv", "germeval", true, true},
			{"ner/germeval2014/NER-de-dev.tsv", "germeval", true, false},
			{"ner/conll2003-de/train.txt", "conll", false, true},
			{"ner/conll2003-de/testa.txt", "conll", false, false},
		}
		if !opt.NoEuroparl {
			srcs = append(srcs, src{"ner/europarl-de/train.tsv", "europarl", false, false}, src{"ner/europarl-de/dev.tsv", "europarl", false, false})
		}
	} else {
		srcs = []src{{"ner/conll2003-en/train.txt", "conll", false, false}}
		if opt.IncludeDev {
			srcs = append(srcs, src{"ner/conll2003-en/dev.txt", "conll", false, false})
		}
	}
	var out []corpus
	for _, s := range srcs {
		path := filepath.Join(opt.DataDir, s.path)
		if _, err := os.Stat(path); s.optional && errors.Is(err, fs.ErrNotExist) {
			continue
		}
		sents, err := readFile(path, s.germeval)
		if err != nil {
			return nil, err
		}
		out = append(out, corpus{name: s.path, domain: s.domain, sents: sents})
	}
	return out, nil
}

func readFile(path string, germeval bool) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	var s []Sentence
	if germeval {
		s, err = ReadGermEval(f)
	} else {
		s, err = ReadCoNLL(f)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// instance is a featurized training sentence.
type instance struct {
	feats  []int32 // rows of known features
	starts []int32
	gold   []int
	domain int
}

// trainer holds the perceptron state.
type trainer struct {
	m      *Model
	L      int
	w, u   []float32 // weights and time-weighted update sums (averaging)
	tw, tu []float32
	c      float32
	opt    TrainOptions
}

// Train trains a model on the corpora of opt.Lang and, when opt.OutDir is
// set, writes model.bin.gz and meta.json there. Progress goes to log.
func Train(opt TrainOptions, log io.Writer) (*Model, error) {
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
	corpora, err := readCorpora(opt)
	if err != nil {
		return nil, err
	}
	var train []labelled
	for _, c := range corpora {
		train = append(train, withDocs(c.sents, c.domain)...)
		fmt.Fprintf(log, "ner: %s: %d sentences (%s)\n", c.name, len(c.sents), c.domain)
	}
	var cvScores map[string]Scores
	confA, confB := 0.0, 0.0
	if opt.CV > 1 {
		var calib []calibPoint
		cvScores, calib, err = crossValidate(opt, opt.CV, 0, log)
		if err != nil {
			return nil, err
		}
		confA, confB = fitCalibration(calib)
		fmt.Fprintf(log, "ner: confidence calibration a=%.4f b=%.4f from %d chunks\n", confA, confB, len(calib))
	}
	start := time.Now()
	m, err := trainStages(opt, res, train, log)
	if err != nil {
		return nil, err
	}
	m.confA, m.confB = confA, confB
	m.Meta = Meta{
		Format:   modelFormat,
		Lang:     opt.Lang,
		Method:   methodName(opt.Method),
		Command:  opt.command(),
		Seed:     opt.Seed,
		Epochs:   opt.Epochs,
		Labels:   m.Labels,
		Domains:  m.Domains,
		Features: len(m.feat),
		Options:  opt.settings(),
		Trained:  time.Since(start).Round(time.Second).String(),
	}
	for _, c := range corpora {
		m.Meta.Data = append(m.Meta.Data, DataInfo{File: c.name, Domain: c.domain, Sentences: len(c.sents)})
	}
	if cvScores != nil {
		m.Meta.Scores = map[string]any{}
		for name, sc := range cvScores {
			e := map[string]any{
				"format":    sc.Format,
				"precision": round2(sc.Overall.Precision()),
				"recall":    round2(sc.Overall.Recall()),
				"f1":        round2(sc.Overall.F1()),
				"counts":    sc.Overall,
			}
			if opt.Lang == "de" {
				e["estimate"] = fmt.Sprintf("%d-fold cross-validation", opt.CV)
			} else {
				e["estimate"] = "trained on train, measured on dev"
			}
			if sc.Format == "germeval" {
				e["outer_inner_f1"] = round2(sc.Combined.F1())
				e["inner_f1"] = round2(sc.Inner.F1())
			}
			byType := map[string]float64{}
			for t, p := range sc.ByType {
				byType[t] = round2(p.F1())
			}
			e["f1_by_type"] = byType
			m.Meta.Scores[name] = e
		}
	}
	if opt.OutDir != "" {
		if err := m.Save(opt.OutDir); err != nil {
			return nil, err
		}
		fmt.Fprintf(log, "ner: wrote %s\n", opt.OutDir)
	}
	return m, nil
}

type labelled struct {
	Sentence
	domain string
	dc     *docContext
}

// withDocs pairs sentences with their annotation scheme and the context
// of their document (sentences with the same Doc number).
func withDocs(sents []Sentence, domain string) []labelled {
	out := make([]labelled, len(sents))
	for i := 0; i < len(sents); {
		j := i
		var toks [][]string
		for j < len(sents) && sents[j].Doc == sents[i].Doc {
			toks = append(toks, sents[j].Tokens)
			j++
		}
		dc := newDocContext(toks)
		for k := i; k < j; k++ {
			out[k] = labelled{sents[k], domain, dc}
		}
		i = j
	}
	return out
}

func (o TrainOptions) settings() map[string]any {
	return map[string]any{
		"epochs":          o.Epochs,
		"include_dev":     o.IncludeDev,
		"no_resources":    o.NoResources,
		"domain_features": o.DomainFeatures,
		"no_europarl":     o.NoEuroparl,
		"prune":           o.Prune,
		"min_count":       o.MinCount,
		"ablate":          o.Ablate,
		"o_bias":          o.OBias,
		"two_pass":        o.TwoPass,
		"method":          o.Method,
		"c2":              o.C2,
		"learning_rate":   o.LearningRate,
	}
}

func trainingResources(opt TrainOptions) (*resources, error) {
	if opt.NoResources {
		return nil, nil
	}
	res, err := loadResources(dataFS(), opt.Lang)
	if err != nil {
		return nil, err
	}
	for _, a := range strings.Split(opt.Ablate, ",") {
		switch a {
		case "gazetteer":
			res.gaz1, res.gazMulti, res.locPfx = map[uint64]uint16{}, map[uint64][]gazEntry{}, map[uint64]bool{}
		case "clusters":
			res.clusters = map[uint64][3]uint16{}
		case "lexicon":
			res.lex = map[uint64]uint16{}
		}
	}
	return res, nil
}

// trainStages trains a one- or two-pass model.
func trainStages(opt TrainOptions, res *resources, train []labelled, log io.Writer) (*Model, error) {
	if opt.TwoPass {
		return trainTwoPass(opt, res, train, log)
	}
	return trainModel(opt, res, train, log)
}

// trainModel runs the perceptron over train.
func trainModel(opt TrainOptions, res *resources, train []labelled, log io.Writer) (*Model, error) {
	if log == nil {
		log = io.Discard
	}
	m := newModel(opt.Lang, res, opt.DomainFeatures)
	L := m.numLabels()
	labelIdx := map[string]int{}
	for i, l := range m.Labels {
		labelIdx[l] = i
	}
	// Featurize, indexing every feature seen in at least MinCount tokens.
	counts := map[uint64]int32{}
	if opt.MinCount > 1 {
		var buf []uint64
		var starts []int32
		for _, s := range train {
			buf, starts = m.fz.sentence(s.Tokens, m.domainIndex(s.domain), s.dc, buf[:0], starts[:0])
			for _, f := range buf {
				counts[f]++
			}
		}
	}
	feat := map[uint64]int32{}
	var insts []instance
	var buf []uint64
	var starts []int32
	skipped := 0
	for _, s := range train {
		dom := m.domainIndex(s.domain)
		gold := make([]int, len(s.Tokens))
		ok := true
		for i, t := range s.Outer {
			y, known := labelIdx[t]
			if !known || !m.allowed[dom][y] {
				ok = false
				break
			}
			gold[i] = y
		}
		if !ok {
			skipped++
			continue
		}
		buf, starts = m.fz.sentence(s.Tokens, dom, s.dc, buf[:0], starts[:0])
		in := instance{gold: gold, domain: dom, starts: append([]int32(nil), starts...)}
		in.feats = make([]int32, 0, len(buf))
		for t := range s.Tokens {
			from := len(in.feats)
			for _, f := range buf[starts[t]:starts[t+1]] {
				if opt.MinCount > 1 && counts[f] < int32(opt.MinCount) {
					continue
				}
				k, seen := feat[f]
				if !seen {
					k = int32(len(feat))
					feat[f] = k
				}
				in.feats = append(in.feats, k)
			}
			in.starts[t] = int32(from)
		}
		in.starts[len(s.Tokens)] = int32(len(in.feats))
		insts = append(insts, in)
	}
	if len(insts) == 0 {
		return nil, errors.New("ner: train: no training sentences")
	}
	fmt.Fprintf(log, "ner: %d sentences (%d skipped), %d features, %d labels\n", len(insts), skipped, len(feat), L)
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	if opt.Method == "crf" {
		ct := &crfTrainer{m: m, L: L, w: make([]float32, len(feat)*L), scale: 1, trans: make([]float32, (L+1)*L)}
		for i := range ct.trans {
			if !m.transOK[i] {
				ct.trans[i] = negInf
			}
		}
		ct.train(insts, opt, rng, log)
		tr := &trainer{m: m, L: L, w: ct.w, tw: ct.trans, opt: opt}
		tr.install(feat, opt.Prune, log)
		return m, nil
	}
	tr := &trainer{m: m, L: L, opt: opt,
		w: make([]float32, len(feat)*L), u: make([]float32, len(feat)*L),
		tw: make([]float32, (L+1)*L), tu: make([]float32, (L+1)*L),
	}
	for i := range tr.tw {
		if !m.transOK[i] {
			tr.tw[i] = negInf
		}
	}
	m.trans, m.tmask = tr.tw, tr.tw
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	var d decoder
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		t0 := time.Now()
		for _, k := range order {
			in := &insts[k]
			tr.c++
			n := len(in.gold)
			tr.emissions(&d, in)
			pred := m.viterbi(&d, n, m.allowed[in.domain], nil)
			toks += n
			for t := 0; t < n; t++ {
				if pred[t] != in.gold[t] {
					errs++
				}
			}
			tr.update(in, pred)
		}
		fmt.Fprintf(log, "ner: epoch %d: %.2f%% token errors (%s)\n", ep+1, 100*float64(errs)/float64(toks), time.Since(t0).Round(time.Millisecond))
	}
	tr.finish(feat, opt.Prune, log)
	return m, nil
}

func (tr *trainer) emissions(d *decoder, in *instance) {
	L := tr.L
	n := len(in.gold)
	if cap(d.em) < n*L {
		d.em = make([]float32, n*L)
	}
	d.em = d.em[:n*L]
	clear(d.em)
	for t := 0; t < n; t++ {
		row := d.em[t*L : t*L+L]
		for _, k := range in.feats[in.starts[t]:in.starts[t+1]] {
			wr := tr.w[int(k)*L : int(k)*L+L]
			for y := range row {
				row[y] += wr[y]
			}
		}
	}
}

// update applies the perceptron update for one sentence.
func (tr *trainer) update(in *instance, pred []int) {
	L := tr.L
	c := tr.c
	gold := in.gold
	for t := range gold {
		gp, pp := L, L
		if t > 0 {
			gp, pp = gold[t-1], pred[t-1]
		}
		if gold[t] == pred[t] && gp == pp {
			continue
		}
		tr.tw[gp*L+gold[t]]++
		tr.tu[gp*L+gold[t]] += c
		tr.tw[pp*L+pred[t]]--
		tr.tu[pp*L+pred[t]] -= c
		if gold[t] == pred[t] {
			continue
		}
		for _, k := range in.feats[in.starts[t]:in.starts[t+1]] {
			i := int(k) * L
			tr.w[i+gold[t]]++
			tr.u[i+gold[t]] += c
			tr.w[i+pred[t]]--
			tr.u[i+pred[t]] -= c
		}
	}
}

// finish averages the weights, prunes near-zero features and installs the
// result in the model.
func (tr *trainer) finish(feat map[uint64]int32, prune float64, log io.Writer) {
	c := tr.c + 1
	for i := range tr.w {
		tr.w[i] -= tr.u[i] / c
	}
	for i := range tr.tw {
		tr.tw[i] -= tr.tu[i] / c
	}
	tr.install(feat, prune, log)
}

// install prunes near-zero features and puts the weights in the model.
func (tr *trainer) install(feat map[uint64]int32, prune float64, log io.Writer) {
	L := tr.L
	keys := make([]uint64, 0, len(feat))
	for h := range feat {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	newFeat := make(map[uint64]int32)
	var w []float32
	for _, h := range keys {
		row := tr.w[int(feat[h])*L : int(feat[h])*L+L]
		keep := prune < 0
		for _, v := range row {
			if math.Abs(float64(v)) >= prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		newFeat[h] = int32(len(newFeat))
		w = append(w, row...)
	}
	fmt.Fprintf(log, "ner: kept %d of %d features\n", len(newFeat), len(feat))
	tr.m.feat, tr.m.w = newFeat, w
	tr.m.trans = append([]float32(nil), tr.tw...)
	tr.m.oBias = float32(tr.opt.OBias)
	tr.m.index()
}

func methodName(m string) string {
	if m == "perceptron" {
		return "averaged structured perceptron; first-order Viterbi with BIO constraints"
	}
	return "linear-chain CRF, L2-regularised SGD; first-order Viterbi with BIO constraints"
}

// command is the command line that reproduces a model.
func (o TrainOptions) command() string {
	c := fmt.Sprintf("dateline train ner --lang %s --seed %d --epochs %d --method %s --c2 %g", o.Lang, o.Seed, o.Epochs, o.Method, o.C2)
	if o.IncludeDev {
		c += " --include-dev"
	}
	if o.TwoPass {
		c += " --two-pass"
	}
	if o.CV > 1 {
		c += fmt.Sprintf(" --cv %d", o.CV)
	}
	return c + " (or: go run ./ner/internal/cmd/nertool train -lang ... with the same flags)"
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
