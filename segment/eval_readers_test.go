package segment

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

const rwSample = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\n" +
	"Er\tEr\ter\tPPER\tx\tyes\t-\n" +
	"sagte\tsagte\tsagen\tVVFIN\tx\tno\t-\n" +
	":\t:\t:\t$.\tx\tno\t-\n" +
	"»\t»\t»\t$(\tx\tno\t-\n" +
	"Ja\tJa\tja\tPTKANT\tx\tno\t-\n" +
	"!\t!\t!\t$.\tx\tno\t-\n" +
	"«\t«\t«\t$(\tx\tno\t-\n" +
	"Dann\tDann\tdann\tADV\tx\tyes\t-\n" +
	"ging\tging\tgehen\tVVFIN\tx\tno\t-\n" +
	"er\ter\ter\tPPER\tx\tno\t-\n" +
	".\t.\t.\t$.\tx\tno\t-\n"

func TestReadRedewiedergabe(t *testing.T) {
	g, err := readRedewiedergabe(strings.NewReader(rwSample), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(g.Tokens, " "), "Er sagte : » Ja ! « Dann ging er ."; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if !g.Starts[0] || !g.Starts[7] || g.Starts[1] {
		t.Errorf("starts %v", g.Starts)
	}
	text, offs := detokenize(g.Tokens, nil, false)
	if want := "Er sagte: »Ja!« Dann ging er."; text != want {
		t.Errorf("detokenize: %q, want %q", text, want)
	}
	if text[offs[7]:offs[7]+4] != "Dann" {
		t.Errorf("offset of Dann: %d", offs[7])
	}
	if _, err := readRedewiedergabe(strings.NewReader("a\tb\n"), "bad.tsv"); err == nil {
		t.Error("header without tok/sentstart: no error")
	}
	if _, err := readRedewiedergabe(strings.NewReader("tok\tsentstart\nx\n"), "short.tsv"); err == nil {
		t.Error("short line: no error")
	}
}

func TestReadSpkAtt(t *testing.T) {
	in := `{"Sentences":[{"SentenceId":1,"Tokens":["Wir","danken","."]},{"SentenceId":0,"Tokens":["Frau","Präsidentin","!"]}],"Annotations":[]}`
	g, err := readSpkAtt(strings.NewReader(in), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(g.Tokens, " "), "Frau Präsidentin ! Wir danken ."; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if !g.Starts[0] || !g.Starts[3] || g.Starts[1] {
		t.Errorf("starts %v", g.Starts)
	}
	if _, err := readSpkAtt(strings.NewReader(`{"x":1}`), "bad.json"); err == nil {
		t.Error("no Sentences: no error")
	}
	if _, err := readSpkAtt(strings.NewReader(`{`), "bad.json"); err == nil {
		t.Error("broken JSON: no error")
	}
}

func TestReadMeantime(t *testing.T) {
	in := `<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">GM</token>
<token number="1" sentence="0" t_id="2">cuts</token>
<token number="2" sentence="1" t_id="3">The</token>
<token number="3" sentence="1" t_id="4">U.S.</token>
<token number="4" sentence="1" t_id="5">firm</token>
<token number="5" sentence="1" t_id="6">said</token>
<token number="6" sentence="1" t_id="7">.</token>
<token number="7" sentence="2" t_id="8">It</token>
<token number="8" sentence="2" t_id="9">grew</token>
<token number="9" sentence="2" t_id="10">.</token>
<Markables/></Document>`
	g, err := readMeantime(strings.NewReader(in), "x.xml")
	if err != nil {
		t.Fatal(err)
	}
	text, offs := detokenize(g.Tokens, g.Breaks, true)
	if want := "GM cuts\n\nThe U.S. firm said. It grew."; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
	s := mustNew(t, "en")
	sents := s.Sentences(text, s.Tokens(text, nil), nil)
	if sc := scoreDoc(g, text, offs, sents, func(bool, int) {}); sc.Correct != 2 || sc.Gold != 2 || sc.Predicted != 2 {
		t.Errorf("score %+v, want 2 of 2", sc)
	}
	if _, err := readMeantime(strings.NewReader(`<Document></Document>`), "empty.xml"); err == nil {
		t.Error("no tokens: no error")
	}
}

func TestScore(t *testing.T) {
	s := Score{Gold: 10, Predicted: 8, Correct: 6}
	if p, r := s.Precision(), s.Recall(); p != 0.75 || r != 0.6 {
		t.Errorf("P %v R %v, want 0.75 0.6", p, r)
	}
	if f := s.F1(); f < 0.6666 || f > 0.6667 {
		t.Errorf("F1 %v, want 2/3", f)
	}
	if (Score{}).F1() != 1 {
		t.Errorf("empty score F1 %v, want 1", (Score{}).F1())
	}
	ss := Scores{{Corpus: "a"}, {Corpus: "b", Gold: 3}}
	if got, ok := ss.Get("b"); !ok || got.Gold != 3 {
		t.Errorf("Get(b) = %+v, %v", got, ok)
	}
}

func TestEvalSentences_Missing(t *testing.T) {
	if _, err := EvalSentences(t.TempDir(), nil); err == nil {
		t.Error("empty data dir: no error")
	}
}

func FuzzReaders(f *testing.F) {
	f.Add(rwSample)
	f.Add(`{"Sentences":[{"SentenceId":0,"Tokens":["a","."]}]}`)
	f.Add(`<Document><token sentence="0">a</token><token sentence="1">b</token></Document>`)
	f.Fuzz(func(t *testing.T, in string) {
		for _, read := range []func(*strings.Reader, string) (goldDoc, error){
			func(r *strings.Reader, n string) (goldDoc, error) { return readRedewiedergabe(r, n) },
			func(r *strings.Reader, n string) (goldDoc, error) { return readSpkAtt(r, n) },
			func(r *strings.Reader, n string) (goldDoc, error) { return readMeantime(r, n) },
		} {
			g, err := read(strings.NewReader(in), "fuzz")
			if err != nil {
				continue
			}
			if len(g.Starts) != len(g.Tokens) || g.Breaks != nil && len(g.Breaks) != len(g.Tokens) {
				t.Fatalf("%d tokens, %d starts, %d breaks", len(g.Tokens), len(g.Starts), len(g.Breaks))
			}
			text, offs := detokenize(g.Tokens, g.Breaks, g.Lang == "en")
			var toks []doc.Token
			s := mustNew(t, "de")
			toks = s.Tokens(text, toks)
			scoreDoc(g, text, offs, s.Sentences(text, toks, nil), func(bool, int) {})
		}
	})
}
