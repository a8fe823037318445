package segment

import (
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

var fuzzSeeds = []string{
	"",
	"Kiew, 25. Feb (Reuters) - Bei den Verhandlungen. Dr. Müller kam.",
	"„Ja.“, sagte er. »Wohin?« fragte sie. z. B. 1.000,50 Euro um 14.30 Uhr",
	"WASHINGTON (AP) — The U.S. Senate voted 51-49. J. F. Kennedy Inc. The end...",
	"a\xffb\xc3 \xe2\x80 www.x.de info@x.org http://a.b/(c) Kund:innen Ein- und",
	"\n\n   \r\n\t x.\n    Y!? \"'`` '' …",
	"1.2.3.4.5. 6,7,8 9:10:11 12'000 U.S.A.-led a.b.c. e.V. -- --- ‐‑",
}

// checkTokens verifies the token invariants: non-empty spans inside text,
// on rune boundaries, in order and disjoint.
func checkTokens(t *testing.T, text string, toks []doc.Token) {
	t.Helper()
	starts := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		starts[i] = true
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	starts[len(text)] = true
	prev := 0
	for k, tk := range toks {
		if !tk.Valid(len(text)) || tk.Len() == 0 {
			t.Fatalf("token %d %v: empty or outside text of %d bytes", k, tk.Span, len(text))
		}
		if !starts[tk.Start] || !starts[tk.End] {
			t.Fatalf("token %d %v not on rune boundaries in %q", k, tk.Span, text)
		}
		if tk.Start < prev {
			t.Fatalf("token %d %v overlaps or precedes the previous one (end %d)", k, tk.Span, prev)
		}
		prev = tk.End
	}
}

func checkSentences(t *testing.T, toks []doc.Token, sents []doc.Sentence) {
	t.Helper()
	if len(toks) == 0 {
		if len(sents) != 0 {
			t.Fatalf("%d sentences without tokens", len(sents))
		}
		return
	}
	next := 0
	for k, s := range sents {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %d tokens [%d:%d], want to start at %d", k, s.First, s.Last, next)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d span %v does not match its tokens", k, s.Span)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	segs := []*Segmenter{mustNew(f, "de"), mustNew(f, "en"), mustNew(f, "")}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range segs {
			checkTokens(t, text, s.Tokens(text, nil))
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	segs := []*Segmenter{mustNew(f, "de"), mustNew(f, "en")}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range segs {
			toks := s.Tokens(text, nil)
			checkSentences(t, toks, s.Sentences(text, toks, nil))
			// Tokens that do not fit the text must not make it panic.
			s.Sentences(text[:len(text)/2], toks, nil)
		}
	})
}
