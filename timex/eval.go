package timex

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dateline/dateline/doc"
)

// EvalOptions configure EvalTimeML.
type EvalOptions struct {
	// Lang is the language of the documents ("en" when empty).
	Lang string
	// PredictionsDir, when set, receives one TimeML file per input file
	// (same relative path) with the system's TIMEX3 tags.
	PredictionsDir string
	// Errors, when not nil, receives one line per missed, spurious or
	// wrongly normalised expression.
	Errors io.Writer
}

// Scores are TempEval-3's timex measures. Strict counts a system timex as
// found when its extent equals a gold one, relaxed when it overlaps one.
// Type and value accuracy are over the relaxed matches; value F1 counts
// only relaxed matches with the right value as found (TempEval-3's
// ranking measure).
type Scores struct {
	Docs, Gold, System int
	StrictMatch        int
	RelaxedMatch       int
	TypeCorrect        int
	ValueCorrect       int

	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAccuracy, ValueAccuracy   float64
	TypeF1, ValueF1               float64
}

func prf(tp, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(tp) / float64(sys)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s *Scores) finish() {
	s.StrictP, s.StrictR, s.StrictF1 = prf(s.StrictMatch, s.System, s.Gold)
	s.RelaxedP, s.RelaxedR, s.RelaxedF1 = prf(s.RelaxedMatch, s.System, s.Gold)
	_, _, s.TypeF1 = prf(s.TypeCorrect, s.System, s.Gold)
	_, _, s.ValueF1 = prf(s.ValueCorrect, s.System, s.Gold)
	if s.RelaxedMatch > 0 {
		s.TypeAccuracy = float64(s.TypeCorrect) / float64(s.RelaxedMatch)
		s.ValueAccuracy = float64(s.ValueCorrect) / float64(s.RelaxedMatch)
	}
}

// Score compares system timexes with gold ones (both sorted by start) and
// adds the counts to s. Each system timex is paired with at most one
// overlapping gold timex and vice versa, first come first served.
func (s *Scores) Score(gold []TimeMLTimex, sys []doc.Timex, text string, errs io.Writer, name string) {
	s.Docs++
	s.Gold += len(gold)
	s.System += len(sys)
	used := make([]bool, len(sys))
	for _, g := range gold {
		match := -1
		for j, x := range sys {
			if !used[j] && x.Start < g.End && g.Start < x.End {
				match = j
				break
			}
		}
		if match < 0 {
			if errs != nil {
				fmt.Fprintf(errs, "%s\tMISS\t%q\t%s\t%s\n", name, text[g.Start:g.End], g.Type, g.Value)
			}
			continue
		}
		used[match] = true
		x := sys[match]
		s.RelaxedMatch++
		if strings.TrimSpace(text[x.Start:x.End]) == strings.TrimSpace(text[g.Start:g.End]) {
			s.StrictMatch++
		}
		if x.Type == g.Type {
			s.TypeCorrect++
		}
		if x.Value == g.Value {
			s.ValueCorrect++
		} else if errs != nil {
			fmt.Fprintf(errs, "%s\tVALUE\t%q\t%s\tgold %q %s\tsys %q %s\n", name, text[g.Start:g.End], g.Type, g.Value, text[x.Start:x.End], x.Type, x.Value)
		}
	}
	if errs != nil {
		for j, x := range sys {
			if !used[j] {
				fmt.Fprintf(errs, "%s\tSPURIOUS\t%q\t%s\t%s\n", name, text[x.Start:x.End], x.Type, x.Value)
			}
		}
	}
}

// EvalTimeML tags every .tml file under dir (anchored on its document
// creation time), scores the result against the file's TIMEX3 gold with
// TempEval-3's measures and writes a report to w. With
// opt.PredictionsDir it also writes the system's TimeML files. A file
// that cannot be read is an error naming it.
func EvalTimeML(dir string, opt EvalOptions, w io.Writer) (Scores, error) {
	var sc Scores
	code := opt.Lang
	if code == "" {
		code = "en"
	}
	tg, err := For(code)
	if err != nil {
		return sc, err
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return sc, fmt.Errorf("timex: eval: %w", err)
	}
	if len(files) == 0 {
		return sc, fmt.Errorf("timex: eval: no .tml files under %s", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return sc, fmt.Errorf("timex: eval: %w", err)
		}
		td, err := ReadTimeML(fh)
		fh.Close()
		if err != nil {
			return sc, fmt.Errorf("timex: eval: %s: %w", f, err)
		}
		sys := tg.Tag(td.Text, td.Anchor(), nil)
		rel, _ := filepath.Rel(dir, f)
		sc.Score(td.Timexes, sys, td.Text, opt.Errors, rel)
		if opt.PredictionsDir != "" {
			out := filepath.Join(opt.PredictionsDir, rel)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return sc, fmt.Errorf("timex: eval: %w", err)
			}
			pf, err := os.Create(out)
			if err != nil {
				return sc, fmt.Errorf("timex: eval: %w", err)
			}
			err = WriteTimeML(pf, td, sys)
			if cerr := pf.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return sc, fmt.Errorf("timex: eval: %s: %w", out, err)
			}
		}
	}
	sc.finish()
	if w != nil {
		fmt.Fprintf(w, "TempEval-3 timex scores, %d documents, %d gold, %d system expressions (%s)\n", sc.Docs, sc.Gold, sc.System, dir)
		fmt.Fprintf(w, "strict   P %.2f  R %.2f  F1 %.2f\n", 100*sc.StrictP, 100*sc.StrictR, 100*sc.StrictF1)
		fmt.Fprintf(w, "relaxed  P %.2f  R %.2f  F1 %.2f\n", 100*sc.RelaxedP, 100*sc.RelaxedR, 100*sc.RelaxedF1)
		fmt.Fprintf(w, "type     accuracy %.2f  F1 %.2f\n", 100*sc.TypeAccuracy, 100*sc.TypeF1)
		fmt.Fprintf(w, "value    accuracy %.2f  F1 %.2f\n", 100*sc.ValueAccuracy, 100*sc.ValueF1)
	}
	return sc, nil
}
