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
// before a noun.
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
	set, err := rules.Load(lang.FS(), rules.Options{Attrs: []string{"number", "scale", "unit", "counted", "check", "short"}, Required: []string{"unit"}}, Files(code)...)
	if err != nil {
		return nil, fmt.Errorf("amount: %w", err)
	}
	t.set = set
	if seg, err := segment.New(code); err == nil {
		t.seg = seg
	}
	return t, nil
}

// Rules returns the tagger's rule set (for tests and tools).
func (t *Tagger) Rules() *rules.Set { return t.set }

var (
	cacheMu sync.Mutex
	cache   = map[string]*Tagger{}
	cacheE  = map[string]error{}
)

// For returns the shared tagger of a language, loading it on first use.
func For(code string) (*Tagger, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if t, ok := cache[code]; ok {
		return t, nil
	}
	if err, ok := cacheE[code]; ok {
		return nil, err
	}
	t, err := New(code)
	if err != nil {
		cacheE[code] = err
		return nil, err
	}
	cache[code] = t
	return t, nil
}

// Tag returns the amounts of text in text order. Amounts start where
// tokens start (or after a hyphen or slash inside one), never inside a
// number: Tag tokenizes the text first.
func (t *Tagger) Tag(text string) []doc.Amount {
	if t.seg == nil {
		var out []doc.Amount
		t.set.Scan(text, 0, len(text), func(m rules.Match) {
			if a, ok := t.amount(&m); ok {
				out = append(out, a)
			}
		})
		return out
	}
	return t.TagTokens(text, t.seg.Tokens(text, nil))
}

// TagTokens is Tag with the text's tokens given (the pipeline's way).
func (t *Tagger) TagTokens(text string, toks []doc.Token) []doc.Amount {
	var out []doc.Amount
	t.set.ScanTokens(text, toks, func(m rules.Match) {
		if a, ok := t.amount(&m); ok {
			out = append(out, a)
		}
	})
	return out
}

func (t *Tagger) amount(m *rules.Match) (doc.Amount, bool) {
	unit, ok := t.set.Expand(m, "unit")
	if !ok || unit == "-" {
		return doc.Amount{}, false
	}
	numText, _ := t.set.Expand(m, "number")
	v, ok := t.Number(numText)
	if !ok {
		return doc.Amount{}, false
	}
	counted, _ := t.set.Expand(m, "counted")
	end := m.End
	if counted != "" {
		if _, skip := t.set.Lookup("notcounted", counted); skip || isYear(numText) {
			// not a count after all: keep the number with its magnitude
			// when the rule says where that ends, else drop the match
			sh, ok := t.set.Expand(m, "short")
			g, err := strconv.Atoi(sh)
			if !ok || err != nil || isYear(numText) {
				return doc.Amount{}, false
			}
			_, e := m.GroupSpan(g)
			if e <= m.Start {
				return doc.Amount{}, false
			}
			end, counted, unit = e, "", ""
		}
	}
	if sc, ok := t.set.Expand(m, "scale"); ok && sc != "" {
		f, err := strconv.ParseFloat(sc, 64)
		if err != nil {
			return doc.Amount{}, false
		}
		v *= f
	}
	if u, div, ok := strings.Cut(unit, "/"); ok {
		d, err := strconv.ParseFloat(div, 64)
		if err != nil || d == 0 {
			return doc.Amount{}, false
		}
		unit, v = u, v/d
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return doc.Amount{}, false
	}
	return doc.Amount{Span: doc.Span{Start: m.Start, End: end}, Value: round(v), Unit: unit, Counted: counted}, true
}

// round removes binary noise from decimal products (1.5 × 1e9).
func round(v float64) float64 {
	if v == 0 || math.Abs(v) > 1e18 {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
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
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		// "9-1/2": a whole number and a fraction (Reuters style)
		if i := strings.IndexByte(s, '-'); i > 0 {
			if j := strings.IndexByte(s[i:], '/'); j > 0 {
				w, ok1 := ParseNumber(s[:i], t.decimal)
				n, err1 := strconv.Atoi(s[i+1 : i+j])
				d, err2 := strconv.Atoi(s[i+j+1:])
				if !ok1 || err1 != nil || err2 != nil || d == 0 {
					return 0, false
				}
				return w + float64(n)/float64(d), true
			}
		}
		return ParseNumber(s, t.decimal)
	}
	v, ok := t.set.Lookup("num", s)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// ParseNumber parses digits with grouping and decimal separators. decimal
// is the notation's decimal separator ('.' or ','); the other one groups
// thousands. A string with only the grouping character is read as grouped
// when every group after the first has three digits ("3.000" in German),
// else with that character as the decimal point ("1.5" in German text).
// It never panics; anything else gives false.
func ParseNumber(s string, decimal byte) (float64, bool) {
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
