package segment

import (
	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// TokenStage returns the pipeline stage "tokenize": it needs the language
// layer, reads d.Lang (empty or unknown: the generic rule set) and writes
// d.Tokens, reusing its backing array.
func TokenStage() pipeline.Stage { return tokenStage{} }

// SentenceStage returns the pipeline stage "sentences": it needs the token
// layer and writes d.Sentences, with the rules of d.Lang.
func SentenceStage() pipeline.Stage { return sentenceStage{} }

type tokenStage struct{}

func (tokenStage) Name() string             { return "tokenize" }
func (tokenStage) Needs() []pipeline.Layer  { return []pipeline.Layer{pipeline.Lang} }
func (tokenStage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Tokens} }
func (tokenStage) Process(d *doc.Document) error {
	s, err := New(d.Lang)
	if err != nil {
		return err
	}
	d.Tokens = s.Tokens(d.Text, d.Tokens[:0])
	return nil
}

type sentenceStage struct{}

func (sentenceStage) Name() string             { return "sentences" }
func (sentenceStage) Needs() []pipeline.Layer  { return []pipeline.Layer{pipeline.Tokens} }
func (sentenceStage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Sentences} }
func (sentenceStage) Process(d *doc.Document) error {
	s, err := New(d.Lang)
	if err != nil {
		return err
	}
	d.Sentences = s.Sentences(d.Text, d.Tokens, d.Sentences[:0])
	return nil
}
