package quote

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// ErrCorpus wraps every error about a malformed evaluation corpus file.
var ErrCorpus = errors.New("quote: bad corpus file")

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), 0 when nothing was predicted.
func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall returns TP/(TP+FN), 0 when nothing was expected.
func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// F1 returns the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// Scores are the figures of an evaluation: token-level counts per role
// ("cue", "source", "message" for SpkAtt; "source", "cue", "content" for
// PolNeAR; "direct", "indirect" for Redewiedergabe).
type Scores struct {
	Corpus string
	Docs   int
	Tokens int
	Roles  map[string]*PRF
	Order  []string // roles in report order
}

func newScores(corpus string, roles ...string) Scores {
	s := Scores{Corpus: corpus, Roles: map[string]*PRF{}, Order: roles}
	for _, r := range roles {
		s.Roles[r] = &PRF{}
	}
	return s
}

// String formats the scores as a table.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d documents, %d tokens (token-level)\n", s.Corpus, s.Docs, s.Tokens)
	fmt.Fprintf(&b, "%-10s %8s %8s %8s %8s %8s %8s\n", "role", "P", "R", "F1", "TP", "FP", "FN")
	for _, r := range s.Order {
		p := s.Roles[r]
		fmt.Fprintf(&b, "%-10s %8.1f %8.1f %8.1f %8d %8d %8d\n", r, 100*p.Precision(), 100*p.Recall(), 100*p.F1(), p.TP, p.FP, p.FN)
	}
	return b.String()
}

// count adds a token-level comparison of gold and predicted label sets.
func (s *Scores) count(role string, gold, sys []bool) {
	p := s.Roles[role]
	for i := range gold {
		switch {
		case gold[i] && sys[i]:
			p.TP++
		case sys[i]:
			p.FP++
		case gold[i]:
			p.FN++
		}
	}
}

// detok joins corpus tokens into text, with the spacing of written text:
// no space before closing punctuation and quotation marks, none after
// opening ones. Each sentence starts a new line; paragraphs (a new
// paragraph is marked in paraStart) are separated by a blank line. It
// returns the text and each token's span.
func detok(sents [][]string, paraStart []bool) (string, [][]doc.Span) {
	var b strings.Builder
	spans := make([][]doc.Span, len(sents))
	open := map[rune]bool{} // straight quotes and guillemets currently open
	for si, toks := range sents {
		if si > 0 {
			if si < len(paraStart) && paraStart[si] {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		spans[si] = make([]doc.Span, len(toks))
		prevOpen := true
		for ti, t := range toks {
			if t == "" {
				t = "_"
			}
			r, _ := utf8.DecodeRuneInString(t)
			one := utf8.RuneCountInString(t) == 1
			closing := one && strings.ContainsRune(".,;:!?)]}%“”", r)
			opening := one && strings.ContainsRune("([{„‚", r)
			if one && (r == '"' || r == '\'' || r == '»' || r == '«') {
				fam := r
				if r == '«' {
					fam = '»'
				}
				if open[fam] {
					closing = true
					open[fam] = false
				} else {
					opening = true
					open[fam] = true
				}
			}
			if ti > 0 && !closing && !prevOpen {
				b.WriteByte(' ')
			}
			s := b.Len()
			b.WriteString(t)
			spans[si][ti] = doc.Span{Start: s, End: b.Len()}
			prevOpen = opening
		}
	}
	return b.String(), spans
}

// corpusDoc builds a Document from detokenised text with the corpus's own
// tokens and sentences.
func corpusDoc(text, lang string, spans [][]doc.Span) *doc.Document {
	d := &doc.Document{Text: text, Lang: lang}
	for _, ss := range spans {
		first := len(d.Tokens)
		for _, sp := range ss {
			d.Tokens = append(d.Tokens, doc.Token{Span: sp})
		}
		if len(ss) > 0 {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: ss[0].Start, End: ss[len(ss)-1].End}, First: first, Last: len(d.Tokens)})
		}
	}
	return d
}

// markTokens sets the flags of the tokens (flat index) that overlap span s.
func markTokens(flags []bool, toks []doc.Span, s doc.Span) {
	if s.End <= s.Start {
		return
	}
	k := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.Start })
	for ; k < len(toks) && toks[k].Start < s.End; k++ {
		flags[k] = true
	}
}

func flatten(spans [][]doc.Span) []doc.Span {
	var out []doc.Span
	for _, s := range spans {
		out = append(out, s...)
	}
	return out
}

// readAllLimit reads r up to 64 MiB.
func readAllLimit(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, 64<<20+1))
	if err != nil {
		return nil, err
	}
	if len(b) > 64<<20 {
		return nil, fmt.Errorf("%w: file larger than 64 MiB", ErrCorpus)
	}
	return b, nil
}

// unscorePunct clears every flag of punctuation tokens: annotators'
// span edges differ on punctuation, so only words are scored.
func unscorePunct(text string, toks []doc.Span, flags ...[]bool) {
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if isWordRune(r) {
			continue
		}
		for _, f := range flags {
			f[i] = false
		}
	}
}
