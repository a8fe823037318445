// Package goldset reads the hand-annotated gold sets of the time and
// amount layers: plain text in which "# doc ARG" starts a document, other
// lines starting with '#' are comments, and every annotated expression is
// written in place as [TEXT|FIELD|FIELD...] (timex: [am Mittwoch|2026-02-25],
// amount: [588 Milliarden Dollar|588000000000|USD]).
package goldset

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Doc is one document: its "# doc" argument, its text (the lines joined by
// newlines, brackets removed) and its marks.
type Doc struct {
	Arg   string
	Text  string
	Marks []Mark
}

// Mark is one annotated expression: Text[Start:End] of its document, the
// fields after its text and the line it is on.
type Mark struct {
	Start, End int
	Fields     []string
	Line       int
}

// ReadFile reads the gold set at path; every mark must have at least
// fields fields.
func ReadFile(path string, fields int) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path, fields)
}

// Read reads a gold set from r; name is used in errors ("name:line: ...").
func Read(r io.Reader, name string, fields int) ([]Doc, error) {
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "# doc ") {
			docs = append(docs, Doc{Arg: strings.TrimSpace(line[len("# doc "):])})
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if len(docs) == 0 {
			return nil, fmt.Errorf("%s:%d: text before the first # doc", name, n)
		}
		d := &docs[len(docs)-1]
		if d.Text != "" {
			d.Text += "\n"
		}
		for {
			i := strings.IndexByte(line, '[')
			if i < 0 {
				if strings.ContainsAny(line, "]|") {
					return nil, fmt.Errorf("%s:%d: stray ] or |", name, n)
				}
				d.Text += line
				break
			}
			j := strings.IndexByte(line[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("%s:%d: unclosed [", name, n)
			}
			f := strings.Split(line[i+1:i+j], "|")
			if len(f) < 1+fields {
				return nil, fmt.Errorf("%s:%d: want [TEXT|%d fields], got [%s]", name, n, fields, line[i+1:i+j])
			}
			if strings.ContainsAny(line[:i], "]|") {
				return nil, fmt.Errorf("%s:%d: stray ] or |", name, n)
			}
			d.Text += line[:i]
			m := Mark{Start: len(d.Text), Fields: f[1:], Line: n}
			d.Text += f[0]
			m.End = len(d.Text)
			d.Marks = append(d.Marks, m)
			line = line[i+j+1:]
		}
	}
	return docs, sc.Err()
}
