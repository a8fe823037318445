package ner

import (
	"strings"
	"testing"
)

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O\n\nEU NNP I-ORG\nrejects O\n\nx\n")
	f.Add("a B-\n")
	f.Add("a I-PER\nb B-PER\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, _ := ReadCoNLL(strings.NewReader(s))
		for _, st := range sents {
			if len(st.Tokens) != len(st.Outer) {
				t.Fatalf("tokens %d, tags %d", len(st.Tokens), len(st.Outer))
			}
			Chunks(st.Outer)
		}
	})
}

func FuzzReadGermEval(f *testing.F) {
	f.Add("#\tx\n1\tDer\tO\tO\n2\tUS-Präsident\tB-LOCpart\tO\n\n")
	f.Add("1\tx\n\n#\n1\ta\tI-PER\tI-LOC\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, _ := ReadGermEval(strings.NewReader(s))
		for _, st := range sents {
			if len(st.Tokens) != len(st.Outer) || len(st.Tokens) != len(st.Inner) {
				t.Fatalf("tokens %d, tags %d/%d", len(st.Tokens), len(st.Outer), len(st.Inner))
			}
		}
	})
}

// FuzzTag checks that tagging and annotating never panic and give one
// valid tag per token and mentions on rune boundaries inside the text.
func FuzzTag(f *testing.F) {
	f.Add("de", "Kiew, 25. Feb (Reuters) - US-Präsident Donald Trump reist nach Genf.")
	f.Add("en", "EU rejects German call to boycott British lamb .")
	f.Add("de", "russisch-ukrainischen - -- a- -b \xff\xfe „“ 12 3,5")
	f.Fuzz(func(t *testing.T, lang, text string) {
		if lang != "de" && lang != "en" {
			lang = "de"
		}
		m, err := Load(lang)
		if err != nil {
			t.Skip(err)
		}
		toks := strings.Fields(text)
		tags := m.Tag(toks)
		if len(tags) != len(toks) {
			t.Fatalf("%d tags for %d tokens", len(tags), len(toks))
		}
		d := whitespaceDoc(lang, text)
		m.Annotate(d)
		for _, e := range d.Entities {
			for _, mm := range e.Mentions {
				if !mm.Valid(len(d.Text)) || mm.Start == mm.End {
					t.Fatalf("mention %v outside text of %d bytes", mm.Span, len(d.Text))
				}
				if mm.Confidence <= 0 || mm.Confidence > 1 {
					t.Fatalf("confidence %v", mm.Confidence)
				}
			}
		}
	})
}
