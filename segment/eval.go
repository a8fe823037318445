package segment

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// Score is the sentence-boundary accuracy on one corpus. A boundary is the
// start of a sentence other than the first of a document; a predicted
// boundary is correct when it falls on the start of a gold sentence.
type Score struct {
	Corpus    string
	Docs      int
	Gold      int // gold boundaries
	Predicted int // predicted boundaries
	Correct   int // predicted boundaries that are gold boundaries
}

// terminalView restricts a score to boundaries that follow sentence-final
// punctuation (. ! ? … with closing quotes or brackets), where the
// corpora agree on the convention; the gold standards differ on
// semicolons, colons and line breaks.
const terminalSuffix = "@.!?"

// Precision is Correct/Predicted (1 when nothing was predicted).
func (s Score) Precision() float64 { return ratio(s.Correct, s.Predicted) }

// Recall is Correct/Gold (1 when there is no gold boundary).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *Score) add(o Score) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.Correct += o.Correct
}

// Scores are the results of EvalSentences, one per corpus.
type Scores []Score

// Get returns the score of the named corpus.
func (ss Scores) Get(corpus string) (Score, bool) {
	for _, s := range ss {
		if s.Corpus == corpus {
			return s, true
		}
	}
	return Score{}, false
}

// Corpus names used by EvalSentences.
const (
	CorpusRedewiedergabe = "redewiedergabe-de"
	CorpusSpkAtt         = "spkatt2023-de"
	CorpusMeantime       = "meantime-en"
)

// goldDoc is a tokenised gold document: tokens and, for each, whether it
// starts a sentence.
type goldDoc struct {
	Name   string
	Part   string // sub-corpus, e.g. "mkhz" for Redewiedergabe newspaper samples
	Tokens []string
	Starts []bool
	// Breaks marks tokens preceded by a line break in the original (a
	// title or date line that ends without punctuation); nil when unknown.
	Breaks []bool
	Lang   string // "" for German
}

// EvalSentences measures sentence splitting against the gold sentences of
// the corpora in dataDir (the shared data folder):
//
//   - quotes/redewiedergabe-de/data/main/tsv/*.tsv: the "sentstart" column
//     (German, 1840–1919; also reported per source: digbib fiction, grenz
//     magazine, mkhz newspapers);
//   - quotes/spkatt2023-de/{train,trial}/task1/*.json: the Sentences lists
//     (German Bundestag speeches);
//   - events/meantime-en/intra-doc_annotation/*/*.xml: the token sentence
//     numbers (English Wikinews).
//
// The gold tokens are joined into running text (see detokenize), the
// segmenter of the corpus language splits it, and boundaries are compared
// by byte offset. In MEANTIME the title and date lines end without
// punctuation; they are joined with a blank line, as in the original page.
// A summary table is written to w. Corpora whose folder is missing are
// skipped; if none is found the error wraps fs.ErrNotExist.
func EvalSentences(dataDir string, w io.Writer) (Scores, error) {
	return evalSentences(dataDir, w, nil)
}

// evalError describes one wrong boundary, for error analysis in tests.
type evalError struct {
	Corpus, Doc string
	Missed      bool // a gold boundary not predicted (else a false one)
	Context     string
}

