package quote

import (
	"errors"
	"strings"
	"testing"
)

const spkattSample = `{"Sentences": [
 {"SentenceId": 0, "Tokens": ["Frau", "Präsidentin", "!"]},
 {"SentenceId": 1, "Tokens": ["Merkel", "hat", "gesagt", ",", "dass", "sie", "komme", "."]}],
 "Annotations": [{"Cue": ["1:2"], "PTC": [], "Source": ["1:0"], "Message": ["1:4", "1:5", "1:6"], "Addr": [], "Medium": [], "Topic": [], "Evidence": []}]}`

func TestReadSpkAtt(t *testing.T) {
	d, err := ReadSpkAtt(strings.NewReader(spkattSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || len(d.Annotations) != 1 {
		t.Fatalf("got %d sentences, %d annotations", len(d.Sentences), len(d.Annotations))
	}
	a := d.Annotations[0]
	if got, want := a.Cue, []TokenRef{{1, 2}}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("cue: got %v, want %v", got, want)
	}
	if len(a.Message) != 3 || a.Message[2] != (TokenRef{1, 6}) {
		t.Errorf("message: got %v", a.Message)
	}
	for name, bad := range map[string]string{
		"not json":     `{`,
		"bad id":       `{"Sentences": [{"SentenceId": 0, "Tokens": ["a"]}], "Annotations": [{"Cue": ["x"]}]}`,
		"out of range": `{"Sentences": [{"SentenceId": 0, "Tokens": ["a"]}], "Annotations": [{"Cue": ["0:5"]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadSpkAtt(strings.NewReader(bad)); !errors.Is(err, ErrCorpus) {
				t.Errorf("got %v, want ErrCorpus", err)
			}
		})
	}
	sc := newScores("spkatt", "cue", "source", "message")
	x, err := New("de")
	if err != nil {
		t.Fatal(err)
	}
	x.scoreSpkAtt(d, &sc)
	if p := sc.Roles["message"]; p.TP != 3 || p.FN != 0 {
		t.Errorf("message counts %+v, want 3 true positives", *p)
	}
	if p := sc.Roles["cue"]; p.TP != 1 {
		t.Errorf("cue counts %+v, want 1 true positive", *p)
	}
}

func TestReadBrat(t *testing.T) {
	text := "„Ja“, said Zoë. Later: more."
	ann := "T1\tContent 1 3\tJa\ncontinued text\nThe next line\nT2\tSource 11 14\tZoë\nT3\tCue 6 10;16 21\tsaid Later\nE1\tAttribution:T2 Content:T1\n#1\tAnnotatorNotes T1\tnote\n"
	got, err := ReadBrat(strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d spans, want 3", len(got))
	}
	for _, c := range []struct {
		i          int
		label, txt string
	}{{0, "Content", "Ja"}, {1, "Source", "Zoë"}, {2, "Cue", "said"}} {
		if got[c.i].Label != c.label || text[got[c.i].Spans[0].Start:got[c.i].Spans[0].End] != c.txt {
			t.Errorf("span %d: got %s %q, want %s %q", c.i, got[c.i].Label, text[got[c.i].Spans[0].Start:got[c.i].Spans[0].End], c.label, c.txt)
		}
	}
	if s := got[2].Spans; len(s) != 2 || text[s[1].Start:s[1].End] != "Later" {
		t.Errorf("discontinuous cue: got %v", s)
	}
	for name, bad := range map[string]string{
		"outside":  "T1\tCue 0 99\tx\n",
		"offsets":  "T1\tCue a b\tx\n",
		"reversed": "T1\tCue 5 2\tx\n",
		"short":    "T1\tCue\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadBrat(strings.NewReader(bad), text); !errors.Is(err, ErrCorpus) {
				t.Errorf("got %v, want ErrCorpus", err)
			}
		})
	}
}

const rwSample = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote\n" +
	"Er\tEr\ter\tPPER\t-\tyes\t-\t-\t-\t-\t-\n" +
	"sagte\tsagte\tsagen\tVVFIN\t-\tno\t-\t-\t-\t-\t-\n" +
	",\t,\t--\t$,\t-\tno\t-\t-\t-\t-\t-\n" +
	"er\ter\ter\tPPER\t-\tno\tindirect.speech.1\t-\t-\t-\t-\n" +
	"sei\tsei\tsein\tVAFIN\t-\tno\tindirect.speech.1\t-\t-\t-\t-\n" +
	"müde\tmüde\tmüde\tADJD\t-\tno\tindirect.speech.1|direct.writing.2\t-\t-\t-\t-\n" +
	".\t.\t--\t$.\t-\tno\t-\t-\t-\t-\t-\n"

func TestReadRW(t *testing.T) {
	toks, err := ReadRW(strings.NewReader(rwSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 7 || !toks[0].SentStart || toks[1].SentStart {
		t.Fatalf("got %d tokens %+v", len(toks), toks)
	}
	if l := toks[5].Labels; len(l) != 2 || !l[0].Has("indirect", "speech") || !l[1].Has("direct", "writing") || l[1].Has("direct", "speech") {
		t.Errorf("labels: got %+v", l)
	}
	if l := parseRWLabel("indirect freeIndirect.speech writing.3.nonfact"); !l.Has("freeIndirect", "writing") || !l.Has("indirect", "speech") {
		t.Errorf("parse: got %+v", l)
	}
	if _, err := ReadRW(strings.NewReader("a\tb\n1\t2\n")); !errors.Is(err, ErrCorpus) {
		t.Errorf("bad header: got %v, want ErrCorpus", err)
	}
	sc := newScores("rw", "direct", "indirect")
	x, err := New("de")
	if err != nil {
		t.Fatal(err)
	}
	x.scoreRW(toks, &sc)
	if p := sc.Roles["indirect"]; p.TP != 3 || p.FP != 0 || p.FN != 0 {
		t.Errorf("indirect counts %+v, want 3/0/0", *p)
	}
}

func TestDetok(t *testing.T) {
	text, spans := detok([][]string{{"„", "Ja", "“", ",", "sagte", "er", "."}, {"Er", "sagte", "\"", "nein", "\"", "(", "laut", ")", "."}}, []bool{false, true})
	want := "„Ja“, sagte er.\n\nEr sagte \"nein\" (laut)."
	if text != want {
		t.Errorf("got %q, want %q", text, want)
	}
	if s := spans[1][3]; text[s.Start:s.End] != "nein" {
		t.Errorf("span: got %q", text[s.Start:s.End])
	}
}

func TestEval_UnknownCorpus(t *testing.T) {
	if _, err := Eval("nope", ".", nil); !errors.Is(err, ErrUnknownCorpus) {
		t.Errorf("got %v, want ErrUnknownCorpus", err)
	}
}

func TestPRF(t *testing.T) {
	p := PRF{TP: 3, FP: 1, FN: 2}
	if p.Precision() != 0.75 || p.Recall() != 0.6 {
		t.Errorf("got P %v R %v", p.Precision(), p.Recall())
	}
	if (PRF{}).F1() != 0 {
		t.Errorf("empty F1 not 0")
	}
}
