package wire

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

func mustParser(t testing.TB) *Parser {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParser_Parse(t *testing.T) {
	p := mustParser(t)
	tests := []struct {
		name     string
		text     string
		ref      string
		dateline string // "" means no dateline
		places   []string
		agencies []string
		date     string
	}{
		{"reuters de", "Kiew, 25. Feb (Reuters) - Bei den Verhandlungen", "2026-02-26",
			"Kiew, 25. Feb (Reuters) -", []string{"Kiew"}, []string{"Reuters"}, "2026-02-25"},
		{"dpa no date", "Berlin (dpa) - Die Regierung", "2026-02-26",
			"Berlin (dpa) -", []string{"Berlin"}, []string{"dpa"}, ""},
		{"two places two agencies", "Moskau/Kiew (dpa/AFP) – Russland hat", "2026-02-26",
			"Moskau/Kiew (dpa/AFP) –", []string{"Moskau", "Kiew"}, []string{"dpa", "AFP"}, ""},
		{"reuters en", "KYIV, Feb 25 (Reuters) - Ukraine said", "2026-02-26",
			"KYIV, Feb 25 (Reuters) -", []string{"KYIV"}, []string{"Reuters"}, "2026-02-25"},
		{"ap em dash", "WASHINGTON (AP) — The Senate", "2026-02-26",
			"WASHINGTON (AP) —", []string{"WASHINGTON"}, []string{"AP"}, ""},
		{"reuters 1987", "PARIS, March 3 - France said", "1987-03-03",
			"PARIS, March 3 -", []string{"PARIS"}, nil, "1987-03-03"},
		{"two-word place", "NEW YORK, Feb 26 - Stocks rose", "1987-02-26",
			"NEW YORK, Feb 26 -", []string{"NEW YORK"}, nil, "1987-02-26"},
		{"place with region", "AUSTIN, Texas, Feb 26 - The state", "1987-02-26",
			"AUSTIN, Texas, Feb 26 -", []string{"AUSTIN"}, nil, "1987-02-26"},
		{"derstandard", "Wien – Die Gewerkschaft", "2016-01-01",
			"Wien –", []string{"Wien"}, nil, ""},
		{"after headline", "Gewerkschaft lanciert Rechner. Wien – Die Gewerkschaft", "2016-01-01",
			"Wien –", []string{"Wien"}, nil, ""},
		{"connector", "Frankfurt am Main (dpa) - Die Börse", "2026-02-26",
			"Frankfurt am Main (dpa) -", []string{"Frankfurt am Main"}, []string{"dpa"}, ""},
		{"year turn", "Berlin, 31. Dez (dpa) - Silvester", "2027-01-01",
			"Berlin, 31. Dez (dpa) -", []string{"Berlin"}, []string{"dpa"}, "2026-12-31"},
		{"german full month with year", "Genf, 3. März 2026 (AFP) - Gespräche", "2026-03-04",
			"Genf, 3. März 2026 (AFP) -", []string{"Genf"}, []string{"AFP"}, "2026-03-03"},
		{"english month dot", "LONDON, Feb. 3 (Reuters) - Shares", "2026-02-03",
			"LONDON, Feb. 3 (Reuters) -", []string{"LONDON"}, []string{"Reuters"}, "2026-02-03"},
		{"no date known", "Kiew, 25. Feb (Reuters) - Text", "",
			"Kiew, 25. Feb (Reuters) -", []string{"Kiew"}, []string{"Reuters"}, ""},
		{"plain sentence", "Die Regierung hat am Montag beschlossen.", "2026-02-26", "", nil, nil, ""},
		{"hyphen compound", "US-Präsident Trump sagte", "2026-02-26", "", nil, nil, ""},
		{"noun dash mid text", "Er sagte, die Lage sei ernst. Die Regierung – so heißt es – plant", "2026-02-26", "", nil, nil, ""},
		{"unknown agency", "Berlin (Quelle) - Text", "2026-02-26", "", nil, nil, ""},
		{"empty", "", "2026-02-26", "", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref time.Time
			if tt.ref != "" {
				ref = day(tt.ref)
			}
			dl := p.Parse(tt.text, ref)
			if tt.dateline == "" {
				if dl != nil {
					t.Fatalf("Parse(%q) = %q, want no dateline", tt.text, tt.text[dl.Start:dl.End])
				}
				return
			}
			if dl == nil {
				t.Fatalf("Parse(%q) = nil, want %q", tt.text, tt.dateline)
			}
			if got := tt.text[dl.Start:dl.End]; got != tt.dateline {
				t.Errorf("dateline = %q, want %q", got, tt.dateline)
			}
			var places []string
			for _, pl := range dl.Places {
				places = append(places, tt.text[pl.Start:pl.End])
			}
			if strings.Join(places, "|") != strings.Join(tt.places, "|") {
				t.Errorf("places = %q, want %q", places, tt.places)
			}
			if strings.Join(dl.Agencies, "|") != strings.Join(tt.agencies, "|") {
				t.Errorf("agencies = %q, want %q", dl.Agencies, tt.agencies)
			}
			got := ""
			if !dl.Date.IsZero() {
				got = dl.Date.Format("2006-01-02")
			}
			if got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	p := mustParser(f)
	for _, s := range []string{"Kiew, 25. Feb (Reuters) - Bei", "WASHINGTON (AP) — The", "Wien – Die", "A. B.\nC, 1. Jan (dpa) - X", "\xff(\xfe) - "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dl := p.Parse(s, day("2026-02-26"))
		if dl == nil {
			return
		}
		spans := []doc.Span{dl.Span}
		for _, pl := range dl.Places {
			spans = append(spans, pl.Span)
			if pl.Start < dl.Start || pl.End > dl.End {
				t.Fatalf("place %v outside dateline %v", pl.Span, dl.Span)
			}
		}
		for _, sp := range spans {
			if !sp.Valid(len(s)) || sp.Len() == 0 {
				t.Fatalf("bad span %v in %q", sp, s)
			}
			if sp.Start < len(s) && !utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End]) {
				t.Fatalf("span %v not on rune boundary in %q", sp, s)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	p := mustParser(b)
	text := "Kiew, 25. Feb (Reuters) - Bei den von den USA moderierten russisch-ukrainischen Verhandlungen zur Beendigung des Krieges strebt auch US-Präsident Donald Trump an."
	ref := day("2026-02-26")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		p.Parse(text, ref)
	}
}

func TestParser_SentenceBeforeDateline(t *testing.T) {
	p := mustParser(t)
	text := "Treffen in St. Petersburg. London – Die Regierung"
	dl := p.Parse(text, time.Time{})
	if dl == nil || text[dl.Start:dl.End] != "London –" {
		t.Fatalf("Parse = %+v, want London –", dl)
	}
}
