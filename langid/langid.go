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
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
)

// SampleBytes is how much of a text Detect looks at.
const SampleBytes = 400

// Result is a detected language.
type Result struct {
	Lang       string  // ISO 639-1 code, "" when undetermined
	Confidence float64 // 0..1
}

// Detector identifies languages, optionally restricted to a set.
type Detector struct {
	opt whatlanggo.Options
	// stop maps a lower-case function word to the languages it belongs to
	// (lang/<code>/stopwords.txt).
	stop  map[string][]string
	langs []string // languages with a stop word list, in lang order
}

// New returns a detector considering only the given ISO 639-1 codes (all
// languages the library knows when none are given). Unknown codes are
// ignored.
func New(langs ...string) *Detector {
	d := &Detector{stop: map[string][]string{}}
	allowed := map[string]bool{}
	for _, l := range langs {
		allowed[l] = true
	}
	for _, code := range lang.Languages() {
		if len(langs) > 0 && !allowed[code] {
			continue
		}
		words, err := lang.List(code, "stopwords.txt")
		if err != nil {
			continue // a language without a list is left to the trigrams
		}
		d.langs = append(d.langs, code)
		for _, w := range words {
			d.stop[strings.ToLower(w)] = append(d.stop[strings.ToLower(w)], code)
		}
	}
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

// Default returns the detector Dateline uses: restricted to the languages
// it has data for (a folder under lang/ with a stopwords.txt). Trigram
// detectors over many languages label tables of figures and capitalised
// headlines as Malagasy or French; restricting the choice to the languages
// the later stages can analyse is what `dateline eval langid` measured best.
func Default() *Detector { return New(lang.Languages()...) }

// Detect returns the language of text. Texts with no letters give "".
func (d *Detector) Detect(text string) Result {
	if len(text) > SampleBytes {
		cut := SampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if r, ok := d.byFunctionWords(text); ok {
		return r
	}
	info := whatlanggo.DetectWithOptions(text, d.opt)
	if info.Lang < 0 || info.Script == nil {
		return Result{}
	}
	return Result{Lang: info.Lang.Iso6391(), Confidence: info.Confidence}
}

// Function-word voting: a text whose words are at least minShare function
// words of one language, minHits of them, and twice as many as of any other
// language, is of that language. Running text passes easily (a third of its
// words are function words); tables of figures and capitalised headlines,
// where trigram statistics go wrong, fall through to the trigrams.
const (
	minHits  = 3
	minShare = 0.08
)

func (d *Detector) byFunctionWords(text string) (Result, bool) {
	if len(d.langs) == 0 {
		return Result{}, false
	}
	var counts [8]int // per language index; more languages fall back below
	if len(d.langs) > len(counts) {
		return Result{}, false
	}
	words := 0
	var buf [32]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		words++
		if w := lowerASCII(buf[:0], text[i:j]); w != nil {
			for _, l := range d.stop[string(w)] {
				counts[d.index(l)]++
			}
		}
		i = j
	}
	best, second, bi := 0, 0, -1
	for i := range d.langs {
		switch c := counts[i]; {
		case c > best:
			best, second, bi = c, best, i
		case c > second:
			second = c
		}
	}
	if bi < 0 || best < minHits || float64(best) < minShare*float64(words) || best < 2*second {
		return Result{}, false
	}
	return Result{Lang: d.langs[bi], Confidence: float64(best-second) / float64(best)}, true
}

func (d *Detector) index(l string) int {
	for i, x := range d.langs {
		if x == l {
			return i
		}
	}
	return 0
}

// lowerASCII lower-cases a short word into buf; it returns nil for words
// too long to be function words. Non-ASCII letters are kept as they are
// (the lists hold them lower-case: "für", "über").
func lowerASCII(buf []byte, w string) []byte {
	if len(w) > cap(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
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
