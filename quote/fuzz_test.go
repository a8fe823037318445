package quote

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/segment"
)

var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// checkQuotes asserts the extractor's contract on one document: spans
// inside the text on rune boundaries, and no quote over a paragraph break.
func checkQuotes(t *testing.T, d *doc.Document, qs []doc.Quote) {
	t.Helper()
	n := len(d.Text)
	ok := func(what string, s doc.Span) {
		if !s.Valid(n) {
			t.Fatalf("%s span %v outside text of %d bytes", what, s, n)
		}
		if s.Start < n && !utf8.RuneStart(d.Text[s.Start]) || s.End < n && !utf8.RuneStart(d.Text[s.End]) {
			t.Fatalf("%s span %v not on rune boundaries", what, s)
		}
	}
	for _, q := range qs {
		ok("content", q.Span)
		if q.Len() == 0 {
			t.Fatalf("empty quote")
		}
		if blankLine.MatchString(d.Text[q.Start:q.End]) {
			t.Fatalf("quote %q crosses a paragraph break", d.Text[q.Start:q.End])
		}
		if q.Kind != Direct && q.Kind != Indirect && q.Kind != Mixed {
			t.Fatalf("kind %q", q.Kind)
		}
		for _, p := range []*doc.Span{q.SpeakerSpan, q.Channel, q.Addressee} {
			if p != nil {
				ok("attribution", *p)
			}
		}
		if q.Cue != nil {
			ok("cue", q.Cue.Span)
		}
	}
}

var fuzzSeeds = []string{
	"„Wir kommen“, sagte Merz. „Und wir bleiben.“",
	"»Nein«, sagte sie.\n\n»Niemals",
	"\"Unclosed quote runs on. And on.\n\nNext paragraph \"",
	"Die Lage sei ernst, teilte das Ministerium am Montag mit. Man habe keine Wahl.",
	"Laut Polizei wurde niemand verletzt.",
	"He said that \"it is over\" and left. \"Fine,\" she said.",
	"„Er sagte ‚nein‘ zu mir“, berichtete sie.",
	"According to the ministry, 20 people died, officials said.",
	"«Ça va», dit-il.\n\n“Yes,” he told Reuters on Tuesday.",
	"\"\"\"„„“““»«‚‘'''",
	"Wie X mitteilte, , , sagte: „“",
	"\xff\xfe broken „utf8“",
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	xde, err := New("de")
	if err != nil {
		f.Fatal(err)
	}
	xen, err := New("en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, seg bool) {
		lang, x := "de", xde
		if strings.Count(text, "e") > strings.Count(text, "a")*2 {
			lang, x = "en", xen
		}
		d := &doc.Document{Text: text, Lang: lang}
		if seg && utf8.ValidString(text) {
			s, err := segment.New(lang)
			if err != nil {
				t.Fatal(err)
			}
			d.Tokens = s.Tokens(text, nil)
			d.Sentences = s.Sentences(text, d.Tokens, nil)
			// entities on every capitalised token
			for i, tk := range d.Tokens {
				r, _ := utf8.DecodeRuneInString(text[tk.Start:])
				if r >= 'A' && r <= 'Z' {
					d.Entities = append(d.Entities, doc.Entity{ID: string(rune('a' + i%26)), Type: "PER", Mentions: []doc.Mention{{Span: tk.Span, Kind: doc.MentionName}}})
				}
			}
		}
		checkQuotes(t, d, x.Extract(d))
	})
}

func FuzzReadSpkAtt(f *testing.F) {
	f.Add(spkattSample)
	f.Add(`{"Sentences": [{"SentenceId": 3, "Tokens": ["„", "a"]}], "Annotations": [{"Cue": ["3:1"], "Message": ["3:0"]}]}`)
	x, err := New("de")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadSpkAtt(strings.NewReader(s))
		if err != nil {
			return
		}
		sc := newScores("spkatt", "cue", "source", "message")
		x.scoreSpkAtt(d, &sc)
	})
}

func FuzzReadBrat(f *testing.F) {
	f.Add("T1\tCue 0 3\tabc\nT2\tContent 1 2;3 4\tb d\n", "abcde")
	f.Add("T1\tSource 0 1\tä\n", "äöü")
	x, err := New("en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, ann, text string) {
		bs, err := ReadBrat(strings.NewReader(ann), text)
		if err != nil {
			return
		}
		for _, b := range bs {
			for _, s := range b.Spans {
				if !s.Valid(len(text)) || s.Start < len(text) && !utf8.RuneStart(text[s.Start]) {
					t.Fatalf("span %v invalid for %q", s, text)
				}
			}
		}
		sc := newScores("polnear", "source", "cue", "content")
		x.scorePolNeAR(text, bs, &sc, nil)
	})
}

