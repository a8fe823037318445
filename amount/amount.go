// Package amount finds amounts in German and English news text: numbers in
// either language's notation or as words, with magnitudes (Mio., Mrd.,
// Billionen = 10^12 in German; million, bn, trillion = 10^12 in English),
// currencies by symbol, ISO 4217 code or name, percentages and counts of
// things:
//
//	588 Milliarden Dollar  → 5.88e11, unit "USD"
//	20 Prozent             → 20, unit "percent" (Prozentpunkte: "percentage_point")
//	3.000 Soldaten         → 3000, unit "Soldaten", counted "Soldaten"
//
// For counts both Unit and Counted hold the counted noun as written; for
// currencies and percentages Counted is empty. A bare number without
// magnitude, currency, percent sign or noun is not an amount, nor are
// dates, clock times and years (1800–2099 written without separators)
// before a noun, except as the first end of a range or pair whose unit
// is written once, after the second ("zwischen 60.000 und 999.000 Euro":
// two amounts in EUR; the joining words are the rules' table rangeword).
//
// The rules are data: lang/<code>/numbers.txt, lang/common/amount-iso4217.txt
// and lang/<code>/amount.txt, in the format of package rules.
package amount

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/rules"
	"github.com/dateline/dateline/segment"
)

// Tagger finds the amounts of one language. It is safe for concurrent use.
type Tagger struct {
	Lang    string
	set     *rules.Set
	decimal byte // decimal separator: ',' in German, '.' in English
	// seg tokenizes for Tag (nil: the language has no tokenizer data)
	seg *segment.Segmenter
	// attrs holds, by Rule.Index, which attributes each rule has, so a
	// match looks up only the templates its rule defines.
	attrs []ruleAttrs
	// num and notcounted are the set's tables of those names (nil: none;
	// then Set.Lookup decides, as it would for a function of that name).
	num, notcounted *rules.Table
	// rangeword holds the words that join the two ends of a range or pair
	// whose unit is written once, after the second ("zwischen 60.000 und
	// 999.000 Euro", "von 25 auf 18 Prozent", "86.50-87.25 dlrs"); nil:
	// the language has none, and the first number stays bare.
	rangeword *rules.Table
}

// ruleAttrs is what amount needs to know of a rule before it expands any
// template: whether it marks text as no amount, and which optional
// attributes it has.
type ruleAttrs struct {
	none                   bool // unit is the literal "-"
	counted, scale, number bool
}

// Files returns the rule files of language code, in load order.
func Files(code string) []string {
	return []string{path.Join(code, "numbers.txt"), "common/amount-iso4217.txt", path.Join(code, "amount.txt")}
}

// New loads the tagger of language code from the embedded language data.
func New(code string) (*Tagger, error) {
	t := &Tagger{Lang: code, decimal: '.'}
	if code == "de" {
		t.decimal = ','
	}
	set, err := rules.Load(lang.FS(), rules.Options{Attrs: []string{"number", "scale", "unit", "counted", "check", "short"}, Required: []string{"unit"}, LooseSpace: true}, Files(code)...)
	if err != nil {
		return nil, fmt.Errorf("amount: %w", err)
	}
	t.set = set
	t.attrs = make([]ruleAttrs, len(set.Rules))
	for i, r := range set.Rules {
		_, counted := r.Attrs["counted"]
		_, scale := r.Attrs["scale"]
		_, number := r.Attrs["number"]
		t.attrs[i] = ruleAttrs{none: r.Attrs["unit"] == "-", counted: counted, scale: scale, number: number}
	}
	t.num, t.notcounted, t.rangeword = set.Tables["num"], set.Tables["notcounted"], set.Tables["rangeword"]
	if seg, err := segment.New(code); err == nil {
		t.seg = seg
	}
	return t, nil
}

// Rules returns the tagger's rule set (for tests and tools).
func (t *Tagger) Rules() *rules.Set { return t.set }

var cache = lang.NewCache(New)

// For returns the shared tagger of a language, loading it on first use.
func For(code string) (*Tagger, error) { return cache.For(code) }

