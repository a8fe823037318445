package amount

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// parseNumberStrings is ParseNumber as it was before it stopped
// allocating (strings.Builder, Split, Join): the reference that
// TestParseNumberDifferential holds the current one to.
func parseNumberStrings(s string, decimal byte) (float64, bool) {
	group := byte(',')
	if decimal == ',' {
		group = '.'
	}
	if s == "" || len(s) > 64 {
		return 0, false
	}
	nd, ng := strings.Count(s, string(decimal)), strings.Count(s, string(group))
	var b strings.Builder
	switch {
	case nd == 0 && ng == 0:
		b.WriteString(s)
	case nd <= 1 && ng == 0:
		b.WriteString(strings.Replace(s, string(decimal), ".", 1))
	case nd == 0 && ng > 0:
		parts := strings.Split(s, string(group))
		grouped := len(parts[0]) >= 1 && len(parts[0]) <= 3
		for _, p := range parts[1:] {
			if len(p) != 3 {
				grouped = false
			}
		}
		if grouped {
			b.WriteString(strings.Join(parts, ""))
		} else if ng == 1 {
			b.WriteString(parts[0] + "." + parts[1])
		} else {
			return 0, false
		}
	case nd == 1:
		i := strings.IndexByte(s, decimal)
		if strings.LastIndexByte(s, group) > i {
			return 0, false
		}
		b.WriteString(strings.ReplaceAll(s[:i], string(group), ""))
		b.WriteByte('.')
		b.WriteString(s[i+1:])
	default:
		return 0, false
	}
	str := b.String()
	for i := 0; i < len(str); i++ {
		if c := str[i]; (c < '0' || c > '9') && c != '.' {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(str, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// roundStrings is round as it was: always the decimal round trip.
func roundStrings(v float64) float64 {
	if v == 0 || math.Abs(v) > 1e18 {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// numberInputs generates strings of digits, separators and a few other
// bytes, biased towards the shapes news text has ("1,500.25", "3.000").
func numberInputs(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789.,0123456789.,-x e+_ \xc2\xa0"
	out := []string{"", ".", ",", "..", ",,", ".5", "5.", ",5", "5,", "0", "00", "0.0", "1e5", "1_000",
		"1.000.000", "1,000,000", "1.000,5", "1,000.5", "12.345.6", "1234.567", "1.2345", "1,23,456",
		"9007199254740993", "123456789012345", "1234567890123456", "0.1234567890123456789",
		"999999999999999.9", strings.Repeat("9", 64), strings.Repeat("9", 65), strings.Repeat("1", 63) + ".",
		"0." + strings.Repeat("0", 60) + "1", "1," + strings.Repeat("000,", 15) + "000"}
	for len(out) < n {
		var b strings.Builder
		switch r.IntN(4) {
		case 0: // anything from the alphabet
			for k := r.IntN(20); k >= 0; k-- {
				b.WriteByte(alphabet[r.IntN(len(alphabet))])
			}
		case 1: // groups of (mostly) three after 1 to 4 digits, maybe a fraction
			sep, dec := ",", "."
			if r.IntN(2) == 0 {
				sep, dec = ".", ","
			}
			b.WriteString(strconv.Itoa(r.IntN(10000)))
			for k := r.IntN(6); k > 0; k-- {
				b.WriteString(sep)
				w := 3
				if r.IntN(8) == 0 {
					w = r.IntN(5)
				}
				for ; w > 0; w-- {
					b.WriteByte(byte('0' + r.IntN(10)))
				}
			}
			if r.IntN(2) == 0 {
				b.WriteString(dec)
				for k := r.IntN(8); k > 0; k-- {
					b.WriteByte(byte('0' + r.IntN(10)))
				}
			}
		case 2: // a plain decimal of up to 25 digits
			for k := 1 + r.IntN(25); k > 0; k-- {
				b.WriteByte(byte('0' + r.IntN(10)))
			}
			if r.IntN(2) == 0 {
				s := []byte(b.String())
				p := r.IntN(len(s) + 1)
				b.Reset()
				b.Write(s[:p])
				b.WriteByte(".,"[r.IntN(2)])
				b.Write(s[p:])
			}
		case 3: // a float as Go writes it, maybe regrouped
			s := strconv.FormatFloat(r.Float64()*math.Pow10(r.IntN(16)), 'f', r.IntN(8), 64)
			if r.IntN(2) == 0 {
				s = strings.ReplaceAll(s, ".", ",")
			}
			b.WriteString(s)
		}
		out = append(out, b.String())
	}
	return out
}

// TestParseNumberDifferential holds ParseNumber to the former
// implementation on every input: same acceptance, bit-identical values.
func TestParseNumberDifferential(t *testing.T) {
	n := 300000
	if testing.Short() {
		n = 20000
	}
	accepted := 0
	for _, s := range numberInputs(n) {
		for _, dec := range []byte{'.', ',', 'x'} {
			got, gok := ParseNumber(s, dec)
			want, wok := parseNumberStrings(s, dec)
			if gok != wok || math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("ParseNumber(%q, %q) = %v, %v; want %v, %v", s, dec, got, gok, want, wok)
			}
			if gok {
				accepted++
			}
		}
	}
	// both outcomes must be well represented for the comparison to mean much
	if accepted < n/2 || accepted > 5*n/2 {
		t.Errorf("%d of %d parses accepted: the generated inputs are too one-sided", accepted, 3*n)
	}
	t.Logf("%d of %d parses accepted", accepted, 3*n)
}

// TestNumberExact checks the promise that lets amount skip round: a
// number parseNumber calls exact is its own rounding.
func TestNumberExact(t *testing.T) {
	tg := mustTagger(t, "en")
	for _, s := range numberInputs(100000) {
		v, exact, ok := tg.number(s)
		if ok && exact && math.Float64bits(roundStrings(v)) != math.Float64bits(v) {
			t.Fatalf("number(%q) = %v exact, but rounds to %v", s, v, roundStrings(v))
		}
	}
}

// TestRoundDifferential holds round to the former always-round-trip
// implementation, on integers around the 12-digit edge and on products
// and quotients like those amount computes.
func TestRoundDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vals := []float64{0, 1, -1, 1e12 - 1, 1e12, 1e12 + 1, 999999999999, 1234567890123, 1.2e12, 1e18, 1e18 + 1e3,
		-1234567890123, 5.88e11, 1.5 * 1e9, 2.35 * 1e6, 0.1 + 0.2, 1.0 / 3, 50.0 / 100, 123456789012.5,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN(), 1 << 53, 1<<53 + 2}
	for range 200000 {
		switch r.IntN(4) {
		case 0:
			vals = append(vals, float64(r.Int64N(1<<62)>>r.IntN(62)))
		case 1:
			vals = append(vals, math.Round(r.Float64()*1e4)/100*math.Pow10(r.IntN(16)))
		case 2:
			vals = append(vals, float64(r.IntN(1e6))*math.Pow10(r.IntN(19)))
		case 3:
			vals = append(vals, r.Float64()*math.Pow10(r.IntN(24)-4))
		}
	}
	for _, v := range vals {
		got, want := round(v), roundStrings(v)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("round(%v) = %v, want %v", v, got, want)
		}
	}
}

// TestParseNumberAllocs checks that parsing a number and rounding an
// amount allocate nothing.
func TestParseNumberAllocs(t *testing.T) {
	var sink float64
	n := testing.AllocsPerRun(100, func() {
		for _, s := range []string{"1,500.25", "3.000", "1.500.000,25", "0.05", "1234567890123456789"} {
			v, _ := ParseNumber(s, ',')
			sink += round(v * 1.1)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
	_ = sink
}