func evalSentences(dataDir string, w io.Writer, onError func(evalError)) (Scores, error) {
	de, err := New("de")
	if err != nil {
		return nil, err
	}
	en, err := New("en")
	if err != nil {
		return nil, err
	}
	type corpus struct {
		name  string
		files func() ([]string, error)
		read  func(string) ([]goldDoc, error)
	}
	corpora := []corpus{
		{CorpusRedewiedergabe, func() ([]string, error) {
			return filepath.Glob(filepath.Join(dataDir, "quotes", "redewiedergabe-de", "data", "main", "tsv", "rwk_*.tsv"))
		}, readRedewiedergabeFile},
		{CorpusSpkAtt, func() ([]string, error) {
			return filepath.Glob(filepath.Join(dataDir, "quotes", "spkatt2023-de", "*", "task1", "*.json"))
		}, readSpkAttFile},
		{CorpusMeantime, func() ([]string, error) {
			return filepath.Glob(filepath.Join(dataDir, "events", "meantime-en", "intra-doc_annotation", "*", "*.xml"))
		}, readMeantimeFile},
	}
	var out Scores
	for _, c := range corpora {
		files, err := c.files()
		if err != nil {
			return out, fmt.Errorf("segment: eval %s: %w", c.name, err)
		}
		if len(files) == 0 {
			continue
		}
		sort.Strings(files)
		total := Score{Corpus: c.name}
		totalTerm := Score{Corpus: c.name + terminalSuffix}
		parts := map[string]*Score{}
		var toks []doc.Token
		var sents []doc.Sentence
		for _, f := range files {
			docs, err := c.read(f)
			if err != nil {
				return out, err
			}
			for _, g := range docs {
				s := de
				if g.Lang == "en" {
					s = en
				}
				text, offs := detokenize(g.Tokens, g.Breaks, g.Lang == "en")
				toks = s.Tokens(text, toks[:0])
				sents = s.Sentences(text, toks, sents[:0])
				sc := scoreDoc(g, text, offs, sents, func(missed bool, at int) {
					if onError != nil {
						onError(evalError{Corpus: c.name, Doc: g.Name, Missed: missed, Context: context(text, at)})
					}
				})
				sc.Docs = 1
				total.add(sc)
				term := scoreDocTerminal(g, text, offs, sents)
				term.Docs = 1
				totalTerm.add(term)
				if g.Part != "" {
					p := parts[g.Part]
					if p == nil {
						p = &Score{Corpus: c.name + "/" + g.Part}
						parts[g.Part] = p
					}
					p.add(sc)
				}
			}
		}
		out = append(out, total, totalTerm)
		names := make([]string, 0, len(parts))
		for k := range parts {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			out = append(out, *parts[k])
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("segment: eval: no gold corpus under %s: %w", dataDir, os.ErrNotExist)
	}
	if w != nil {
		fmt.Fprintf(w, "%-26s %6s %7s %7s %7s %9s %7s %7s\n", "corpus", "docs", "gold", "pred", "correct", "precision", "recall", "F1")
		for _, sc := range out {
			fmt.Fprintf(w, "%-26s %6d %7d %7d %7d %8.2f%% %6.2f%% %6.2f%%\n", sc.Corpus, sc.Docs, sc.Gold, sc.Predicted, sc.Correct,
				100*sc.Precision(), 100*sc.Recall(), 100*sc.F1())
		}
	}
	return out, nil
}

// scoreDoc compares predicted sentences with the gold starts of g, whose
// tokens begin at offs in text.
func scoreDoc(g goldDoc, text string, offs []int, sents []doc.Sentence, onError func(missed bool, at int)) Score {
	gold := map[int]bool{}
	for i, st := range g.Starts {
		if st && i > 0 {
			gold[offs[i]] = true
		}
	}
	var sc Score
	sc.Gold = len(gold)
	pred := map[int]bool{}
	for k, se := range sents {
		if k == 0 {
			continue
		}
		pred[se.Start] = true
		sc.Predicted++
		if gold[se.Start] {
			sc.Correct++
		} else {
			onError(false, se.Start)
		}
	}
	for off := range gold {
		if !pred[off] {
			onError(true, off)
		}
	}
	return sc
}

// scoreDocTerminal is scoreDoc restricted to boundaries after
// sentence-final punctuation.
func scoreDocTerminal(g goldDoc, text string, offs []int, sents []doc.Sentence) Score {
	gold := map[int]bool{}
	for i, st := range g.Starts {
		if st && i > 0 && afterTerminal(text, offs[i]) {
			gold[offs[i]] = true
		}
	}
	sc := Score{Gold: len(gold)}
	for k, se := range sents {
		if k == 0 || !afterTerminal(text, se.Start) {
			continue
		}
		sc.Predicted++
		if gold[se.Start] {
			sc.Correct++
		}
	}
	return sc
}

// afterTerminal reports whether the text before offset at, skipping
// space and closing quotes and brackets, ends with . ! ? or ….
func afterTerminal(text string, at int) bool {
	for at > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:at])
		switch r {
		case ' ', '\n', '\t', '"', '\'', ')', ']', '“', '”', '«', '‹', '‘', '’':
			at -= w
			continue
		case '.', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}