// Tag returns the amounts of text in text order, nil when there are
// none. Amounts start where tokens start (or after a hyphen or slash
// inside one), never inside a number: Tag tokenizes the text first.
func (t *Tagger) Tag(text string) []doc.Amount {
	if t.seg == nil {
		c := newCollector()
		t.set.Scan(text, 0, len(text), func(m rules.Match) {
			if a, f, ok := t.amount(&m); ok {
				c.add(t, text, a, f)
			}
		})
		return c.result()
	}
	return t.TagTokens(text, t.seg.Tokens(text, nil))
}

// TagTokens is Tag with the text's tokens given (the pipeline's way).
func (t *Tagger) TagTokens(text string, toks []doc.Token) []doc.Amount {
	c := newCollector()
	t.set.ScanTokens(text, toks, func(m rules.Match) {
		if a, f, ok := t.amount(&m); ok {
			c.add(t, text, a, f)
		}
	})
	return c.result()
}

// collector gathers a text's amounts in a pooled buffer, so that the
// result is allocated once at its final size instead of grown by append.
type collector struct{ buf []doc.Amount }

var collectors = sync.Pool{New: func() any { return &collector{buf: make([]doc.Amount, 0, 32)} }}

func newCollector() *collector { return collectors.Get().(*collector) }

// result returns a copy of the amounts gathered (nil when none) and puts
// c back into the pool, unless its buffer grew too large to keep.
func (c *collector) result() []doc.Amount {
	var out []doc.Amount
	if len(c.buf) > 0 {
		out = make([]doc.Amount, len(c.buf))
		copy(out, c.buf)
	}
	if cap(c.buf) <= 1024 {
		clear(c.buf) // the pool must not keep the text's strings alive
		c.buf = c.buf[:0]
		collectors.Put(c)
	}
	return out
}

// add appends amount a to the collected ones; when a shared unit makes
// the number before it the first end of a range, it adds that end first
// (see rangeStart).
func (c *collector) add(t *Tagger, text string, a doc.Amount, factor float64) {
	if t.rangeword != nil && a.Unit != "" {
		t.rangeStart(text, c, a, factor)
	}
	c.buf = append(c.buf, a)
}

// rangeStart looks before amount a for the first end of a range or pair
// that writes its unit once: a number (digits or a number word) and a
// word of the rangeword table, or a dash right before a ("60.000 und
// 999.000 Euro", "200 mln to 300 mln Canadian dlrs", "86.50-87.25
// dlrs"). A bare number becomes an amount with a's unit, multiplied by
// a's factor (magnitude and unit fraction: "zwischen 2 und 3 Millionen
// Euro" is 2e6 EUR); an amount already found there with no unit (a bare
// magnitude, "200 mln") takes a's unit when a has a magnitude too. Years, numbers inside words or
// after a colon, and anything else are left as they are.
func (t *Tagger) rangeStart(text string, c *collector, a doc.Amount, factor float64) {
	i := a.Start
	switch {
	case i >= 1 && text[i-1] == '-':
		i--
	case i >= 3 && text[i-3:i] == "–":
		i -= 3
	default:
		j := i
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		if j == i {
			return
		}
		k := j
		for k > 0 && text[k-1] != ' ' && text[k-1] != '\t' && text[k-1] != '\n' {
			k--
		}
		if _, ok := t.rangeword.Lookup(text[k:j]); !ok || k == j {
			return
		}
		i = k
	}
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == 0 || (j == i && text[i] != '-' && text[i] != 0xe2) {
		return // a word connector needs a space before it
	}
	// an amount already found that ends there
	if n := len(c.buf); n > 0 && c.buf[n-1].End > j {
		return
	} else if n > 0 && c.buf[n-1].End == j {
		p := &c.buf[n-1]
		if p.Unit == "" && a.Counted == "" && factor > 1 {
			p.Unit = a.Unit
		}
		return
	}
	k := j
	for k > 0 && (isDigit(text[k-1]) || text[k-1] == '.' || text[k-1] == ',') {
		k--
	}
	numText := text[k:j]
	if k < j {
		if !isDigit(text[j-1]) || !isDigit(text[k]) {
			return
		}
	} else {
		for k > 0 && text[k-1] >= 0x80 || k > 0 && isLetter(text[k-1]) {
			k--
		}
		numText = text[k:j]
		if numText == "" {
			return
		}
	}
	if k > 0 {
		if b := text[k-1]; isDigit(b) || isLetter(b) || b >= 0x80 || b == ':' || b == '/' || b == '-' || b == '.' || b == ',' {
			return
		}
	}
	if isYear(numText) {
		return
	}
	v, _, ok := t.number(numText)
	if !ok || v == 1 && !isDigit(numText[0]) && !oneWord(numText) {
		return // "eines von 56 Projekten": a pronoun, not a range
	}
	if factor > 0 && v > 20*a.Value/factor {
		return // "114,887 or four cts a share": no range, another figure
	}
	if (text[i] == '-' || text[i] == 0xe2) && startsName(text[:k]) {
		return // a dash in a model number: "Boeing 757-200 planes"
	}
	v = round(v * factor)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return
	}
	c.buf = append(c.buf, doc.Amount{Span: doc.Span{Start: k, End: j}, Value: v, Unit: a.Unit, Counted: a.Counted})
}

