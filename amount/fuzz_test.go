package amount

import (
	"math"
	"testing"
)

// FuzzTag checks the amount tagger's invariants: no panic, spans inside
// the text on rune boundaries, in order, finite values.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"588 Milliarden Dollar, 20 Prozent, 3.000 Soldaten, 1,5 Mrd. Euro, 12,50 €",
		"$2.3 billion, 1.5 bln dlrs, 7 pct, two dozen tanks, 2 trillion euros",
		"99999999999999999999999999 Billiarden Euro", "\xff1,5\u00a0Mio. €", "",
	} {
		f.Add(s)
	}
	de, err := For("de")
	if err != nil {
		f.Fatal(err)
	}
	en, err := For("en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tg := range []*Tagger{de, en} {
			prev := 0
			for _, a := range tg.Tag(text) {
				if !a.Span.Valid(len(text)) || a.Start < prev || a.Start == a.End {
					t.Fatalf("%s: bad span %v in %q", tg.Lang, a.Span, text)
				}
				if !boundary(text, a.Start) || !boundary(text, a.End) {
					t.Fatalf("%s: span %v not on rune boundaries in %q", tg.Lang, a.Span, text)
				}
				if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
					t.Fatalf("%s: value %v for %q", tg.Lang, a.Value, text[a.Start:a.End])
				}
				prev = a.End
			}
		}
	})
}

// FuzzParseNumber checks that the number parser never panics, returns
// finite, non-negative values, and agrees bit for bit with the former
// implementation (parseNumberStrings), as round does with its former one.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"3.000", "1.500.000,25", "1,5", "1,500.75", "", ".", ",,", "1e5", "9999999999999999999999",
		"999999999999999.9", "0.1234567890123456789", "1234567890123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dec := range []byte{'.', ','} {
			v, ok := ParseNumber(s, dec)
			if ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
				t.Fatalf("ParseNumber(%q, %c) = %v", s, dec, v)
			}
			if w, wok := parseNumberStrings(s, dec); ok != wok || math.Float64bits(v) != math.Float64bits(w) {
				t.Fatalf("ParseNumber(%q, %c) = %v, %v; former implementation %v, %v", s, dec, v, ok, w, wok)
			}
			for _, x := range []float64{v, v * 1e3, v * 1e6, v * 1e9, v / 100} {
				if got, want := round(x), roundStrings(x); math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("round(%v) = %v, want %v", x, got, want)
				}
			}
		}
	})
}

// boundary reports whether i is where a rune starts when text is decoded
// from the beginning (a stray byte of invalid UTF-8 counts as a rune), or
// the end of the text.
func boundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return false
}
