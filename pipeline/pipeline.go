// Package pipeline runs analysis stages over documents.
//
// A Stage is a small interface: it declares the layers it needs and the
// layers it writes, and processes one document. A Pipeline is an ordered
// list of stages, checked when it is built: a stage whose needs are not
// written by an earlier stage, or two stages writing the same layer, is an
// error at start-up rather than halfway through a corpus.
package pipeline

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/dateline/dateline/doc"
)

// Layer names a part of the document model that a stage writes.
type Layer string

// The layers of the document model.
const (
	Lang      Layer = "lang"
	Tokens    Layer = "tokens"
	Sentences Layer = "sentences"
	Dateline  Layer = "dateline"
	Timexes   Layer = "timexes"
	Amounts   Layer = "amounts"
	Entities  Layer = "entities"
	Links     Layer = "links" // entity linking and coreference (rewrites Entities)
	Quotes    Layer = "quotes"
	Events    Layer = "events"
)

// Stage is one step of analysis.
type Stage interface {
	// Name is a short stable name used in errors and on the command line.
	Name() string
	// Needs lists the layers that must be present before Process runs.
	Needs() []Layer
	// Writes lists the layers Process fills.
	Writes() []Layer
	// Process analyses d in place. It must not panic on any input and must
	// only add spans that lie on rune boundaries inside d.Text. An error
	// means the document could not be analysed by this stage; problems the
	// stage can live with go into d.Errors instead.
	Process(d *doc.Document) error
}

// Pipeline is an ordered, validated list of stages.
type Pipeline struct {
	stages []Stage
}

// ErrOrder is returned when a stage needs a layer no earlier stage writes.
var ErrOrder = errors.New("pipeline: stage order")

// New validates the order of stages and returns a pipeline.
func New(stages ...Stage) (*Pipeline, error) {
	written := map[Layer]string{}
	names := map[string]bool{}
	for _, s := range stages {
		if names[s.Name()] {
			return nil, fmt.Errorf("pipeline: duplicate stage %q", s.Name())
		}
		names[s.Name()] = true
		for _, n := range s.Needs() {
			if _, ok := written[n]; !ok {
				return nil, fmt.Errorf("%w: stage %q needs layer %q, which no earlier stage writes", ErrOrder, s.Name(), n)
			}
		}
		for _, w := range s.Writes() {
			if prev, ok := written[w]; ok {
				return nil, fmt.Errorf("pipeline: layer %q written by both %q and %q", w, prev, s.Name())
			}
			written[w] = s.Name()
		}
	}
	return &Pipeline{stages: stages}, nil
}

// Select builds a pipeline from the stages in available (given in a valid
// order) that are needed to produce the wanted layers: the stages writing
// them and, transitively, the stages writing what those need. An empty
// want selects every stage.
func Select(available []Stage, want []Layer) (*Pipeline, error) {
	if len(want) == 0 {
		return New(available...)
	}
	writer := map[Layer]int{}
	for i, s := range available {
		for _, w := range s.Writes() {
			writer[w] = i
		}
	}
	keep := make([]bool, len(available))
	var visit func(l Layer) error
	visit = func(l Layer) error {
		i, ok := writer[l]
		if !ok {
			return fmt.Errorf("pipeline: unknown layer %q (known: %s)", l, strings.Join(layerNames(available), ", "))
		}
		if keep[i] {
			return nil
		}
		keep[i] = true
		for _, n := range available[i].Needs() {
			if err := visit(n); err != nil {
				return err
			}
		}
		return nil
	}
	for _, l := range want {
		if err := visit(l); err != nil {
			return nil, err
		}
	}
	var sel []Stage
	for i, s := range available {
		if keep[i] {
			sel = append(sel, s)
		}
	}
	return New(sel...)
}

func layerNames(stages []Stage) []string {
	var out []string
	for _, s := range stages {
		for _, w := range s.Writes() {
			out = append(out, string(w))
		}
	}
	return out
}

// Stages returns the pipeline's stages in order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// Writes reports whether some stage of the pipeline writes layer l.
func (p *Pipeline) Writes(l Layer) bool {
	for _, s := range p.stages {
		for _, w := range s.Writes() {
			if w == l {
				return true
			}
		}
	}
	return false
}

// StageError is a stage's failure on one document.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return fmt.Sprintf("stage %s: %v", e.Stage, e.Err) }
func (e *StageError) Unwrap() error { return e.Err }

// Run processes d with every stage in order. A stage that fails (or,
// despite its contract, panics) is recorded in d.Errors and the stages
// after it still run on what is there; Run returns the first failure.
func (p *Pipeline) Run(d *doc.Document) (err error) {
	for _, s := range p.stages {
		if e := runStage(s, d); e != nil {
			d.AddError(s.Name(), "stage.failed", "%v", e)
			if err == nil {
				err = &StageError{Stage: s.Name(), Err: e}
			}
		}
	}
	return err
}

func runStage(s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return s.Process(d)
}
