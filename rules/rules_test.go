package rules

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

const sample = `
# months
table month fold
  januar    01
  februar   02
  märz      03
end
define Month  @month
define Day    [0-3]?\d

rule day_month
  pattern  (%Day)\.\s?(%Month)
  type     DATE
  value    X-%month(2)-%pad(1)
  example  am [24. Februar] => X-02-24

rule percent
  pattern  (\d+)\s?\%
  value    %(1)
  example  [20 %]
`

func pad(s string) (string, bool) {
	if len(s) == 1 {
		return "0" + s, true
	}
	return s, true
}

func TestParse_Scan(t *testing.T) {
	s, err := Parse("sample.txt", sample, Options{Funcs: map[string]Func{"pad": pad}, Required: []string{"value"}})
	if err != nil {
		t.Fatal(err)
	}
	text := "Am 3. März und am 24.Februar stieg es um 20 %, nicht am 24. Märzen."
	var got []string
	s.Scan(text, 0, len(text), func(m Match) {
		v, _ := s.Expand(&m, "value")
		got = append(got, text[m.Start:m.End]+"="+v)
	})
	want := "3. März=X-03-03|24.Februar=X-02-24|20 %=20"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestParse_Errors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"unknown macro", "rule a\n pattern %Nope\n example x\n", "f.txt:2: rule a: unknown macro %Nope"},
		{"bad regexp", "rule a\n pattern (x\n example x\n", "f.txt:1: rule a: error parsing regexp"},
		{"no example", "rule a\n pattern xy\n", "f.txt:1: rule a: no example"},
		{"example fails", "rule a\n pattern xy\n example xz\n", "f.txt:3: rule a: example"},
		{"broad start", "rule a\n pattern .x\n example ax\n", "f.txt:1: rule a: pattern starts with any character"},
		{"unknown func", "rule a\n pattern (x)\n value %nope(1)\n example x\n", "unknown table or function"},
		{"bad group", "rule a\n pattern (x)\n value %(2)\n example x\n", "group 2 out of range"},
		{"outside rule", "pattern x\n", "f.txt:1: \"pattern\" outside a rule"},
		{"table end", "table t\n a  1\n", "f.txt:2: table t: missing end"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("f.txt", c.text, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want error containing %q", err, c.want)
			}
			if !errors.Is(err, ErrRule) {
				t.Errorf("error does not wrap ErrRule: %v", err)
			}
		})
	}
}

func TestTriggers(t *testing.T) {
	got, err := triggers(`(?:[Aa]nfang|Mitte)\s(\d+)|\$\d`)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "$0,anfang,mitte " {
		t.Errorf("got %v", got)
	}
}

// FuzzParse feeds arbitrary rule files to the loader: it must return a
// set or an error, never panic, and a loaded set must scan any text.
func FuzzParse(f *testing.F) {
	f.Add(sample, "Am 3. März und am 24.Februar stieg es um 20 %.")
	f.Add("define X [a-z]+\nrule r\n pattern %X\\d\n example ab1\n", "xy1 ab2")
	f.Add("table t\n a 1\nend\nrule r\n pattern (@t)\n value %t(1)\n example a\n", "a b a")
	f.Add("rule r\n pattern a\\s?b\\sc\n example a  b  c\n", "a b c, ab  c")
	f.Fuzz(func(t *testing.T, rulesText, text string) {
		for _, loose := range []bool{false, true} {
			s, err := Parse("f.txt", rulesText, Options{Funcs: map[string]Func{"pad": pad}, LooseSpace: loose})
			if err != nil {
				continue
			}
			s.Scan(text, 0, len(text), func(m Match) {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("bad match %d..%d in %q", m.Start, m.End, text)
				}
				for k := range m.Rule.Attrs {
					s.Expand(&m, k)
				}
			})
		}
	})
}

// TestSet_Scan_WordEnd checks that a match ending inside a word is retried
// on the text before that word.
func TestSet_Scan_WordEnd(t *testing.T) {
	s, err := Parse("f.txt", "rule r\n pattern (\\d+)(?:\\s([a-z]+s))?\n value %(1)\n example [5 cats]\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "5 against 6 cats"
	var got []string
	s.Scan(text, 0, len(text), func(m Match) { got = append(got, text[m.Start:m.End]) })
	if strings.Join(got, "|") != "5|6 cats" {
		t.Errorf("got %q, want [5 6 cats]", got)
	}
}

// TestTableLookup holds Table.Lookup, which folds keys into a buffer on the
// stack, to the plain definition: fields joined by one space, lower-cased,
// a final "." tried without.
func TestTableLookup(t *testing.T) {
	tb := &Table{Value: map[string]string{"märz": "03", "mitte des monats": "MID", "jan": "01", "öl": "x", "i̇stanbul": "TR"}}
	plain := func(k string) (string, bool) {
		if strings.ContainsAny(k, " \t\n\u00a0") {
			k = strings.Join(strings.Fields(k), " ")
		}
		k = strings.ToLower(k)
		v, ok := tb.Value[k]
		if !ok && strings.HasSuffix(k, ".") {
			v, ok = tb.Value[strings.TrimSuffix(k, ".")]
		}
		return v, ok
	}
	for _, k := range []string{"märz", "März", "MÄRZ", "Mitte  des\tMonats", " mitte des monats ", "Jan.", "jan.", "JAN", "Öl", "İstanbul", "a\xffB", "", ".", "Mitte\u00a0des Monats", strings.Repeat("Ä", 40)} {
		v, ok := tb.Lookup(k)
		w, wok := plain(k)
		if v != w || ok != wok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", k, v, ok, w, wok)
		}
	}
}

// TestLoosenSpace: a single or optional white space of a sequence takes
// up to two; other spaces and the rest stay.
func TestLoosenSpace(t *testing.T) {
	for _, c := range []struct{ in, match, nomatch string }{
		{`(\d+)\.\s?(März)`, "30.  März", "30.   März"},
		{`vor\s(wenigen)\sWochen`, "vor  wenigen  Wochen", "vorwenigen Wochen"},
		{`a[\s-]b`, "a-b", "a  b"},
		{`a\s+b`, "a     b", "ab"},
	} {
		p, err := loosenSpace(c.in)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`^(?:` + p + `)$`)
		if !re.MatchString(c.match) || re.MatchString(c.nomatch) {
			t.Errorf("loosenSpace(%q) = %q: match %q %v, %q %v", c.in, p, c.match, re.MatchString(c.match), c.nomatch, re.MatchString(c.nomatch))
		}
	}
}