// oneWord reports whether s is the plain word for one ("ein", "eins",
// "one"), not an inflected form that is used as a pronoun.
func oneWord(s string) bool {
	switch strings.ToLower(s) {
	case "ein", "eins", "one":
		return true
	}
	return false
}

// startsName reports whether the word that ends text (before spaces) is
// capitalised.
func startsName(text string) bool {
	j := len(text)
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	i := j
	for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' && text[i-1] != '\t' {
		i--
	}
	if i == j {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:j])
	return unicode.IsUpper(r)
}

func isDigit(b byte) bool  { return b >= '0' && b <= '9' }
func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// amount returns the amount of match m and the factor its number was
// multiplied by (magnitude, fraction of the unit).
func (t *Tagger) amount(m *rules.Match) (doc.Amount, float64, bool) {
	ra := t.ruleAttrs(m.Rule)
	if ra.none {
		return doc.Amount{}, 0, false
	}
	unit, ok := t.set.Expand(m, "unit")
	if !ok || unit == "-" {
		return doc.Amount{}, 0, false
	}
	var numText string
	if ra.number {
		numText, _ = t.set.Expand(m, "number")
	}
	v, exact, ok := t.number(numText)
	if !ok {
		return doc.Amount{}, 0, false
	}
	factor := 1.0
	var counted string
	if ra.counted {
		counted, _ = t.set.Expand(m, "counted")
	}
	end := m.End
	if counted != "" {
		if _, skip := t.lookup(t.notcounted, "notcounted", counted); skip || isYear(numText) {
			// not a count after all: keep the number with its magnitude
			// when the rule says where that ends, else drop the match
			sh, ok := t.set.Expand(m, "short")
			g, err := strconv.Atoi(sh)
			if !ok || err != nil || isYear(numText) {
				return doc.Amount{}, 0, false
			}
			_, e := m.GroupSpan(g)
			if e <= m.Start {
				return doc.Amount{}, 0, false
			}
			end, counted, unit = e, "", ""
		}
	}
	if ra.scale {
		if sc, ok := t.set.Expand(m, "scale"); ok && sc != "" {
			f, err := strconv.ParseFloat(sc, 64)
			if err != nil {
				return doc.Amount{}, 0, false
			}
			v *= f
			factor *= f
			exact = false
		}
	}
	if u, div, ok := strings.Cut(unit, "/"); ok {
		d, err := strconv.ParseFloat(div, 64)
		if err != nil || d == 0 {
			return doc.Amount{}, 0, false
		}
		unit, v = u, v/d
		factor /= d
		exact = false
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return doc.Amount{}, 0, false
	}
	if !exact {
		v = round(v)
	}
	return doc.Amount{Span: doc.Span{Start: m.Start, End: end}, Value: v, Unit: unit, Counted: counted}, factor, true
}

