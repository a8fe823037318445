// Package ner finds the names of persons, places, organisations and other
// things (events, products, nationalities as nouns) in German and English
// text.
//
// The recogniser is a first-order linear-chain model over rich token
// features (word forms, affixes, shapes, capitalisation in context,
// gazetteers, a German lexicon and word clusters learned from unlabelled
// news), trained as an averaged structured perceptron and decoded with
// Viterbi under BIO constraints; the English model runs two passes, the
// second seeing the first's predictions for every occurrence of a word in
// the document. The models are trained by Train from the
// public corpora in the shared data folder and shipped inside the binary
// (models/<lang>/, with data/<lang>/ for the resources the features read);
// Load reads one lazily.
//
// The German model predicts GermEval 2014's label set (PER, LOC, ORG, OTH,
// each also as "deriv" — a word derived from a name, "russischen" — and
// "part" — a name inside a word, "US-Präsident"); it was also trained on
// CoNLL-2003 German and Europarl, whose PER/LOC/ORG/MISC scheme it can
// predict as the "conll" domain. The English model predicts CoNLL-2003's
// PER, LOC, ORG, MISC.
//
// Stage writes the entities layer: one doc.Entity per mention, with Type
// PER, LOC, ORG or MISC (GermEval's OTH) and a mention of kind "name", or
// "derived" for deriv and part chunks.
package ner

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// Stage returns the pipeline stage "ner". It needs the language, tokens and
// sentences, and writes the entities layer. Documents in a language
// without a model get no entities and a non-fatal error "ner.lang".
func Stage() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "ner" }
func (stage) Needs() []pipeline.Layer {
	return []pipeline.Layer{pipeline.Lang, pipeline.Tokens, pipeline.Sentences}
}
func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Entities} }

func (stage) Process(d *doc.Document) error {
	lang := strings.ToLower(d.Lang)
	if lang != "de" && lang != "en" {
		if d.Lang != "" {
			d.AddError("ner", "ner.lang", "no NER model for language %q", d.Lang)
		}
		return nil
	}
	m, err := Load(lang)
	if err != nil {
		return err
	}
	m.Annotate(d)
	return nil
}

// Annotate tags every sentence of d (its tokens d.Tokens[s.First:s.Last])
// and appends one entity per mention to d.Entities, in text order.
// Sentences whose token range is invalid are skipped with a non-fatal
// error.
func (m *Model) Annotate(d *doc.Document) {
	domain := 0 // the model's first domain: GermEval (de), CoNLL (en)
	var dec decoder
	var words []string
	var margins []float32
	seen := map[string]int{}
	var ents []doc.Entity
	// The document context: every sentence's words.
	var all [][]string
	for _, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			continue
		}
		var ws []string
		for _, t := range d.Tokens[s.First:s.Last] {
			if t.Valid(len(d.Text)) {
				ws = append(ws, d.Text[t.Start:t.End])
			}
		}
		all = append(all, ws)
	}
	dc := newDocContext(all)
	m.prepareDoc(&dec, all, domain, dc)
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			d.AddError("ner", "ner.sentence", "sentence %d has an invalid token range [%d,%d)", si, s.First, s.Last)
			continue
		}
		toks := d.Tokens[s.First:s.Last]
		words = words[:0]
		valid := true
		for _, t := range toks {
			if !t.Valid(len(d.Text)) || t.Start == t.End {
				valid = false
				break
			}
			words = append(words, d.Text[t.Start:t.End])
		}
		if !valid {
			d.AddError("ner", "ner.token", "sentence %d has a token outside the text", si)
			continue
		}
		if len(words) == 0 {
			continue
		}
		if cap(margins) < len(words) {
			margins = make([]float32, len(words))
		}
		margins = margins[:len(words)]
		path := m.tag(&dec, words, domain, dc, margins)
		tags := make([]string, len(path))
		for i, y := range path {
			tags[i] = m.Labels[y]
		}
		for _, c := range Chunks(tags) {
			minMargin := margins[c.Start]
			for i := c.Start; i < c.End; i++ {
				minMargin = min(minMargin, margins[i])
			}
			conf := m.confidence(minMargin)
			typ, kind := mentionType(c.Type)
			if m.isUnit(words[c.Start:c.End], typ) {
				continue
			}
			for _, sp := range mentionSpans(d.Text, toks[c.Start:c.End], c.Type) {
				name := d.Text[sp.Start:sp.End]
				key := typ + ":" + normName(name)
				seen[key]++
				ents = append(ents, doc.Entity{
					ID:   fmt.Sprintf("m:%s#%d", key, seen[key]),
					Type: typ,
					Name: name,
					Mentions: []doc.Mention{{
						Span: sp, Kind: kind, Confidence: conf,
					}},
				})
			}
		}
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].Mentions[0].Start < ents[j].Mentions[0].Start })
	d.Entities = append(d.Entities, ents...)
}

// isUnit reports whether a MISC chunk is a currency unit ("Dollar",
// "Euro"): GermEval tags some as OTH, but in Dateline's record they are
// amounts, not names.
func (m *Model) isUnit(words []string, typ string) bool {
	if typ != "MISC" || len(words) != 1 || m.fz.res == nil {
		return false
	}
	return m.fz.res.gaz1[strHash(normLower(words[0]))]&(1<<gazCurrency) != 0
}

// mentionType maps a chunk type to an entity type and mention kind:
// OTH → MISC; "deriv" and "part" chunks are "derived" mentions of their
// base type.
func mentionType(chunk string) (typ, kind string) {
	kind = doc.MentionName
	typ = chunk
	for _, suf := range []string{"deriv", "part"} {
		if strings.HasSuffix(typ, suf) {
			typ = strings.TrimSuffix(typ, suf)
			kind = doc.MentionDerived
		}
	}
	if typ == "OTH" {
		typ = "MISC"
	}
	return typ, kind
}

// mentionSpans returns the spans of the names in a chunk. A name chunk is
// one span from its first to its last token. A "part" chunk of one
// hyphenated token keeps the part before the last hyphen ("US" of
// "US-Präsident", "EU" of "EU-Kommission"); a "deriv" chunk of one token
// made of lower-case hyphenated parts gives one span per part ("russisch",
// "ukrainischen" of "russisch-ukrainischen"). Other derived chunks span
// their tokens.
func mentionSpans(text string, toks []doc.Token, chunkType string) []doc.Span {
	whole := doc.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
	if len(toks) != 1 {
		return []doc.Span{whole}
	}
	w := text[whole.Start:whole.End]
	switch {
	case strings.HasSuffix(chunkType, "part"):
		if h := lastHyphen(w); h > 0 {
			return []doc.Span{{Start: whole.Start, End: whole.Start + h}}
		}
	case strings.HasSuffix(chunkType, "deriv"):
		parts := strings.Split(w, "-")
		if len(parts) < 2 {
			break
		}
		var out []doc.Span
		off := whole.Start
		for _, p := range parts {
			r, _ := utf8.DecodeRuneInString(p)
			if utf8.RuneCountInString(p) < 3 || !unicode.IsLower(r) {
				return []doc.Span{whole}
			}
			out = append(out, doc.Span{Start: off, End: off + len(p)})
			off += len(p) + 1
		}
		return out
	}
	return []doc.Span{whole}
}

// lastHyphen returns the byte offset of the last inner hyphen of w, or -1.
func lastHyphen(w string) int {
	h := strings.LastIndexByte(w, '-')
	if h <= 0 || h == len(w)-1 {
		return -1
	}
	return h
}

// normName normalises a mention for entity ids: lower-cased, spaces
// collapsed to "_".
func normName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "_")
}
