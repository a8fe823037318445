package quote

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/segment"
)

func TestPNDebug(t *testing.T) {
	dir := os.Getenv("PNDIR")
	if dir == "" {
		t.Skip()
	}
	x, _ := New("en")
	seg, _ := segment.New("en")
	txts, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	sort.Strings(txts)
	shown := 0
	for _, p := range txts[:60] {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		tb, _ := os.ReadFile(p)
		text := string(tb)
		f, _ := os.Open(anns[0])
		bs, _ := ReadBrat(f, text)
		f.Close()
		d := &doc.Document{Text: text, Lang: "en"}
		d.Tokens = seg.Tokens(text, nil)
		d.Sentences = seg.Sentences(text, d.Tokens, nil)
		fs := x.find(d)
		for _, b := range bs {
			if b.Label != "Cue" {
				continue
			}
			w := strings.ToLower(text[b.Spans[0].Start:b.Spans[0].End])
			if w != "said" && w != "says" && w != "told" && w != "say" {
				continue
			}
			hit := false
			for _, fq := range fs {
				for _, c := range fq.cueParts {
					if c.Start < b.Spans[0].End && c.End > b.Spans[0].Start {
						hit = true
					}
				}
			}
			if !hit && shown < 40 {
				shown++
				s, e := max(0, b.Spans[0].Start-150), min(len(text), b.Spans[0].End+100)
				t.Logf("MISS %q", strings.ReplaceAll(text[s:e], "\n", " "))
			}
		}
	}
}
