package event

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
)

// bracketed removes the [ ] of an example and returns the text with the
// marked span.
func bracketed(ex string) (string, int, int) {
	i := strings.IndexByte(ex, '[')
	j := strings.LastIndexByte(ex, ']')
	if i < 0 || j < i {
		return ex, -1, -1
	}
	return ex[:i] + ex[i+1:j] + ex[j+1:], i, j - 1
}

// sentOf analyses text as one sentence without entities.
func sentOf(x *extractor, text string) *sent {
	st := &sent{span: doc.Span{Start: 0, End: len(text)}, words: splitWords(text, doc.Span{Start: 0, End: len(text)}, x.data.single["subord"])}
	st.cues, st.trigs = x.data.scan(st.words)
	return st
}

// TestData_examples runs every trigger and cue example of every language.
func TestData_examples(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		data, err := LoadData(lang.FS(), code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		x := &extractor{data: data}
		for _, p := range data.triggers {
			text, start, end := bracketed(p.example)
			st := sentOf(x, text)
			found := false
			var got []string
			for _, tr := range x.findTriggers(st) {
				w := st.words[tr.idx[0]]
				got = append(got, text[w.start:w.end]+"="+tr.p.typ)
				if w.start == start && w.end == end && tr.p.typ == p.typ && tr.p.mode == p.mode {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: example %q: triggers %v, want %q as %s/%s", p.src, p.example, got, text[start:end], p.typ, p.mode)
			}
		}
		for class, ps := range data.cues {
			for _, p := range ps {
				if p.example == "" {
					continue
				}
				text, start, _ := bracketed(p.example)
				st := sentOf(x, text)
				found := false
				for _, idx := range st.cues[class] {
					if st.words[idx[0]].start == start {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: example %q: no %s cue at %q", p.src, p.example, class, text[start:])
				}
			}
		}
	}
}

func TestLoadData_errors(t *testing.T) {
	fsys := fstest.MapFS{
		"xx/event-triggers.txt": {Data: []byte("treff*\tMEET\t-\tverb\tex [a]\nok\tCONSULT\tcall\tnoun\tx [ok]\n... x\tCONSULT\t-\tnoun\t[x]\n")},
		"xx/event-cues.txt":     {Data: []byte("nonsense\tx\nplanned\twill\tno brackets\n")},
	}
	_, err := LoadData(fsys, "xx")
	if !errors.Is(err, ErrData) {
		t.Fatalf("err = %v, want ErrData", err)
	}
	for _, want := range []string{"xx/event-triggers.txt:1", "unknown PLOVER type", "xx/event-triggers.txt:2", "unknown mode", "xx/event-triggers.txt:3", "xx/event-cues.txt:1", "unknown cue class", "xx/event-cues.txt:2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestExtract_noData(t *testing.T) {
	d := &doc.Document{Lang: "xx", Text: "Irgendwas.", Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: 10}}}}
	if err := Extract(d); err != nil || len(d.Events) != 0 {
		t.Fatalf("Extract = %v, %v; want no error, no events", err, d.Events)
	}
}
