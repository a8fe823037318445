package link

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/doc"
)

// Scores are the results of Eval.
type Scores struct {
	Mentions int // gold mentions
	Correct  int
	// WrongPerson counts person mentions linked to a KB person other than
	// the gold one (the precision bar: it must be 0).
	WrongPerson int
	// ByClass holds counts per class: PER, LOC, ORG, MISC, derived, role,
	// pronoun, metonym (a gold LOC/ORG mention whose id is a country while
	// its text names a capital or building is also counted as metonym).
	ByClass map[string]*Count
}

// Count is correct / total for one class.
type Count struct{ Correct, Total int }

// Accuracy returns Correct/Mentions (0 when empty).
func (s Scores) Accuracy() float64 {
	if s.Mentions == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.Mentions)
}

// goldMention is one annotated mention.
type goldMention struct {
	doc.Span
	class string // PER, LOC, ..., role, pronoun
	kind  string // input kind (name, derived) or "" when not input
	id    string // expected id or "NIL"
	line  int
}

type goldDoc struct {
	d     *doc.Document
	gold  []goldMention
	start int // line of the "##" header
}

// readGold parses a gold file (format: see link/testdata/gold.txt).
func readGold(r io.Reader, name string) ([]*goldDoc, error) {
	var out []*goldDoc
	var cur *goldDoc
	var text strings.Builder
	flush := func() {
		if cur != nil {
			cur.d.Text = text.String()
			out = append(out, cur)
		}
		text.Reset()
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			flush()
			f := strings.Fields(line[3:])
			if len(f) < 1 {
				return nil, fmt.Errorf("link: %s:%d: document header needs a language", name, n)
			}
			d := &doc.Document{Lang: f[0], ID: fmt.Sprintf("%s:%d", name, n)}
			if len(f) > 1 {
				t, err := time.Parse("2006-01-02", f[1])
				if err != nil {
					return nil, fmt.Errorf("link: %s:%d: %w", name, n, err)
				}
				d.Date = t
			}
			cur = &goldDoc{d: d, start: n}
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("link: %s:%d: text before the first \"## LANG DATE\" header", name, n)
		}
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		for i := 0; i < len(line); {
			j := strings.IndexByte(line[i:], '[')
			if j < 0 {
				text.WriteString(line[i:])
				break
			}
			text.WriteString(line[i : i+j])
			i += j
			k := strings.IndexByte(line[i:], ']')
			if k < 0 {
				return nil, fmt.Errorf("link: %s:%d: unclosed '['", name, n)
			}
			f := strings.Split(line[i+1:i+k], "|")
			if len(f) != 3 {
				return nil, fmt.Errorf("link: %s:%d: mention %q needs text|TYPE|ID", name, n, line[i:i+k+1])
			}
			g := goldMention{line: n, id: f[2]}
			if strings.HasPrefix(g.id, "NIL") {
				g.id = "NIL"
			}
			typ, kind, _ := strings.Cut(f[1], ":")
			switch typ {
			case "PER", "LOC", "ORG", "MISC":
				g.class, g.kind = typ, doc.MentionName
				if kind == doc.MentionDerived {
					g.class, g.kind = "derived", doc.MentionDerived
				}
			case "role", "pronoun":
				g.class = typ
			default:
				return nil, fmt.Errorf("link: %s:%d: unknown type %q", name, n, f[1])
			}
			g.Start = text.Len()
			text.WriteString(f[0])
			g.End = text.Len()
			if g.kind != "" {
				cur.d.Entities = append(cur.d.Entities, doc.Entity{ID: "ner", Type: typeOf(typ), Name: f[0],
					Mentions: []doc.Mention{{Span: g.Span, Kind: g.kind, Confidence: 1}}})
			}
			cur.gold = append(cur.gold, g)
			i += k + 1
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("link: %s: %w", name, err)
	}
	flush()
	return out, nil
}

func typeOf(t string) string {
	if t == "" {
		return "MISC"
	}
	return t
}

// Eval links the documents of a gold file with the default KB and reports
// linking accuracy per class to w (errors are listed one per line), and
// returns the scores. A gold mention is right when the entity holding a
// mention with exactly its span has the expected id (for NIL: has no KB
// reference; for role and pronoun: such a mention exists).
func Eval(goldFile string, w io.Writer) (Scores, error) {
	f, err := os.Open(goldFile)
	if err != nil {
		return Scores{}, fmt.Errorf("link: %w", err)
	}
	defer f.Close()
	docs, err := readGold(f, goldFile)
	if err != nil {
		return Scores{}, err
	}
	l, err := New(nil)
	if err != nil {
		return Scores{}, err
	}
	return evalDocs(l, docs, goldFile, w), nil
}

func evalDocs(l *Linker, docs []*goldDoc, name string, w io.Writer) Scores {
	s := Scores{ByClass: map[string]*Count{}}
	for _, gd := range docs {
		l.Link(gd.d)
		type got struct {
			id   string
			kb   bool
			kind string
		}
		at := map[doc.Span]got{}
		for _, e := range gd.d.Entities {
			for _, m := range e.Mentions {
				at[m.Span] = got{e.ID, e.KB != nil, m.Kind}
			}
		}
		for _, g := range gd.gold {
			gt, ok := at[g.Span]
			right := false
			switch {
			case g.id == "NIL":
				right = ok && !gt.kb || !ok && (g.class == "role" || g.class == "pronoun")
			default:
				right = ok && gt.id == g.id
			}
			classes := []string{g.class}
			if g.kind == doc.MentionName && strings.HasPrefix(g.id, "iso3166:") && !strings.Contains(g.id, "-") && ok && gt.kind == doc.MentionMetonym {
				classes = append(classes, "metonym")
			}
			for _, c := range classes {
				if s.ByClass[c] == nil {
					s.ByClass[c] = &Count{}
				}
				s.ByClass[c].Total++
				if right {
					s.ByClass[c].Correct++
				}
			}
			s.Mentions++
			if right {
				s.Correct++
			} else {
				fmt.Fprintf(w, "%s:%d: %q (%s): got %q, want %s\n", name, g.line, gd.d.Slice(g.Span), g.class, gt.id, g.id)
				if (g.class == "PER" || g.class == "role" || g.class == "pronoun") && gt.kb && g.id != "NIL" && strings.HasPrefix(gt.id, "dl:person:") {
					s.WrongPerson++
				}
				if (g.class == "PER" || g.class == "role" || g.class == "pronoun") && gt.kb && g.id == "NIL" {
					s.WrongPerson++
				}
			}
		}
	}
	var names []string
	for c := range s.ByClass {
		names = append(names, c)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "%-8s %7s %7s %8s\n", "class", "correct", "total", "accuracy")
	for _, c := range names {
		n := s.ByClass[c]
		fmt.Fprintf(w, "%-8s %7d %7d %7.1f%%\n", c, n.Correct, n.Total, 100*float64(n.Correct)/float64(n.Total))
	}
	fmt.Fprintf(w, "%-8s %7d %7d %7.1f%%\n", "all", s.Correct, s.Mentions, 100*s.Accuracy())
	fmt.Fprintf(w, "persons linked to a wrong KB person: %d\n", s.WrongPerson)
	return s
}