// ruleAttrs returns what New noted about rule r; a rule it does not know
// (not one of the set's) may have any attribute.
func (t *Tagger) ruleAttrs(r *rules.Rule) ruleAttrs {
	if i := r.Index; i >= 0 && i < len(t.attrs) && t.set.Rules[i] == r {
		return t.attrs[i]
	}
	return ruleAttrs{counted: true, scale: true, number: true}
}

// lookup looks s up in table tbl, the set's table called name, or, when
// the set has no such table, asks the set.
func (t *Tagger) lookup(tbl *rules.Table, name, s string) (string, bool) {
	if tbl != nil {
		return tbl.Lookup(s)
	}
	return t.set.Lookup(name, s)
}

// round removes binary noise from decimal products (1.5 × 1e9): it
// rounds v to 12 significant decimal digits. An integer with at most 12
// significant digits is its own rounding and is returned without the
// decimal round trip, which costs no allocation either way.
func round(v float64) float64 {
	if v == 0 || math.Abs(v) > 1e18 {
		return v
	}
	if a := math.Abs(v); a == math.Trunc(a) {
		n := uint64(a) // exact: a is an integer of at most 1e18
		for n >= 1e12 && n%10 == 0 {
			n /= 10
		}
		if n < 1e12 {
			return v
		}
	}
	var buf [32]byte
	r, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], v, 'g', 12, 64)), 64)
	if err != nil {
		return v
	}
	return r
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1800 && n <= 2099
}

// Number parses a number in the tagger's notation ("1.500,5" in German,
// "1,500.5" in English; the other language's notation is understood when
// unambiguous) or written as a word of the language's num table.
func (t *Tagger) Number(s string) (float64, bool) {
	v, _, ok := t.number(s)
	return v, ok
}

// number is Number that also reports whether v is exact: read from at
// most 12 significant digits without arithmetic, so that round(v) == v.
func (t *Tagger) number(s string) (v float64, exact, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		// "9-1/2": a whole number and a fraction (Reuters style)
		if i := strings.IndexByte(s, '-'); i > 0 {
			if j := strings.IndexByte(s[i:], '/'); j > 0 {
				w, _, ok1 := parseNumber(s[:i], t.decimal)
				n, err1 := strconv.Atoi(s[i+1 : i+j])
				d, err2 := strconv.Atoi(s[i+j+1:])
				if !ok1 || err1 != nil || err2 != nil || d == 0 {
					return 0, false, false
				}
				return w + float64(n)/float64(d), false, true
			}
		}
		v, digits, ok := parseNumber(s, t.decimal)
		return v, digits <= 12, ok
	}
	w, ok := t.lookup(t.num, "num", s)
	if !ok {
		return t.compound(s)
	}
	f, err := strconv.ParseFloat(w, 64)
	return f, false, err == nil
}

