package quote

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/segment"
)

// Corpora lists the corpus names Eval accepts.
var Corpora = []string{"spkatt", "polnear", "redewiedergabe"}

// ErrUnknownCorpus is returned by Eval for a corpus name it does not know.
var ErrUnknownCorpus = errors.New("quote: unknown corpus")

// Eval scores the extractor against an annotated corpus and writes a
// report to w (files it had to skip, then the table of scores).
//
//   - "spkatt": GermEval 2023 SpkAtt task-1 JSON (a file, or a folder
//     searched for */task1/*.json). Roles cue (with particles), source and
//     message, scored token by token: a token is a true positive for a
//     role when an annotation and an extracted quote both give it that
//     role. Punctuation tokens are not scored.
//   - "polnear": PolNeAR brat standoff (a compartment folder with text/
//     and attributions/, or a folder holding compartments). Roles source,
//     cue and content, token by token over the package segment's tokens.
//     When an article has several annotators' files, the first (by name)
//     is used.
//   - "redewiedergabe": the corpus's TSV files (a folder searched for
//     *.tsv). Roles direct and indirect (speech and writing; thought and
//     free indirect excluded), token by token, over all samples and, when
//     metadata.tsv is present, over the news samples alone ("/news").
//
// A malformed file is reported to w and skipped; Eval fails only when the
// path cannot be read or holds no file of the corpus.
func Eval(corpus, path string, w io.Writer) (Scores, error) {
	if w == nil {
		w = io.Discard
	}
	switch corpus {
	case "spkatt":
		x, err := New("de")
		if err != nil {
			return Scores{}, err
		}
		return x.evalSpkAtt(path, w)
	case "polnear":
		x, err := New("en")
		if err != nil {
			return Scores{}, err
		}
		return x.evalPolNeAR(path, w)
	case "redewiedergabe":
		x, err := New("de")
		if err != nil {
			return Scores{}, err
		}
		return x.evalRW(path, w)
	}
	return Scores{}, fmt.Errorf("%w %q (want one of %s)", ErrUnknownCorpus, corpus, strings.Join(Corpora, ", "))
}

// files returns the files under root (or root itself) accepted by keep,
// sorted.
func files(root string, keep func(path string) bool) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("quote: eval: %w", err)
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && keep(p) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quote: eval: %w", err)
	}
	sort.Strings(out)
	return out, nil
}

func (x *Extractor) evalSpkAtt(path string, w io.Writer) (Scores, error) {
	fs, err := files(path, func(p string) bool {
		return strings.HasSuffix(p, ".json") && filepath.Base(filepath.Dir(p)) == "task1"
	})
	if err == nil && len(fs) == 0 {
		fs, err = files(path, func(p string) bool { return strings.HasSuffix(p, ".json") })
	}
	if err != nil {
		return Scores{}, err
	}
	sc := newScores("spkatt", "cue", "source", "message")
	for _, p := range fs {
		f, err := os.Open(p)
		if err != nil {
			return sc, fmt.Errorf("quote: eval: %w", err)
		}
		d, err := ReadSpkAtt(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(w, "skip %s: %v\n", p, err)
			continue
		}
		d.Name = filepath.Base(p)
		x.scoreSpkAtt(d, &sc)
	}
	if sc.Docs == 0 {
		return sc, fmt.Errorf("quote: eval: no SpkAtt file under %s", path)
	}
	fmt.Fprint(w, sc)
	return sc, nil
}

func (x *Extractor) evalPolNeAR(path string, w io.Writer) (Scores, error) {
	txts, err := files(path, func(p string) bool {
		return strings.HasSuffix(p, ".txt") && filepath.Base(filepath.Dir(p)) == "text"
	})
	if err != nil {
		return Scores{}, err
	}
	seg, err := segment.New("en")
	if err != nil {
		return Scores{}, err
	}
	prep := func(d *doc.Document) {
		d.Tokens = seg.Tokens(d.Text, nil)
		d.Sentences = seg.Sentences(d.Text, d.Tokens, nil)
	}
	sc := newScores("polnear", "source", "cue", "content")
	for _, p := range txts {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		anns, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(p)), "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		tb, err := os.ReadFile(p)
		if err != nil {
			return sc, fmt.Errorf("quote: eval: %w", err)
		}
		f, err := os.Open(anns[0])
		if err != nil {
			return sc, fmt.Errorf("quote: eval: %w", err)
		}
		bs, err := ReadBrat(f, string(tb))
		f.Close()
		if err != nil {
			fmt.Fprintf(w, "skip %s: %v\n", anns[0], err)
			continue
		}
		x.scorePolNeAR(string(tb), bs, &sc, prep)
	}
	if sc.Docs == 0 {
		return sc, fmt.Errorf("quote: eval: no PolNeAR text/attributions pair under %s", path)
	}
	fmt.Fprint(w, sc)
	return sc, nil
}

func (x *Extractor) evalRW(path string, w io.Writer) (Scores, error) {
	fs, err := files(path, func(p string) bool {
		return strings.HasSuffix(p, ".tsv") && filepath.Base(p) != "metadata.tsv"
	})
	if err != nil {
		return Scores{}, err
	}
	news := map[string]bool{}
	metas, _ := files(path, func(p string) bool { return filepath.Base(p) == "metadata.tsv" })
	for _, m := range metas {
		readRWMeta(m, news)
	}
	sc := newScores("redewiedergabe", "direct", "indirect", "direct/news", "indirect/news")
	for _, p := range fs {
		f, err := os.Open(p)
		if err != nil {
			return sc, fmt.Errorf("quote: eval: %w", err)
		}
		toks, err := ReadRW(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(w, "skip %s: %v\n", p, err)
			continue
		}
		x.scoreRW(toks, &sc)
		if news[filepath.Base(p)] {
			sub := newScores("", "direct", "indirect")
			x.scoreRW(toks, &sub)
			for _, r := range []string{"direct", "indirect"} {
				a, b := sc.Roles[r+"/news"], sub.Roles[r]
				a.TP, a.FP, a.FN = a.TP+b.TP, a.FP+b.FP, a.FN+b.FN
			}
		}
	}
	if sc.Docs == 0 {
		return sc, fmt.Errorf("quote: eval: no Redewiedergabe TSV under %s", path)
	}
	fmt.Fprint(w, sc)
	return sc, nil
}

// readRWMeta marks the files whose text_type is "Nachrichten" (news).
func readRWMeta(path string, news map[string]bool) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	col := map[string]int{}
	for n := 0; sc.Scan(); n++ {
		fl := strings.Split(sc.Text(), "\t")
		if n == 0 {
			for i, h := range fl {
				col[h] = i
			}
			continue
		}
		fi, ok1 := col["file"]
		ti, ok2 := col["text_type"]
		if ok1 && ok2 && fi < len(fl) && ti < len(fl) && fl[ti] == "Nachrichten" {
			news[fl[fi]] = true
		}
	}
}
