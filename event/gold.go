package event

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// Gold is an annotated story: its text, the entities and time expressions
// it names (so the event stage can be scored on its own, with the other
// layers given), and the events a reader expects.
type Gold struct {
	ID       string
	Lang     string
	Date     time.Time
	Text     string
	Dateline *GoldDateline
	Entities []GoldEntity
	Timexes  []GoldTimex
	Events   []GoldEvent
	Line     int // where the story starts in its file
}

// GoldDateline is the dateline of a gold story.
type GoldDateline struct {
	Place string // entity id
	Date  time.Time
}

// GoldEntity is an entity with the words that mention it: "kind:text"
// (kind name, role, derived, metonym; name when left out), every
// whole-word occurrence, or only the n-th with "text#n".
type GoldEntity struct {
	ID, Type, Name string
	Mentions       []string
}

// GoldTimex is a time expression: its text ("text#n" for the n-th) and value.
type GoldTimex struct {
	Text, Value string
}

// GoldEvent is an expected event.
type GoldEvent struct {
	Type, Mode   string
	Trigger      string // text, or "text#n" for the n-th occurrence
	Participants []doc.Participant
	Status       string
	Source       string // entity id, "" for none
	Line         int
}

// ReadGold reads gold stories in the format of event/testdata/gold:
//
//	story ID
//	lang de
//	date 2026-03-02
//	dateline ENTITY-ID 2026-03-02      # optional
//	text
//	...story text, any number of lines...
//	end
//	entity ID TYPE Name | mention | derived:mention | ...
//	timex TEXT | VALUE
//	event TYPE[/MODE] | TRIGGER | role:entity role:entity | STATUS | SOURCE or -
//
// '#' at the start of a line is a comment. Errors name the line.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var out []Gold
	var cur *Gold
	n := 0
	inText := false
	var text []string
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrData, name, n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		if inText {
			if strings.TrimSpace(line) == "end" {
				cur.Text = strings.TrimSpace(strings.Join(text, "\n"))
				inText, text = false, nil
				continue
			}
			text = append(text, line)
			continue
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		if key != "story" && cur == nil {
			return nil, bad("%q before the first story", key)
		}
		switch key {
		case "story":
			out = append(out, Gold{ID: rest, Line: n})
			cur = &out[len(out)-1]
		case "lang":
			cur.Lang = rest
		case "date":
			t, err := time.Parse("2006-01-02", rest)
			if err != nil {
				return nil, bad("date: %v", err)
			}
			cur.Date = t
		case "dateline":
			f := strings.Fields(rest)
			if len(f) != 2 {
				return nil, bad("want: dateline ENTITY-ID DATE")
			}
			t, err := time.Parse("2006-01-02", f[1])
			if err != nil {
				return nil, bad("dateline: %v", err)
			}
			cur.Dateline = &GoldDateline{Place: f[0], Date: t}
		case "text":
			inText = true
		case "entity":
			parts := splitBars(rest)
			head := strings.Fields(parts[0])
			if len(head) < 3 || len(parts) < 2 {
				return nil, bad("want: entity ID TYPE Name | mention | ...")
			}
			cur.Entities = append(cur.Entities, GoldEntity{ID: head[0], Type: head[1], Name: strings.Join(head[2:], " "), Mentions: parts[1:]})
		case "timex":
			parts := splitBars(rest)
			if len(parts) != 2 {
				return nil, bad("want: timex TEXT | VALUE")
			}
			cur.Timexes = append(cur.Timexes, GoldTimex{Text: parts[0], Value: parts[1]})
		case "event":
			parts := splitBars(rest)
			if len(parts) != 5 {
				return nil, bad("want: event TYPE[/MODE] | TRIGGER | PARTICIPANTS | STATUS | SOURCE")
			}
			e := GoldEvent{Trigger: parts[1], Status: parts[3], Line: n}
			e.Type, e.Mode, _ = strings.Cut(parts[0], "/")
			for _, p := range strings.Fields(parts[2]) {
				role, ent, ok := strings.Cut(p, ":")
				if !ok {
					return nil, bad("participant %q: want role:entity", p)
				}
				e.Participants = append(e.Participants, doc.Participant{Entity: ent, Role: role})
			}
			if parts[4] != "-" {
				e.Source = parts[4]
			}
			cur.Events = append(cur.Events, e)
		default:
			return nil, bad("unknown key %q", key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if inText {
		return nil, bad("text without end")
	}
	return out, nil
}

func splitBars(s string) []string {
	f := strings.Split(s, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// occurrences returns the byte offsets of whole-word occurrences of s in
// text (a trailing '-' in s may be followed by a letter: "US-").
func occurrences(text, s string) []int {
	var out []int
	if s == "" {
		return nil
	}
	for i := 0; ; {
		k := strings.Index(text[i:], s)
		if k < 0 {
			return out
		}
		p := i + k
		before, _ := utf8.DecodeLastRuneInString(text[:p])
		after, _ := utf8.DecodeRuneInString(text[p+len(s):])
		okB := p == 0 || !unicode.IsLetter(before)
		okA := p+len(s) == len(text) || !unicode.IsLetter(after) || strings.HasSuffix(s, "-")
		if okB && okA {
			out = append(out, p)
		}
		i = p + len(s)
	}
}

// pick resolves "text" (all occurrences) or "text#n" (the n-th).
func pick(text, spec string) (string, []int) {
	s, nth := spec, 0
	if i := strings.LastIndex(spec, "#"); i > 0 {
		if _, err := fmt.Sscanf(spec[i+1:], "%d", &nth); err == nil {
			s = spec[:i]
		} else {
			nth = 0
		}
	}
	occ := occurrences(text, s)
	if nth > 0 {
		if nth > len(occ) {
			return s, nil
		}
		return s, occ[nth-1 : nth]
	}
	return s, occ
}

// Document returns the gold story as a document with its sentence, entity,
// time and dateline layers built from the annotation (sentences by a
// simple splitter). It reports mentions not found in the text.
func (g *Gold) Document() (*doc.Document, error) {
	d := &doc.Document{ID: g.ID, Lang: g.Lang, Text: g.Text, Date: g.Date, Sentences: splitSentences(g.Text)}
	for _, e := range g.Entities {
		de := doc.Entity{ID: e.ID, Type: e.Type, Name: e.Name}
		for _, m := range e.Mentions {
			kind := doc.MentionName
			if k, rest, ok := strings.Cut(m, ":"); ok {
				switch k {
				case doc.MentionName, doc.MentionRole, doc.MentionDerived, doc.MentionMetonym, doc.MentionAlias, doc.MentionPronoun:
					kind, m = k, rest
				}
			}
			s, occ := pick(g.Text, m)
			if len(occ) == 0 {
				return nil, fmt.Errorf("%w: story %s: entity %s: mention %q not in the text", ErrData, g.ID, e.ID, m)
			}
			span := s
			if kind == doc.MentionDerived {
				span = strings.TrimSuffix(s, "-")
			}
			for _, p := range occ {
				de.Mentions = append(de.Mentions, doc.Mention{Span: doc.Span{Start: p, End: p + len(span)}, Kind: kind, Confidence: 1})
			}
		}
		d.Entities = append(d.Entities, de)
	}
	for _, x := range g.Timexes {
		s, occ := pick(g.Text, x.Text)
		if len(occ) == 0 {
			return nil, fmt.Errorf("%w: story %s: timex %q not in the text", ErrData, g.ID, x.Text)
		}
		for _, p := range occ {
			d.Timexes = append(d.Timexes, doc.Timex{Span: doc.Span{Start: p, End: p + len(s)}, Type: "DATE", Value: x.Value})
		}
	}
	if g.Dateline != nil {
		end := strings.Index(g.Text, " - ")
		if end < 0 {
			end = 0
		}
		d.Dateline = &doc.Dateline{Span: doc.Span{Start: 0, End: end}, Date: g.Dateline.Date,
			Places: []doc.Place{{Span: doc.Span{Start: 0, End: 0}, Entity: g.Dateline.Place}}}
	}
	return d, nil
}

// splitSentences is a plain sentence splitter for annotated stories: a
// sentence ends after '.', '!' or '?' (and closing quotes) followed by
// space and a capital letter or an opening quote, unless a digit precedes
// the dot, and at blank lines.
func splitSentences(text string) []doc.Sentence {
	var out []doc.Sentence
	start := -1
	emit := func(end int) {
		if start >= 0 {
			e := end
			for e > start && (text[e-1] == ' ' || text[e-1] == '\n') {
				e--
			}
			if e > start {
				out = append(out, doc.Sentence{Span: doc.Span{Start: start, End: e}})
			}
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		if r == '\n' && strings.HasPrefix(text[i+1:], "\n") {
			emit(i)
		}
		if (r == '.' || r == '!' || r == '?') && start >= 0 {
			j := i + n
			for j < len(text) {
				q, m := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune("\"“”»«'", q) {
					break
				}
				j += m
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				k := j
				for k < len(text) && (text[k] == ' ' || text[k] == '\n') {
					k++
				}
				prevDigit := i > 0 && text[i-1] >= '0' && text[i-1] <= '9'
				// "U.S. Vice President": a single letter before the dot
				if r == '.' && i >= 2 && unicode.IsLetter(rune(text[i-1])) && (text[i-2] == '.' || text[i-2] == ' ') {
					prevDigit = true
				}
				if k < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[k:])
					if (unicode.IsUpper(nr) || nr == '"' || nr == '„' || nr == '“') && !prevDigit {
						emit(j)
						i = k
						continue
					}
				}
			}
		}
		i += n
	}
	emit(len(text))
	return out
}
