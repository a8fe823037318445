package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one labelled sentence of a training or evaluation corpus.
// Outer and Inner hold one BIO (IOB2) tag per token; Inner is nil for
// corpora without nested entities. Doc numbers the document the sentence
// belongs to (0-based, in file order), for splits that keep documents
// together.
type Sentence struct {
	Tokens []string
	Outer  []string
	Inner  []string
	Doc    int
}

// maxLine bounds the length of one line of a corpus file.
const maxLine = 1 << 20

// ReadCoNLL reads a CoNLL-2003 style file: one token per line with
// whitespace-separated columns, the token first and the entity tag last,
// blank lines between sentences and "-DOCSTART-" lines between documents.
// Tags may be IOB1 (CoNLL-2003 German, Europarl) or IOB2 (CoNLL-2003
// English); they are returned as IOB2. A line with a single column is taken
// as a token tagged O.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Outer = IOB2(cur.Outer)
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	n := 0
	started := false
	for sc.Scan() {
		n++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			if started {
				doc++
			}
			continue
		}
		started = true
		tag := "O"
		if len(f) > 1 {
			tag = f[len(f)-1]
		}
		if !validTag(tag) {
			return out, fmt.Errorf("ner: conll line %d: bad tag %q", n, tag)
		}
		cur.Tokens = append(cur.Tokens, f[0])
		cur.Outer = append(cur.Outer, tag)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("ner: conll line %d: %w", n+1, err)
	}
	flush()
	return out, nil
}

// ReadGermEval reads the GermEval 2014 format: a "#" comment line (source
// URL and date) before each sentence, then "idx TAB token TAB outer TAB
// inner" lines, a blank line after each sentence. Every sentence is its own
// document.
func ReadGermEval(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Outer = IOB2(cur.Outer)
			cur.Inner = IOB2(cur.Inner)
			cur.Doc = len(out)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return out, fmt.Errorf("ner: germeval line %d: want idx TAB token [TAB outer TAB inner], got %q", n, line)
		}
		outer, inner := "O", "O"
		if len(f) > 2 {
			outer = f[2]
		}
		if len(f) > 3 {
			inner = f[3]
		}
		if !validTag(outer) || !validTag(inner) {
			return out, fmt.Errorf("ner: germeval line %d: bad tag in %q", n, line)
		}
		tok := f[1]
		if tok == "" {
			return out, fmt.Errorf("ner: germeval line %d: empty token", n)
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Outer = append(cur.Outer, outer)
		cur.Inner = append(cur.Inner, inner)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("ner: germeval line %d: %w", n+1, err)
	}
	flush()
	return out, nil
}

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
		return false
	}
	return true
}

// IOB2 converts IOB1 tags (an entity starts with I- unless it directly
// follows one of the same type) to IOB2 (every entity starts with B-).
// IOB2 input is returned unchanged. The slice is modified in place.
func IOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
	return tags
}

// Chunk is a labelled token range [Start, End) of a sentence.
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks returns the entity chunks of a sequence of IOB2 tags. An I- tag
// that does not continue a chunk of its type starts a new one (as
// conlleval does).
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start, typ := -1, ""
	for i, t := range tags {
		var b byte
		var ty string
		if t != "O" && len(t) > 2 {
			b, ty = t[0], t[2:]
		}
		if start >= 0 && (ty == "" || b == 'B' || ty != typ) {
			out = append(out, Chunk{Type: typ, Start: start, End: i})
			start = -1
		}
		if ty != "" && start < 0 {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Chunk{Type: typ, Start: start, End: len(tags)})
	}
	return out
}