// context returns the text around byte offset at with a "‖" at at.
func context(text string, at int) string {
	a, b := at-60, at+40
	if a < 0 {
		a = 0
	}
	if b > len(text) {
		b = len(text)
	}
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.ReplaceAll(text[a:at]+"‖"+text[at:b], "\n", "⏎")
}

// readRedewiedergabe reads one sample of the Redewiedergabe corpus in its
// column format: a header line naming the columns (tok, …, sentstart, …),
// then one token per line with TAB-separated fields.
func readRedewiedergabe(r io.Reader, name string) (goldDoc, error) {
	g := goldDoc{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	tokCol, startCol := -1, -1
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if tokCol < 0 {
			for i, h := range f {
				switch strings.TrimSpace(h) {
				case "tok":
					tokCol = i
				case "sentstart":
					startCol = i
				}
			}
			if tokCol < 0 || startCol < 0 {
				return g, fmt.Errorf("segment: %s:%d: header lacks tok or sentstart column", name, line)
			}
			continue
		}
		if len(f) == 1 && f[0] == "" {
			continue
		}
		if len(f) <= tokCol || len(f) <= startCol {
			return g, fmt.Errorf("segment: %s:%d: %d fields, want at least %d", name, line, len(f), max(tokCol, startCol)+1)
		}
		if f[tokCol] == "" {
			continue
		}
		g.Tokens = append(g.Tokens, f[tokCol])
		g.Starts = append(g.Starts, f[startCol] == "yes")
	}
	if err := sc.Err(); err != nil {
		return g, fmt.Errorf("segment: %s:%d: %w", name, line, err)
	}
	if tokCol < 0 {
		return g, fmt.Errorf("segment: %s: empty file", name)
	}
	return g, nil
}