// compound reads a number word made of a unit and a ten, in German
// order joined by "und" ("einundzwanzig") or in English order joined by
// a hyphen ("twenty-one"), each part a word of the num table.
func (t *Tagger) compound(s string) (v float64, exact, ok bool) {
	ls := strings.ToLower(s)
	for _, sep := range [...]string{"und", "-"} {
		a, b, found := strings.Cut(ls, sep)
		if !found || a == "" || b == "" {
			continue
		}
		x, ok1 := t.lookup(t.num, "num", a)
		y, ok2 := t.lookup(t.num, "num", b)
		if !ok1 || !ok2 {
			continue
		}
		fx, err1 := strconv.ParseFloat(x, 64)
		fy, err2 := strconv.ParseFloat(y, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		if sep == "-" {
			fx, fy = fy, fx
		}
		// fx the unit, fy the ten
		if fx >= 1 && fx <= 9 && fy >= 20 && fy <= 90 && math.Mod(fy, 10) == 0 {
			return fx + fy, false, true
		}
	}
	return 0, false, false
}

// ParseNumber parses digits with grouping and decimal separators. decimal
// is the notation's decimal separator ('.' or ','); the other one groups
// thousands. A string with only the grouping character is read as grouped
// when every group after the first has three digits ("3.000" in German),
// else with that character as the decimal point ("1.5" in German text).
// It never panics and does not allocate; anything else gives false.
func ParseNumber(s string, decimal byte) (float64, bool) {
	v, _, ok := parseNumber(s, decimal)
	return v, ok
}

// pow10 holds the powers of ten that float64 represents exactly and that
// parseNumber divides by.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parseNumber is ParseNumber that also returns how many digits s has.
// It rewrites s into Go's notation in a fixed buffer: the decimal
// separator becomes '.', grouping characters are dropped.
func parseNumber(s string, decimal byte) (v float64, digits int, ok bool) {
	group := byte(',')
	if decimal == ',' {
		group = '.'
	}
	if s == "" || len(s) > 64 {
		return 0, 0, false
	}
	nd, ng := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case decimal:
			nd++
		case group:
			ng++
		}
	}
	var buf [64]byte
	n := 0
	switch {
	case nd == 0 && ng == 0:
		n = copy(buf[:], s)
	case nd == 1 && ng == 0:
		n = copy(buf[:], s)
		buf[strings.IndexByte(s, decimal)] = '.'
	case nd == 0:
		// grouped: 1 to 3 digits, then groups of three ("3.000",
		// "1,500,000"); else one separator is the decimal point
		first := strings.IndexByte(s, group)
		grouped := first >= 1 && first <= 3
		for prev, i := first, first+1; grouped && i <= len(s); i++ {
			if i == len(s) || s[i] == group {
				grouped = i-prev-1 == 3
				prev = i
			}
		}
		switch {
		case grouped:
			for i := 0; i < len(s); i++ {
				if s[i] != group {
					buf[n] = s[i]
					n++
				}
			}
		case ng == 1:
			n = copy(buf[:], s)
			buf[first] = '.'
		default:
			return 0, 0, false
		}
	case nd == 1:
		i := strings.IndexByte(s, decimal)
		if strings.LastIndexByte(s, group) > i {
			return 0, 0, false
		}
		for j := 0; j < i; j++ {
			if s[j] != group {
				buf[n] = s[j]
				n++
			}
		}
		buf[n] = '.'
		n++
		n += copy(buf[n:], s[i+1:])
	default:
		return 0, 0, false
	}
	// digits and at most one point: up to 15 digits are an exact integer
	// divided by an exact power of ten, one correctly rounded division
	// that gives what strconv.ParseFloat gives
	var mant uint64
	dots, frac := 0, 0
	for _, c := range buf[:n] {
		switch {
		case c >= '0' && c <= '9':
			if digits < 15 {
				mant = mant*10 + uint64(c-'0')
			}
			digits++
			if dots > 0 {
				frac++
			}
		case c == '.':
			dots++
		default:
			return 0, 0, false
		}
	}
	if digits >= 1 && digits <= 15 && dots <= 1 {
		return float64(mant) / pow10[frac], digits, true
	}
	f, err := strconv.ParseFloat(string(buf[:n]), 64)
	if err != nil {
		return 0, 0, false
	}
	return f, digits, true
}

// Stage returns the pipeline stage "amount". Languages without amount
// rules are left untagged.
func Stage() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string             { return "amount" }
func (stage) Needs() []pipeline.Layer  { return []pipeline.Layer{pipeline.Lang, pipeline.Tokens} }
func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Amounts} }
func (stage) Process(d *doc.Document) error {
	if d.Lang != "de" && d.Lang != "en" {
		return nil
	}
	t, err := For(d.Lang)
	if err != nil {
		return err
	}
	if len(d.Tokens) > 0 || d.Text == "" {
		d.Amounts = t.TagTokens(d.Text, d.Tokens)
	} else {
		d.Amounts = t.Tag(d.Text)
	}
	return nil
}
