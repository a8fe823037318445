package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRWDebug(t *testing.T) {
	dir := os.Getenv("RWDIR")
	if dir == "" {
		t.Skip()
	}
	news := map[string]bool{}
	readRWMeta(filepath.Join(dir, "metadata.tsv"), news)
	x, _ := New("de")
	n := 0
	for name := range news {
		if n > 60 {
			break
		}
		n++
		f, _ := os.Open(filepath.Join(dir, name))
		toks, _ := ReadRW(f)
		f.Close()
		var sents [][]string
		var lab []string
		for _, tk := range toks {
			if tk.SentStart || len(sents) == 0 {
				sents = append(sents, nil)
			}
			sents[len(sents)-1] = append(sents[len(sents)-1], tk.Tok)
			l := "-"
			for _, lb := range tk.Labels {
				if lb.Has("direct", "speech", "writing") {
					l = "D"
				} else if lb.Has("indirect", "speech", "writing") && l == "-" {
					l = "I"
				}
			}
			lab = append(lab, l)
		}
		text, spans := detok(sents, nil)
		d := corpusDoc(text, "de", spans)
		flat := flatten(spans)
		sys := make([]string, len(flat))
		for i := range sys {
			sys[i] = "-"
		}
		for _, fq := range x.find(d) {
			for i, s := range flat {
				if s.Start < fq.content.End && s.End > fq.content.Start {
					sys[i] = strings.ToUpper(fq.kind[:1])
				}
			}
		}
		var b strings.Builder
		for i, s := range flat {
			tag := lab[i] + sys[i]
			if tag == "--" {
				b.WriteString(text[s.Start:s.End] + " ")
			} else {
				fmt.Fprintf(&b, "%s/%s ", text[s.Start:s.End], tag)
			}
		}
		t.Logf("==== %s\n%s", name, b.String())
	}
}