func readRedewiedergabeFile(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	defer f.Close()
	g, err := readRedewiedergabe(f, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	// rwk_<source>_<id>.tsv: digbib (fiction), grenz (Die Grenzboten),
	// mkhz (historical newspapers).
	if p := strings.Split(g.Name, "_"); len(p) >= 3 {
		g.Part = p[1]
	}
	return []goldDoc{g}, nil
}

// readSpkAtt reads one speech of GermEval 2023 SpkAtt (task 1 format): a
// JSON object with "Sentences", each with "SentenceId" and "Tokens".
// Sentences are ordered by SentenceId.
func readSpkAtt(r io.Reader, name string) (goldDoc, error) {
	var v struct {
		Sentences []struct {
			SentenceID int      `json:"SentenceId"`
			Tokens     []string `json:"Tokens"`
		}
	}
	if err := json.NewDecoder(r).Decode(&v); err != nil {
		return goldDoc{}, fmt.Errorf("segment: %s: %w", name, err)
	}
	if v.Sentences == nil {
		return goldDoc{}, fmt.Errorf("segment: %s: %w", name, errNoSentences)
	}
	sort.SliceStable(v.Sentences, func(i, j int) bool { return v.Sentences[i].SentenceID < v.Sentences[j].SentenceID })
	g := goldDoc{Name: name}
	for _, s := range v.Sentences {
		first := true
		for _, t := range s.Tokens {
			if strings.TrimSpace(t) == "" {
				continue
			}
			g.Tokens = append(g.Tokens, t)
			g.Starts = append(g.Starts, first)
			first = false
		}
	}
	return g, nil
}

var errNoSentences = errors.New("no \"Sentences\" list")

func readSpkAttFile(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	defer f.Close()
	g, err := readSpkAtt(f, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	return []goldDoc{g}, nil
}

// detokenize joins gold tokens into running text as a German typesetter
// would: no space before , . ; : ! ? ) ] % and closing quotation marks, no
// space after ( [ and opening ones. „ ‚ » › open, “ ‘ « ‹ close; a straight
// " alternates, opening first. It returns the text and the byte offset of
// each token.
// A token marked in breaks (when not nil) is preceded by a blank line.
// English clitics ('s, n't) attach to the word before when english is set.
func detokenize(toks []string, breaks []bool, english bool) (string, []int) {
	var b strings.Builder
	offs := make([]int, len(toks))
	noSpaceNext := true
	straightOpen := false
	for i, t := range toks {
		t = strings.TrimSpace(t)
		attachLeft, attachRight := false, false
		switch t {
		case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…", "?!", "!!", "“", "‘", "«", "‹", "''":
			attachLeft = true
		case "(", "[", "{", "„", "‚", "»", "›", "``", "`":
			attachRight = true
		case "\"":
			// Closing when one is open or when it follows the end of a
			// clause (an unbalanced closing mark); else opening.
			prev := ""
			if i > 0 {
				prev = toks[i-1]
			}
			if straightOpen || isTerminator(prev) || prev == "," {
				attachLeft = true
				straightOpen = false
			} else {
				attachRight = true
				straightOpen = true
			}
		}
		if strings.Trim(t, ".") == "" && len(t) > 1 {
			attachLeft = true
		}
		if english && (strings.HasPrefix(t, "'") && len(t) > 1 || t == "n't") {
			attachLeft = true // English clitics: 's, 're, n't
		}
		if i > 0 && breaks != nil && breaks[i] {
			b.WriteString("\n\n")
		} else if i > 0 && !attachLeft && !noSpaceNext {
			b.WriteByte(' ')
		}
		offs[i] = b.Len()
		b.WriteString(t)
		noSpaceNext = attachRight
	}
	return b.String(), offs
}

// readMeantime reads a MEANTIME (NewsReader) document: <token> elements
// with a "sentence" attribute, in order. A sentence whose last token is not
// sentence-final punctuation (a title, a date line) is followed by a line
// break.
func readMeantime(r io.Reader, name string) (goldDoc, error) {
	g := goldDoc{Name: name, Lang: "en", Breaks: []bool{}}
	dec := xml.NewDecoder(r)
	prevSent := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return g, fmt.Errorf("segment: %s: %w", name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		sent := ""
		for _, a := range se.Attr {
			if a.Name.Local == "sentence" {
				sent = a.Value
			}
		}
		var text string
		if err := dec.DecodeElement(&text, &se); err != nil {
			return g, fmt.Errorf("segment: %s: %w", name, err)
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		start := len(g.Tokens) > 0 && sent != prevSent
		brk := false
		if start {
			last := g.Tokens[len(g.Tokens)-1]
			k := len(g.Tokens) - 1
			for k > 0 && (last == "\"" || last == "'" || last == ")" || last == "”" || last == "’") {
				k--
				last = g.Tokens[k]
			}
			brk = !isTerminator(last)
		}
		g.Tokens = append(g.Tokens, text)
		g.Starts = append(g.Starts, start)
		g.Breaks = append(g.Breaks, brk)
		prevSent = sent
	}
	if len(g.Tokens) == 0 {
		return g, fmt.Errorf("segment: %s: no <token> elements", name)
	}
	return g, nil
}

func readMeantimeFile(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	defer f.Close()
	g, err := readMeantime(f, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	return []goldDoc{g}, nil
}
