package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

func tinyCorpus() []labelled {
	var out []Sentence
	for i, s := range []string{
		"Peter/B-PER Müller/I-PER lives/O in/O Berlin/B-LOC ./O",
		"Anna/B-PER works/O for/O Siemens/B-ORG in/O Munich/B-LOC ./O",
		"The/O German/B-MISC team/O won/O ./O",
		"Berlin/B-LOC and/O Munich/B-LOC are/O cities/O ./O",
	} {
		var st Sentence
		for _, f := range strings.Fields(s) {
			w, t, _ := strings.Cut(f, "/")
			st.Tokens = append(st.Tokens, w)
			st.Outer = append(st.Outer, t)
		}
		st.Doc = i
		out = append(out, st)
	}
	return withDocs(out, "conll")
}

func TestTrain_Reproducible(t *testing.T) {
	for _, method := range []string{"crf", "perceptron"} {
		t.Run(method, func(t *testing.T) {
			opt := TrainOptions{Lang: "en", Seed: 7, Epochs: 5, Method: method, DataDir: "-"}
			if err := opt.defaults(); err != nil {
				t.Fatal(err)
			}
			var bufs [2]bytes.Buffer
			for i := range bufs {
				m, err := trainModel(opt, nil, tinyCorpus(), nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := m.writeWeights(&bufs[i]); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(bufs[0].Bytes(), bufs[1].Bytes()) {
				t.Error("two trainings with the same seed differ")
			}
		})
	}
}

func TestModel_SaveLoad(t *testing.T) {
	for _, twoPass := range []bool{false, true} {
		t.Run(fmt.Sprintf("two-pass=%v", twoPass), func(t *testing.T) { testSaveLoad(t, twoPass) })
	}
}

func testSaveLoad(t *testing.T, twoPass bool) {
	opt := TrainOptions{Lang: "en", Seed: 1, Epochs: 5, NoResources: true, DataDir: "-", TwoPass: twoPass}
	if err := opt.defaults(); err != nil {
		t.Fatal(err)
	}
	m, err := trainStages(opt, nil, tinyCorpus(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if twoPass && m.stage1 == nil {
		t.Fatal("two-pass model without a first stage")
	}
	m.Meta = Meta{Format: modelFormat, Lang: "en", Labels: m.Labels, Domains: m.Domains, Options: opt.settings()}
	dir := t.TempDir()
	if err := m.Save(filepath.Join(dir, "models", "en")); err != nil {
		t.Fatal(err)
	}
	got, err := LoadFS(os.DirFS(dir), "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range tinyCorpus() {
		want := m.Tag(s.Tokens)
		if g := got.Tag(s.Tokens); !reflect.DeepEqual(g, want) {
			t.Errorf("loaded model tags %v, want %v", g, want)
		}
		if !reflect.DeepEqual(want, s.Outer) {
			t.Errorf("tiny model tags %v, want gold %v", want, s.Outer)
		}
	}
	// A damaged file is an error, not a panic.
	p := filepath.Join(dir, "models", "en", "model.bin.gz")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, b[:len(b)/2], 0o644)
	if _, err := LoadFS(os.DirFS(dir), "en"); err == nil {
		t.Error("truncated model: no error")
	}
}

func TestLoad(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		m, err := Load(lang)
		if err != nil {
			t.Fatalf("Load(%q): %v", lang, err)
		}
		if m2, _ := Load(lang); m2 != m {
			t.Errorf("Load(%q) twice: different models", lang)
		}
		if m.Meta.Lang != lang || len(m.Meta.Data) == 0 || m.Meta.Command == "" {
			t.Errorf("Load(%q): incomplete metadata %+v", lang, m.Meta)
		}
	}
	if _, err := Load("fr"); err == nil {
		t.Error("Load(fr): no error")
	}
}

func TestEval_CoNLLEnglishDev(t *testing.T) {
	file := shareddata.Require(t, "ner", "conll2003-en", "dev.txt")
	var preds, report bytes.Buffer
	sc, err := Eval("conll", "en", file, &preds, &report)
	if err != nil {
		t.Fatal(err)
	}
	// The shipped English model was trained on train+dev, so this only
	// checks the plumbing: a sane score and a well-formed predictions file.
	if f := sc.Overall.F1(); f < 85 {
		t.Errorf("F1 %.2f on dev, want ≥ 85\n%s", f, report.String())
	}
	lines := strings.Split(strings.TrimRight(preds.String(), "\n"), "\n")
	if want := sc.Tokens + sc.Sentences - 1; len(lines) != want {
		t.Errorf("%d prediction lines, want %d", len(lines), want)
	}
	if f := strings.Fields(lines[0]); len(f) != 2 {
		t.Errorf("prediction line %q: want token and tag", lines[0])
	}
	if !strings.Contains(report.String(), "FB1") {
		t.Errorf("report lacks FB1:\n%s", report.String())
	}
}

func TestEval_GermEval(t *testing.T) {
	file := shareddata.Require(t, "ner", "germeval2014", "NER-de-dev.tsv")
	var preds, report bytes.Buffer
	sc, err := Eval("germeval", "", file, &preds, &report)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Format != "germeval" || sc.Combined.Gold <= sc.Outer.Gold {
		t.Errorf("scores %+v: want outer and inner chunks", sc)
	}
	first := strings.SplitN(preds.String(), "\n", 2)[0]
	if f := strings.Split(first, "\t"); len(f) != 3 || f[0] != "1" {
		t.Errorf("prediction line %q: want idx TAB token TAB tag", first)
	}
	for _, want := range []string{"strict, outer+inner", "strict, outer chunks", "strict, inner chunks"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestEval_BadFormat(t *testing.T) {
	if _, err := Eval("brat", "de", "x", nil, nil); err == nil {
		t.Error("unknown format: no error")
	}
}
