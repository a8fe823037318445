// Package analysis assembles Dateline's default pipeline: every stage of
// every layer, in an order the pipeline package validates. Stages are cheap
// to construct; the heavy ones (trained models) load on first use, so a
// pipeline restricted to a few layers never pays for the others.
package analysis

import (
	"fmt"
	"strings"

	"github.com/dateline/dateline/amount"
	"github.com/dateline/dateline/event"
	"github.com/dateline/dateline/langid"
	"github.com/dateline/dateline/link"
	"github.com/dateline/dateline/ner"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/quote"
	"github.com/dateline/dateline/segment"
	"github.com/dateline/dateline/timex"
	"github.com/dateline/dateline/wire"
)

// Stages returns all available stages in a valid order.
func Stages() ([]pipeline.Stage, error) {
	dp, err := wire.New()
	if err != nil {
		return nil, fmt.Errorf("analysis: dateline parser: %w", err)
	}
	return []pipeline.Stage{
		langid.Stage(langid.Default()),
		segment.TokenStage(),
		segment.SentenceStage(),
		wire.Stage(dp),
		timex.Stage(),
		amount.Stage(),
		ner.Stage(),
		link.Stage(nil), // the embedded knowledge base, loaded on first use
		quote.Stage(),
		event.Stage(),
	}, nil
}

// New returns a pipeline producing the given layers (and what they need);
// no layers means all of them.
func New(layers ...pipeline.Layer) (*pipeline.Pipeline, error) {
	stages, err := Stages()
	if err != nil {
		return nil, err
	}
	return pipeline.Select(stages, layers)
}

// ParseLayers parses a comma-separated list of layer names ("tokens,
// dateline"); "" or "all" means every layer.
func ParseLayers(s string) ([]pipeline.Layer, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "all" {
		return nil, nil
	}
	known := map[pipeline.Layer]bool{}
	stages, err := Stages()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, st := range stages {
		for _, w := range st.Writes() {
			known[w] = true
			names = append(names, string(w))
		}
	}
	var out []pipeline.Layer
	for _, f := range strings.Split(s, ",") {
		l := pipeline.Layer(strings.TrimSpace(f))
		if l == "" {
			continue
		}
		if !known[l] {
			return nil, fmt.Errorf("unknown layer %q (known: %s)", l, strings.Join(names, ", "))
		}
		out = append(out, l)
	}
	return out, nil
}
