// Package langid identifies the language of a story.
//
// It wraps github.com/abadojack/whatlanggo, a trigram detector for 84
// languages that adds about 1 MB to the binary and needs no model loading
// (lingua-go is more accurate on very short texts but embeds 75 language
// models, a 135 MB binary; see the README for the measurements behind the
// choice). Only the first SampleBytes of a text are looked at: a news lead
// is long enough, and the cost stays flat for long stories.
package langid

import (
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// SampleBytes is how much of a text Detect looks at.
const SampleBytes = 1500

// Result is a detected language.
type Result struct {
	Lang       string  // ISO 639-1 code, "" when undetermined
	Confidence float64 // 0..1
}

// Detector identifies languages, optionally restricted to a set.
type Detector struct {
	opt whatlanggo.Options
}

// New returns a detector considering only the given ISO 639-1 codes (all
// languages the library knows when none are given). Unknown codes are
// ignored.
func New(langs ...string) *Detector {
	d := &Detector{}
	if len(langs) > 0 {
		d.opt.Whitelist = map[whatlanggo.Lang]bool{}
		for _, code := range langs {
			for l := range whatlanggo.Langs {
				if l.Iso6391() == code {
					d.opt.Whitelist[l] = true
				}
			}
		}
	}
	return d
}

// Detect returns the language of text. Texts with no letters give "".
func (d *Detector) Detect(text string) Result {
	if len(text) > SampleBytes {
		cut := SampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.DetectWithOptions(text, d.opt)
	if info.Lang < 0 || info.Script == nil {
		return Result{}
	}
	return Result{Lang: info.Lang.Iso6391(), Confidence: info.Confidence}
}

// Stage returns the language identification stage. A document whose
// language was given (LangGiven) keeps it with confidence 1.
func Stage(d *Detector) pipeline.Stage { return stage{d} }

type stage struct{ d *Detector }

func (stage) Name() string             { return "langid" }
func (stage) Needs() []pipeline.Layer  { return nil }
func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Lang} }
func (s stage) Process(d *doc.Document) error {
	if d.LangGiven && d.Lang != "" {
		d.LangConfidence = 1
		return nil
	}
	sample := d.Text
	if d.Title != "" {
		sample = d.Title + "\n" + d.Text
	}
	r := s.d.Detect(sample)
	d.Lang, d.LangConfidence = r.Lang, r.Confidence
	if r.Lang == "" {
		d.AddError("langid", "langid.unknown", "language could not be identified")
	}
	return nil
}
