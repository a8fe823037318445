package quote

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// RWToken is one token of a Redewiedergabe sample: its form, whether it
// starts a sentence, and its speech, thought and writing representation
// (STWR) labels.
type RWToken struct {
	Tok       string
	SentStart bool
	Labels    []RWLabel
}

// RWLabel is one STWR annotation on a token: its types ("direct",
// "indirect", "freeIndirect", "reported") and media ("speech", "thought",
// "writing").
type RWLabel struct {
	Types []string
	Media []string
}

// Has reports whether the label has type t and one of the media.
func (l RWLabel) Has(t string, media ...string) bool {
	ok := false
	for _, x := range l.Types {
		if x == t {
			ok = true
		}
	}
	if !ok {
		return false
	}
	for _, m := range l.Media {
		for _, w := range media {
			if m == w {
				return true
			}
		}
	}
	return false
}

// ReadRW reads one sample of the Redewiedergabe corpus in its
// column-based TSV format (header line tok, normtok, lemma, pos, rfpos,
// sentstart, stwr, ...). A file without the tok, sentstart and stwr
// columns is an error wrapping ErrCorpus.
func ReadRW(r io.Reader) ([]RWToken, error) {
	b, err := readAllLimit(r)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	col := map[string]int{}
	var out []RWToken
	n := 0
	for sc.Scan() {
		n++
		f := strings.Split(sc.Text(), "\t")
		if n == 1 {
			for i, h := range f {
				col[strings.TrimSpace(h)] = i
			}
			for _, need := range []string{"tok", "sentstart", "stwr"} {
				if _, ok := col[need]; !ok {
					return nil, fmt.Errorf("%w: header lacks column %q", ErrCorpus, need)
				}
			}
			continue
		}
		if len(f) == 1 && strings.TrimSpace(f[0]) == "" {
			continue
		}
		if len(f) <= col["stwr"] || len(f) <= col["tok"] || len(f) <= col["sentstart"] {
			return nil, fmt.Errorf("%w: line %d: %d columns", ErrCorpus, n, len(f))
		}
		t := RWToken{Tok: f[col["tok"]], SentStart: f[col["sentstart"]] == "yes"}
		if s := f[col["stwr"]]; s != "-" && s != "" {
			for _, l := range strings.Split(s, "|") {
				t.Labels = append(t.Labels, parseRWLabel(l))
			}
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %w", ErrCorpus, n, err)
	}
	return out, nil
}

// parseRWLabel parses "direct.speech.1", "indirect freeIndirect.speech
// writing.3.nonfact".
func parseRWLabel(s string) RWLabel {
	parts := strings.Split(s, ".")
	var l RWLabel
	if len(parts) > 0 {
		l.Types = strings.Fields(parts[0])
	}
	if len(parts) > 1 {
		l.Media = strings.Fields(parts[1])
	}
	return l
}

// scoreRW extracts quotes from a sample and adds token-level counts for
// direct (speech and writing) and indirect (speech and writing; free
// indirect and thought excluded) representation.
func (e *Extractor) scoreRW(toks []RWToken, sc *Scores) {
	var sents [][]string
	var gd, gi []bool
	for _, t := range toks {
		if t.SentStart || len(sents) == 0 {
			sents = append(sents, nil)
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], t.Tok)
		dir, ind := false, false
		for _, l := range t.Labels {
			dir = dir || l.Has("direct", "speech", "writing")
			ind = ind || l.Has("indirect", "speech", "writing")
		}
		gd = append(gd, dir)
		gi = append(gi, ind)
	}
	text, spans := detok(sents, nil)
	d := corpusDoc(text, "de", spans)
	flat := flatten(spans)
	sd := make([]bool, len(flat))
	si := make([]bool, len(flat))
	for _, f := range e.find(d) {
		if f.kind == Direct {
			markTokens(sd, flat, f.content)
		} else {
			markTokens(si, flat, f.content)
		}
	}
	unscorePunct(text, flat, gd, gi, sd, si)
	sc.Docs++
	sc.Tokens += len(flat)
	sc.count("direct", gd, sd)
	sc.count("indirect", gi, si)
}
