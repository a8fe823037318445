// Package quote finds quotations and reported speech in news stories:
// direct quotes in every quotation style, indirect speech (German
// Konjunktiv I and dass-clauses after reporting verbs, "zufolge", "laut",
// "nach Angaben", "wie X mitteilte"; English "said (that)", "according
// to", "told Reuters"), and attributes each to a speaker, a cue with its
// lemma ("teilte ... mit" → "mitteilen"), a channel ("auf X", "in einer
// Erklärung"), an addressee and a time.
//
// The rules know no language: reporting verbs, cue prepositions, channel
// patterns, Konjunktiv I forms and function words are data files under
// lang/<code>/quote-*.txt (channels use the shared rule engine, package
// rules).
//
// Contract: Extract never panics and never modifies d except through its
// return value (the Stage stores it in d.Quotes). Every span lies on rune
// boundaries inside d.Text. A quote's Span is its content only, without
// quotation marks and attribution. An unclosed quotation that opens its
// paragraph ends at the paragraph's end (the convention for quotations
// continued in the next paragraph); one opened mid-paragraph ends with its
// sentence. No quote crosses a paragraph break or the start of another
// story (a line opening with a dateline); a quotation that runs over
// several paragraphs is reported once per paragraph, all with the same
// speaker. Cost: linear in the number of tokens, a few map look-ups per
// token, also on hostile input.
package quote

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
)

// Kinds of quote.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// PronounResolver resolves a pronoun at byte offset at of d to an entity
// id, or "" when it cannot. The linking stage (package link) provides one;
// without it the extractor falls back to the last speaker, else the
// nearest preceding person.
type PronounResolver interface {
	ResolvePronoun(d *doc.Document, at int) string
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithResolver makes the extractor resolve pronoun speakers through r.
func WithResolver(r PronounResolver) Option { return func(e *Extractor) { e.resolver = r } }

// Extractor finds quotes in documents of one language. It is safe for
// concurrent use.
type Extractor struct {
	lex      *lexicon
	resolver PronounResolver
	agencies map[string]bool
}

// New returns an extractor for language code ("de", "en"). It fails, with
// an error wrapping ErrData and naming file:line, when the language's data
// files are missing or malformed.
func New(code string, opts ...Option) (*Extractor, error) {
	lx, err := loadLexicon(code)
	if err != nil {
		return nil, err
	}
	e := &Extractor{lex: lx, agencies: map[string]bool{}}
	if lines, err := lang.Read("common", "agencies.txt"); err == nil {
		for _, l := range lines {
			e.agencies[strings.ToLower(l.Fields[0])] = true
		}
	}
	for _, o := range opts {
		o(e)
	}
	return e, nil
}

// Extract returns the quotes of d, ordered by position. It reads d.Text,
// d.Tokens and d.Sentences (falling back to its own tokenizer and
// splitter when they are empty), d.Entities for speakers, d.Timexes,
// d.Dateline and d.Date for times.
func (e *Extractor) Extract(d *doc.Document) []doc.Quote {
	fs := e.find(d)
	out := make([]doc.Quote, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.quote())
	}
	return out
}

// Stage returns the pipeline stage "quote": it needs the language, tokens,
// sentences, dateline (its span is never quoted; its date is the default
// time of a statement), entities merged by the linking stage (speakers,
// with the pronoun and role mentions the linker adds) and time expressions
// (the time of a statement), and writes d.Quotes. Extractors are built per
// language on first use; a language without quote data gets no quotes and
// a non-fatal error "quote.lang".
func Stage(opts ...Option) pipeline.Stage { return &stage{opts: opts, ex: map[string]*Extractor{}} }

type stage struct {
	opts []Option
	mu   sync.Mutex
	ex   map[string]*Extractor
}

func (*stage) Name() string { return "quote" }
func (*stage) Needs() []pipeline.Layer {
	return []pipeline.Layer{pipeline.Lang, pipeline.Tokens, pipeline.Sentences, pipeline.Dateline, pipeline.Entities, pipeline.Links, pipeline.Timexes}
}
func (*stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Quotes} }

func (s *stage) Process(d *doc.Document) error {
	code := d.Lang
	if code == "" {
		return nil
	}
	s.mu.Lock()
	e, ok := s.ex[code]
	if !ok {
		var err error
		e, err = New(code, s.opts...)
		if err != nil {
			e = nil
			if !lang.IsNotExist(err) {
				s.mu.Unlock()
				return fmt.Errorf("quote: %w", err)
			}
		}
		s.ex[code] = e
	}
	s.mu.Unlock()
	if e == nil {
		d.AddError("quote", "quote.lang", "no quote data for language %q", code)
		return nil
	}
	d.Quotes = e.Extract(d)
	return nil
}

// found is a quote with the extra detail evaluation needs.
type found struct {
	content    doc.Span
	kind       string
	speaker    string
	speakerNP  doc.Span // zero when none
	cue        doc.Span
	cueLemma   string
	cueParts   []doc.Span
	channel    doc.Span
	addressee  doc.Span
	clause     doc.Span // the attribution clause
	time       string
	confidence float64
	pron       int    // token of a pronoun speaker still to resolve, else -1
	pronDef    bool   // the "pronoun" is a definite description ("the company")
	defType    string // what that description can refer to: "PER", "ORG" or ""
	firstTok   int    // first content token
	lastTok    int    // content end token (exclusive)
	sentLast   int    // last sentence touched (content or attribution)
}

func spanPtr(s doc.Span) *doc.Span {
	if s.End <= s.Start {
		return nil
	}
	c := s
	return &c
}

func (f *found) quote() doc.Quote {
	q := doc.Quote{
		Span:        f.content,
		Kind:        f.kind,
		Speaker:     f.speaker,
		SpeakerSpan: spanPtr(f.speakerNP),
		Channel:     spanPtr(f.channel),
		Addressee:   spanPtr(f.addressee),
		Time:        f.time,
		Confidence:  f.confidence,
	}
	if f.cue.End > f.cue.Start {
		q.Cue = &doc.Cue{Span: f.cue, Lemma: f.cueLemma}
	}
	return q
}

func sortFound(fs []*found) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].content.Start < fs[j].content.Start })
}