func FuzzReadRW(f *testing.F) {
	f.Add(rwSample)
	f.Add("tok\tsentstart\tstwr\n„\tyes\tdirect.speech.1\nJa\tno\tdirect.speech.1\n")
	x, err := New("de")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks, err := ReadRW(strings.NewReader(s))
		if err != nil {
			return
		}
		sc := newScores("rw", "direct", "indirect")
		x.scoreRW(toks, &sc)
	})
}

// TestExtract_BadLayers checks that tokens, sentences, entities and
// time expressions from elsewhere that overlap, run backwards or split
// runes do not break the contract.
func TestExtract_BadLayers(t *testing.T) {
	text := "„Wir kommen“, sagte Müller. Die Lage sei ernst, teilte er mit."
	d := &doc.Document{Text: text, Lang: "de"}
	d.Tokens = []doc.Token{{Span: doc.Span{Start: 30, End: 10}}, {Span: doc.Span{Start: 1, End: 2}}, {Span: doc.Span{Start: 0, End: 20}}, {Span: doc.Span{Start: 5, End: 9}}, {Span: doc.Span{Start: -3, End: 4}}, {Span: doc.Span{Start: 40, End: 999}}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 50, End: 3}}, {Span: doc.Span{Start: 0, End: len(text)}}}
	d.Entities = []doc.Entity{{ID: "x", Mentions: []doc.Mention{{Span: doc.Span{Start: 9, End: 2}}, {Span: doc.Span{Start: 0, End: 1000}}}}}
	d.Timexes = []doc.Timex{{Span: doc.Span{Start: -1, End: 5}, Value: "x"}}
	d.Dateline = &doc.Dateline{Span: doc.Span{Start: 7, End: 3}}
	x, err := New("de")
	if err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, d, x.Extract(d))
}

// TestExtract_Unbalanced checks that unbalanced marks stay in their
// paragraph and that no quote crosses into the next paragraph or story.
func TestExtract_Unbalanced(t *testing.T) {
	cases := []struct {
		name, lang, text, want string
	}{
		{"open at paragraph start", "de", "„Wir werden kämpfen, bis alles vorbei ist\n\nDie Regierung tagte am Abend.", "Wir werden kämpfen, bis alles vorbei ist"},
		{"missing close mid-paragraph", "de", "Er sagte: „Wir werden kämpfen. Das Kabinett tagte am Abend. Danach gab es Essen.\n\nNeue Meldung.", "Wir werden kämpfen."},
		{"straight unbalanced", "en", "She said \"we will fight on and on until the end. The cabinet met later.\n\nIn other news, rain.", "we will fight on and on until the end."},
		{"next story without blank line", "de", "Er sagte: „Wir werden kämpfen, bis alles vorbei ist\nBerlin, 3. März (dpa) - Die Regierung tagte am Abend.", "Wir werden kämpfen, bis alles vorbei ist"},
		{"continued paragraph", "en", "\"We will not stop,\" he said. \"Not now.\n\n\"Not ever,\" he added.", "Not now."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, err := New(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			d := &doc.Document{Text: c.text, Lang: c.lang}
			segmentDoc(t, d)
			qs := x.Extract(d)
			checkQuotes(t, d, qs)
			found := false
			for _, q := range qs {
				if d.Slice(q.Span) == c.want {
					found = true
				}
			}
			if !found {
				var got []string
				for _, q := range qs {
					got = append(got, d.Slice(q.Span))
				}
				t.Errorf("got %q, want a quote %q", got, c.want)
			}
		})
	}
}

// TestExtract_Hostile checks that pathological input stays fast: one
// huge sentence of reporting verbs, apostrophes and quotation marks.
func TestExtract_Hostile(t *testing.T) {
	for _, unit := range []string{"sagte er, ", "' ", "„ ", "said X, ", "sei habe werde ", "»a« ", "„Wir kommen“, sagte er. ", "Er sagte, die Lage sei ernst. Sie sei ernst. "} {
		text := strings.Repeat(unit, 40000)
		for _, lang := range []string{"de", "en"} {
			x, err := New(lang)
			if err != nil {
				t.Fatal(err)
			}
			d := &doc.Document{Text: text, Lang: lang}
			start := time.Now()
			checkQuotes(t, d, x.Extract(d))
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("%q × 40000 (%s): %v", unit, lang, el)
			}
		}
	}
}
