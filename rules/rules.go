// Package rules is Dateline's shared rule engine: pattern files with named
// macros and normalisation tables, in the spirit of HeidelTime's resources,
// compiled once and matched fast.
//
// # File format
//
// A rule file is plain UTF-8 text, read line by line. '#' starts a comment
// (write '\#' for a literal '#'); blank lines are skipped. Four kinds of
// entry exist:
//
//	table month fold            # a normalisation table; "fold": its macro
//	  januar    01              # ignores case. The value is an entry's last
//	  jänner    01              # field, the key (which may have spaces) the rest.
//	end
//
//	define Month  @month        # a macro: a regular expression in which
//	define Day    [0-3]?\d      # @table is the alternation of the table's
//	                            # keys and %Macro an earlier macro.
//
//	rule date_day_month         # a rule: a name, then attribute lines
//	  pattern  (%Day)\.\s?(%Month)
//	  type     DATE
//	  value    @md%month(2)-%day2(1)
//	  example  am [24. Februar] => 2026-02-24
//
// The attribute "check", when a rule has it, is a guard: a match counts
// only when its template expands (every normaliser in it accepts) to a
// non-empty value, so a broad pattern can defer to a table ("check
// %isocode(3)").
//
// A rule's pattern is a Go regular expression (RE2 syntax) in which %Name
// expands to macro Name, wrapped in a non-capturing group; write \% for a
// literal percent sign. Patterns are case-sensitive unless they say (?i).
// Every other attribute line ("key value") is a template: %f(g) applies
// table or function f to the text of capture group g (a number or a name
// given with (?P<name>...)), %(g) is the group's text itself,
// %f|h(g) tries f, then h, and %!t(g) accepts the text (and gives it back)
// only when table or function t does not.
//
// Each rule needs at least one example. "example TEXT" says the rule matches
// all of TEXT; "example before [TEXT] after" marks the part it matches in
// its context; "=> WANT" adds an expected result that the package owning
// the rules checks in its tests. The engine checks every example when it
// loads, so a rule that cannot match its own example is an error at
// file:line, as is an unknown macro, table, function or group, a bad
// regular expression, or a pattern that starts too broadly to index.
//
// # Matching
//
// Matching is leftmost-first within a rule (Go's regexp semantics: order
// alternatives longest first; tables are) and longest-match among rules: at
// each position the longest match of any rule wins, ties going to the rule
// defined first. A rule with the attribute "value -" (or any attribute the
// owner treats so) can thus veto what other rules would match there.
//
// A Set indexes each rule in a trie under the first characters (up to six)
// its matches can start with (lower-cased, digits as '0', white space as
// ' '), derived from the compiled pattern; the trie gives Scan a cheap
// filter (the first two to six bytes of a position against the keys'
// beginnings). Scan skips the insides of words; ScanTokens, given a
// tokenizer's tokens, tries only where tokens start. A position that
// passes the filter is tested against at most Window bytes by one lazily
// built DFA for all rules at once (union.go), which tells where each
// rule's leftmost-first match ends in a single pass. Only the rule whose
// match is kept runs a backtracking matcher, for the groups. Matching has
// the semantics of package regexp throughout.
package rules

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/fold"
	"github.com/dateline/dateline/lang"
)

// Func normalises the text of a capture group. It reports false when it
// cannot (the template then expands to "" and Expand returns false).
type Func func(s string) (string, bool)

// Options configure Load.
type Options struct {
	// Funcs are normalisers callable from templates as %name(group), beside
	// the tables the files define.
	Funcs map[string]Func
	// Attrs, when not nil, lists the attribute keys a rule may have.
	Attrs []string
	// Required lists attribute keys every rule must have.
	Required []string
	// LooseSpace lets a single white space of a pattern (\s) match one or
	// two, and an optional one (\s?) up to two, as news copy doubles
	// spaces ("30.  Juni", "vor  wenigen Wochen").
	LooseSpace bool
}

// Error is a problem in a rule file, located at file:line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrRule is wrapped by every *Error, so callers can test errors.Is(err, ErrRule).
var ErrRule = errors.New("bad rule")

// Is reports whether target is ErrRule.
func (e *Error) Is(target error) bool { return target == ErrRule }

// Rule is one compiled rule.
type Rule struct {
	Name     string
	File     string
	Line     int
	Pattern  string // after macro expansion
	Attrs    map[string]string
	Examples []Example
	Index    int // position in Set.Rules

	re    *regexp.Regexp
	m     *machine
	one   *union // the rule alone: where its match ends
	check bool   // the rule has a guard ("check")
	tmpls map[string]template
	keys  []string
	// maxLen is the most bytes a match can span (at most Window).
	maxLen int
	// digits: the rule tells no digit from another (digitBlind).
	digits bool
}

// Pos returns "file:line" of the rule.
func (r *Rule) Pos() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// Example is a rule's example: Text with the matched part at
// Text[Start:End], and the optional expected result Want.
type Example struct {
	Text       string
	Start, End int
	Want       string
	Line       int
}

// Table is a normalisation table.
type Table struct {
	Name  string
	Fold  bool
	Keys  []string // in file order, as written
	Value map[string]string
}

// Lookup returns the value of key k, ignoring case and collapsing inner
// white space; a key not found with a final "." is tried without it.
func (t *Table) Lookup(k string) (string, bool) {
	plain := true // lower-case ASCII without spaces: look up as is
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 'A' && c <= 'Z' || c >= 0x80 || c == ' ' || c == '\t' || c == '\n' {
			plain = false
			break
		}
	}
	if plain {
		v, ok := t.Value[k]
		if !ok && strings.HasSuffix(k, ".") {
			v, ok = t.Value[k[:len(k)-1]]
		}
		return v, ok
	}
	// the key folded into a buffer on the stack: no string per look-up
	var buf [64]byte
	var b []byte
	if strings.ContainsAny(k, " \t\n\u00a0") {
		b = buf[:0]
		for i, f := range strings.Fields(k) {
			if i > 0 {
				b = append(b, ' ')
			}
			b = fold.AppendLower(b, f)
		}
	} else {
		b = fold.AppendLower(buf[:0], k)
	}
	v, ok := t.Value[string(b)]
	if !ok && len(b) > 0 && b[len(b)-1] == '.' {
		v, ok = t.Value[string(b[:len(b)-1])]
	}
	return v, ok
}

// Set is a loaded, indexed set of rules. It is safe for concurrent use.
type Set struct {
	Rules  []*Rule
	Tables map[string]*Table
	Macros map[string]string

	funcs map[string]Func
	// trie of the rules' keys: node 0 is the root; its children are
	// found through rootASCII and rootU, deeper ones by a short scan.
	trie      []trieNode
	rootASCII [128]int32
	rootU     map[rune]int32
	maxLen    int // the longest rule's maxLen
	u         *union

	// A byte-level filter for Scan, derived from the trie: scan holds
	// class bits for each ASCII byte, pair[c] the ASCII bytes that may
	// follow byte c at a position where some rule's key begins (a bit per
	// byte; non-ASCII followers always pass).
	scan [128]uint8
	pair [128][2]uint64
	// pairAny[c] holds the bytes d for which a rule is keyed on the key
	// runes of c and d alone; deep and deepAny are Bloom filters (one
	// hash) of the ASCII beginnings of keys, three to six bytes long, and
	// of those under which a rule is keyed.
	pairAny [128][2]uint64
	deep    [1 << 16 / 64]uint64
	deepAny [1 << 16 / 64]uint64
	// filterReady says scan and pair reflect the current trie.
	filterReady bool
}

// Bits of Set.scan.
const (
	clsWord  = 1 << iota // an ASCII letter or digit
	clsStart             // some key begins with the byte's key rune
	clsAny               // a rule is keyed on the byte's key rune alone
)

// keyLen is the number of runes of the index keys.
const keyLen = 6

// Window is the most bytes a match may span.
const Window = 64

type parser struct {
	set    *Set
	opt    Options
	errs   []error
	file   string
	allow  map[string]bool
	cur    *Rule
	curTbl *Table
	badPat bool // the current rule's pattern was reported already
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Load reads rule files from fsys, in order (tables and macros of earlier
// files are visible in later ones), and compiles them. All problems found
// are returned together, each as an *Error.
func Load(fsys fs.FS, opt Options, files ...string) (*Set, error) {
	s := &Set{Tables: map[string]*Table{}, Macros: map[string]string{}, funcs: map[string]Func{}, rootU: map[rune]int32{}, trie: make([]trieNode, 1)}
	for k, f := range opt.Funcs {
		s.funcs[k] = f
	}
	p := &parser{set: s, opt: opt}
	if opt.Attrs != nil {
		p.allow = map[string]bool{}
		for _, a := range opt.Attrs {
			p.allow[a] = true
		}
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		p.file = f
		p.parse(string(data))
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	s.buildFilter()
	s.u = newUnion(s.Rules, true)
	for _, r := range s.Rules {
		s.maxLen = max(s.maxLen, r.maxLen)
	}
	return s, nil
}

// buildFilter derives Scan's byte-level filter from the trie.
func (s *Set) buildFilter() {
	for c := 0; c < utf8.RuneSelf; c++ {
		var f uint8
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			f |= clsWord
		}
		s.pair[c] = [2]uint64{}
		if n := s.rootASCII[keyRune(rune(c))]; n != 0 && c != ' ' && c != '\n' {
			f |= clsStart
			if len(s.trie[n].rules) > 0 {
				f |= clsAny
			}
			for d := 0; d < utf8.RuneSelf; d++ {
				n2 := s.child(n, keyRune(rune(d)))
				if n2 == 0 {
					continue
				}
				s.pair[c][d>>6] |= 1 << (d & 63)
				if len(s.trie[n2].rules) > 0 {
					s.pairAny[c][d>>6] |= 1 << (d & 63)
				}
				s.addDeep(n2, uint64(keyByte[c])<<7|uint64(keyByte[d]), 2)
			}
		}
		s.scan[c] = f
	}
	s.filterReady = true
}

// addDeep adds to deep and deepAny the ASCII descendants of node n, whose
// path is the k key bytes packed in v.
func (s *Set) addDeep(n int32, v uint64, k int) {
	if k >= keyLen {
		return
	}
	nd := &s.trie[n]
	for j, r := range nd.runes {
		if r >= utf8.RuneSelf {
			continue
		}
		w := v<<7 | uint64(r)
		h := deepHash(w, k+1)
		s.deep[h>>6] |= 1 << (h & 63)
		if len(s.trie[nd.kids[j]].rules) > 0 {
			s.deepAny[h>>6] |= 1 << (h & 63)
		}
		s.addDeep(nd.kids[j], w, k+1)
	}
}

// deepHash maps the k key bytes packed in v to a bit of Set.deep.
func deepHash(v uint64, k int) uint64 {
	return ((v | uint64(k)<<56) * 0x9E3779B97F4A7C15) >> 48
}

// Parse compiles rules given as text, with name used in error messages.
func Parse(name, text string, opt Options) (*Set, error) {
	return Load(mapFS{name: text}, opt, name)
}

type mapFS map[string]string

func (m mapFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m mapFS) ReadFile(name string) ([]byte, error) {
	if t, ok := m[name]; ok {
		return []byte(t), nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// loosenSpace rewrites pattern so that a single white space (\s, as a
// whole element of a sequence) matches one or two and an optional one
// matches up to two; every other part stays as it was.
func loosenSpace(pattern string) (string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", err
	}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		for i, sub := range re.Sub {
			switch {
			case isSpaceClass(sub) && re.Op == syntax.OpConcat:
				re.Sub[i] = &syntax.Regexp{Op: syntax.OpRepeat, Flags: sub.Flags, Min: 1, Max: 2, Sub: []*syntax.Regexp{sub}}
			case sub.Op == syntax.OpQuest && isSpaceClass(sub.Sub[0]):
				re.Sub[i] = &syntax.Regexp{Op: syntax.OpRepeat, Flags: sub.Flags, Min: 0, Max: 2, Sub: []*syntax.Regexp{sub.Sub[0]}}
			default:
				walk(sub)
			}
		}
	}
	walk(re)
	return re.String(), nil
}

// isSpaceClass reports whether re is the class \s.
func isSpaceClass(re *syntax.Regexp) bool {
	want := []rune{'\t', '\n', '\f', '\r', ' ', ' '}
	return re.Op == syntax.OpCharClass && slices.Equal(re.Rune, want)
}

// splitKV splits a table entry into key and value: the value is the last
// field (after a TAB or a space), the key everything before it.
func splitKV(s string) (string, string, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexAny(s, " \t")
	if i < 0 {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1:], true
}

func (p *parser) parse(text string) {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(lang.StripComment(sc.Text()))
		if line == "" {
			continue
		}
		if p.curTbl != nil {
			if line == "end" {
				p.curTbl = nil
				continue
			}
			k, v, ok := splitKV(line)
			if !ok || k == "" {
				p.errorf(n, "table %s: want key and value separated by a TAB or two spaces, got %q", p.curTbl.Name, line)
				continue
			}
			lk := strings.ToLower(k)
			if _, dup := p.curTbl.Value[lk]; dup {
				p.errorf(n, "table %s: duplicate key %q", p.curTbl.Name, k)
				continue
			}
			p.curTbl.Keys = append(p.curTbl.Keys, k)
			p.curTbl.Value[lk] = v
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		if i := strings.IndexByte(word, '\t'); i >= 0 {
			word, rest = word[:i], word[i+1:]+" "+rest
		}
		rest = strings.TrimSpace(rest)
		switch word {
		case "table":
			p.finishRule()
			f := strings.Fields(rest)
			if len(f) == 0 || len(f) > 2 || (len(f) == 2 && f[1] != "fold") {
				p.errorf(n, "want: table NAME [fold]")
				continue
			}
			if _, dup := p.set.Tables[f[0]]; dup || p.set.funcs[f[0]] != nil {
				p.errorf(n, "table %s defined twice (or named like a function)", f[0])
				p.curTbl = &Table{Name: f[0], Value: map[string]string{}} // swallow its entries
				continue
			}
			t := &Table{Name: f[0], Fold: len(f) == 2, Value: map[string]string{}}
			p.set.Tables[t.Name] = t
			p.curTbl = t
		case "define":
			p.finishRule()
			name, body, ok := splitFirst(rest)
			if !ok || !isIdent(name) {
				p.errorf(n, "want: define NAME REGEXP")
				continue
			}
			if _, dup := p.set.Macros[name]; dup {
				p.errorf(n, "macro %s defined twice", name)
				continue
			}
			exp, err := p.expand(body)
			if err != nil {
				p.errorf(n, "macro %s: %v", name, err)
				continue
			}
			if _, err := syntax.Parse(exp, syntax.Perl); err != nil {
				p.errorf(n, "macro %s: %v", name, err)
				continue
			}
			p.set.Macros[name] = exp
		case "rule":
			p.finishRule()
			if !isIdent(rest) {
				p.errorf(n, "want: rule NAME (letters, digits, _)")
				p.cur = nil
				continue
			}
			for _, r := range p.set.Rules {
				if r.Name == rest {
					p.errorf(n, "rule %s defined twice (first at %s)", rest, r.Pos())
				}
			}
			p.cur = &Rule{Name: rest, File: p.file, Line: n, Attrs: map[string]string{}}
		default:
			if p.cur == nil {
				p.errorf(n, "%q outside a rule (want table, define or rule)", word)
				continue
			}
			switch word {
			case "pattern":
				if p.cur.Pattern != "" {
					p.errorf(n, "rule %s: second pattern", p.cur.Name)
					continue
				}
				exp, err := p.expand(rest)
				if err != nil {
					p.errorf(n, "rule %s: %v", p.cur.Name, err)
					p.badPat = true
					continue
				}
				p.cur.Pattern = exp
				if exp == "" {
					p.errorf(n, "rule %s: empty pattern", p.cur.Name)
				}
			case "example":
				ex, err := parseExample(rest)
				if err != nil {
					p.errorf(n, "rule %s: %v", p.cur.Name, err)
					continue
				}
				ex.Line = n
				p.cur.Examples = append(p.cur.Examples, ex)
			default:
				if p.allow != nil && !p.allow[word] {
					p.errorf(n, "rule %s: unknown attribute %q", p.cur.Name, word)
					continue
				}
				if _, dup := p.cur.Attrs[word]; dup {
					p.errorf(n, "rule %s: attribute %s given twice", p.cur.Name, word)
					continue
				}
				p.cur.Attrs[word] = rest
			}
		}
	}
	if p.curTbl != nil {
		p.errorf(n, "table %s: missing end", p.curTbl.Name)
		p.curTbl = nil
	}
	p.finishRule()
}

func splitFirst(s string) (string, string, bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, "", false
	}
	return s[:i], strings.TrimSpace(s[i:]), true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r < 128 && unicode.IsLetter(r) || i > 0 && r < 128 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func parseExample(s string) (Example, error) {
	var ex Example
	text, want, hasWant := strings.Cut(s, "=>")
	text = strings.TrimSpace(text)
	if hasWant {
		ex.Want = strings.TrimSpace(want)
	}
	if i := strings.IndexByte(text, '['); i >= 0 {
		j := strings.LastIndexByte(text, ']')
		if j < i {
			return ex, fmt.Errorf("example %q: unbalanced [ ]", s)
		}
		ex.Text = text[:i] + text[i+1:j] + text[j+1:]
		ex.Start, ex.End = i, j-1
	} else {
		ex.Text = text
		ex.Start, ex.End = 0, len(text)
	}
	if ex.Start == ex.End {
		return ex, fmt.Errorf("empty example")
	}
	return ex, nil
}

// expand replaces %Macro and @table in a pattern.
func (p *parser) expand(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if c != '%' && c != '@' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || j > i+1 && s[j] >= '0' && s[j] <= '9') {
			j++
		}
		name := s[i+1 : j]
		if name == "" {
			if c == '@' {
				b.WriteByte(c)
				continue
			}
			return "", fmt.Errorf("%% without a macro name (write \\%% for a literal percent sign)")
		}
		if c == '%' {
			m, ok := p.set.Macros[name]
			if !ok {
				return "", fmt.Errorf("unknown macro %%%s", name)
			}
			b.WriteString("(?:" + m + ")")
		} else {
			t, ok := p.set.Tables[name]
			if !ok {
				return "", fmt.Errorf("unknown table @%s", name)
			}
			b.WriteString(tableRegexp(t))
		}
		i = j - 1
	}
	return b.String(), nil
}

func tableRegexp(t *Table) string {
	// Keys in reverse lexical order (of their lower-cased forms with white
	// space collapsed): a key comes before every key that is a prefix of
	// it, which is all leftmost-first matching needs (only such keys can
	// match at the same place), and keys sharing a beginning are adjacent,
	// so the regexp parser factors them into a trie ("dollars|dollar" →
	// "dollar(?:s|)"), which is much cheaper to match than a flat list.
	keys := append([]string(nil), t.Keys...)
	norm := make(map[string]string, len(keys))
	for _, k := range keys {
		norm[k] = strings.ToLower(strings.Join(strings.Fields(k), " "))
	}
	sort.SliceStable(keys, func(i, j int) bool { return norm[keys[i]] > norm[keys[j]] })
	var b strings.Builder
	b.WriteString("(?:")
	if t.Fold {
		b.WriteString("(?i:")
	}
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('|')
		}
		q := regexp.QuoteMeta(k)
		q = strings.ReplaceAll(q, " ", `\s+`)
		b.WriteString(q)
	}
	if t.Fold {
		b.WriteByte(')')
	}
	b.WriteByte(')')
	return b.String()
}

func (p *parser) finishRule() {
	r := p.cur
	p.cur = nil
	bad := p.badPat
	p.badPat = false
	if r == nil {
		return
	}
	s := p.set
	line := r.Line
	if r.Pattern == "" {
		if !bad {
			p.errorf(line, "rule %s: no pattern", r.Name)
		}
		return
	}
	if p.opt.LooseSpace {
		loose, err := loosenSpace(r.Pattern)
		if err != nil {
			p.errorf(line, "rule %s: %v", r.Name, err)
			return
		}
		r.Pattern = loose
	}
	re, err := regexp.Compile(`^(?:` + r.Pattern + `)`)
	if err != nil {
		p.errorf(line, "rule %s: %v", r.Name, err)
		return
	}

	r.re = re
	if r.m, err = compileMachine(r.Pattern); err != nil {
		p.errorf(line, "rule %s: %v", r.Name, err)
		return
	}
	r.one = newUnion([]*Rule{r}, false)
	r.digits = digitBlind(r.m)
	_, r.check = r.Attrs["check"]
	for _, k := range p.opt.Required {
		if _, ok := r.Attrs[k]; !ok {
			p.errorf(line, "rule %s: missing %s", r.Name, k)
		}
	}
	r.tmpls = map[string]template{}
	for k, v := range r.Attrs {
		t, err := p.compileTemplate(r, v)
		if err != nil {
			p.errorf(line, "rule %s: %s: %v", r.Name, k, err)
			return
		}
		r.tmpls[k] = t
	}
	keys, err := triggers(r.Pattern)
	if err != nil {
		p.errorf(line, "rule %s: %v", r.Name, err)
		return
	}
	r.keys = keys
	r.maxLen = Window
	if sre, err := syntax.Parse(r.Pattern, syntax.Perl); err == nil {
		sre = sre.Simplify()
		if n := maxBytes(sre); n < Window {
			r.maxLen = n
		}
	}
	if len(r.Examples) == 0 {
		p.errorf(line, "rule %s: no example", r.Name)
	}
	r.Index = len(s.Rules)
	s.Rules = append(s.Rules, r)
	for _, k := range keys {
		s.insert(k, r.Index)
	}
	for _, ex := range r.Examples {
		m, ok := s.tryRule(r, ex.Text, ex.Start)
		if !ok || m.End != ex.End {
			// A rule may match more than it marks (context it needs);
			// then a match covering the marked part from an earlier start
			// will do.
			for i := 0; i < ex.Start && !(ok && m.Start <= ex.Start && m.End >= ex.End); i++ {
				if utf8.RuneStart(ex.Text[i]) {
					m, ok = s.tryRule(r, ex.Text, i)
				}
			}
		}
		if !ok || m.Start > ex.Start || m.End < ex.End {
			got := "nothing"
			if ok {
				got = strconv.Quote(ex.Text[m.Start:m.End])
			}
			p.errs = append(p.errs, &Error{File: p.file, Line: ex.Line, Msg: fmt.Sprintf("rule %s: example %q: matched %s, want %q", r.Name, ex.Text, got, ex.Text[ex.Start:ex.End])})
			continue
		}
		found := false
		for _, i := range s.candidates(ex.Text, m.Start, nil) {
			if i == r.Index {
				found = true
			}
		}
		if !found {
			p.errs = append(p.errs, &Error{File: p.file, Line: ex.Line, Msg: fmt.Sprintf("rule %s: example %q: not reached through the index (internal error)", r.Name, ex.Text)})
		}
	}
}

// template is a compiled attribute template.
type template []tpart

type tpart struct {
	lit   string
	fn    string // "" for raw group text
	group int    // -1 for literal parts
	look  []lookStep
}

// lookStep is one alternative of a template's %a|b|!c(g), resolved when
// the rule is compiled: a table or a function, or (neg) the text itself
// when that table or function does not accept it.
type lookStep struct {
	neg bool
	tbl *Table
	fn  Func
}

// apply is Lookup with the steps resolved.
func apply(steps []lookStep, arg string) (string, bool) {
	for _, st := range steps {
		var v string
		var ok bool
		if st.tbl != nil {
			v, ok = st.tbl.Lookup(arg)
		} else {
			v, ok = st.fn(arg)
		}
		if st.neg {
			if !ok {
				return arg, true
			}
			if len(steps) == 1 {
				return "", false
			}
			continue
		}
		if ok {
			return v, true
		}
	}
	return "", false
}

func (p *parser) compileTemplate(r *Rule, s string) (template, error) {
	var t template
	var lit strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && s[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		if c != '%' {
			lit.WriteByte(c)
			continue
		}
		j := strings.IndexByte(s[i:], '(')
		k := strings.IndexByte(s[i:], ')')
		if j < 0 || k < j {
			return nil, fmt.Errorf("template %q: want %%func(group) or %%(group)", s)
		}
		fn := s[i+1 : i+j]
		arg := s[i+j+1 : i+k]
		var look []lookStep
		for _, f := range strings.Split(fn, "|") {
			if fn == "" {
				break
			}
			neg := strings.HasPrefix(f, "!")
			f = strings.TrimPrefix(f, "!")
			st := lookStep{neg: neg}
			if tb, ok := p.set.Tables[f]; ok {
				st.tbl = tb
			} else if fu, ok := p.set.funcs[f]; ok {
				st.fn = fu
			} else {
				return nil, fmt.Errorf("unknown table or function %q", f)
			}
			look = append(look, st)
		}
		g, err := strconv.Atoi(arg)
		if err != nil {
			g = r.re.SubexpIndex(arg)
			if g < 0 {
				return nil, fmt.Errorf("unknown group %q", arg)
			}
		}
		if g < 0 || g > r.re.NumSubexp() {
			return nil, fmt.Errorf("group %d out of range (pattern has %d)", g, r.re.NumSubexp())
		}
		if lit.Len() > 0 {
			t = append(t, tpart{lit: lit.String(), group: -1})
			lit.Reset()
		}
		t = append(t, tpart{fn: fn, group: g, look: look})
		i += k
	}
	if lit.Len() > 0 {
		t = append(t, tpart{lit: lit.String(), group: -1})
	}
	return t, nil
}

// Match is one rule match: Text[Start:End] of the scanned text.
type Match struct {
	Rule       *Rule
	Start, End int
	text       string
	groups     []int // byte offsets from Start, -1 when unset; shared, never changed
}

// Group returns the text of capture group i ("" when it did not take part).
func (m *Match) Group(i int) string {
	if 2*i+1 >= len(m.groups) || m.groups[2*i] < 0 {
		return ""
	}
	return m.text[m.Start+m.groups[2*i] : m.Start+m.groups[2*i+1]]
}

// GroupSpan returns the byte range of group i, or -1, -1.
func (m *Match) GroupSpan(i int) (int, int) {
	if 2*i+1 >= len(m.groups) || m.groups[2*i] < 0 {
		return -1, -1
	}
	return m.Start + m.groups[2*i], m.Start + m.groups[2*i+1]
}

// Has reports whether the rule has attribute key.
func (m *Match) Has(key string) bool { _, ok := m.Rule.tmpls[key]; return ok }

// Expand evaluates attribute key of the matched rule. It reports false
// when the rule has no such attribute or a normaliser failed. A group that
// did not take part in the match expands to "" without calling its
// normaliser, so one template can serve alternative groups.
func (s *Set) Expand(m *Match, key string) (string, bool) {
	t, ok := m.Rule.tmpls[key]
	if !ok {
		return "", false
	}
	if len(t) == 1 {
		p := t[0]
		if p.group < 0 {
			return p.lit, true
		}
		g := m.Group(p.group)
		if p.fn == "" || g == "" {
			return g, true
		}
		return apply(p.look, g)
	}
	var buf [64]byte
	b := buf[:0]
	ok = true
	for _, p := range t {
		if p.group < 0 {
			b = append(b, p.lit...)
			continue
		}
		g := m.Group(p.group)
		if p.fn == "" || g == "" {
			b = append(b, g...)
			continue
		}
		v, good := apply(p.look, g)
		if !good {
			ok = false
		}
		b = append(b, v...)
	}
	return string(b), ok
}

// Lookup applies table or function name to s. Table look-ups ignore case
// and collapse inner white space. A name "a|b" tries a, then b.
func (s *Set) Lookup(name, arg string) (string, bool) {
	if strings.HasPrefix(name, "!") && strings.IndexByte(name, '|') < 0 {
		if _, ok := s.Lookup(name[1:], arg); ok {
			return "", false
		}
		return arg, true
	}
	if strings.IndexByte(name, '|') >= 0 {
		for _, n := range strings.Split(name, "|") {
			if v, ok := s.Lookup(n, arg); ok {
				return v, true
			}
		}
		return "", false
	}
	if t, ok := s.Tables[name]; ok {
		return t.Lookup(arg)
	}
	if f, ok := s.funcs[name]; ok {
		return f(arg)
	}
	return "", false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// keyRune normalises a rune for the trigger index.
func keyRune(r rune) rune {
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0xA0 || r == 0x202F || r == 0x2009:
		return ' '
	case r < 128:
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// trieNode is a node of the key trie.
type trieNode struct {
	rules []int   // rules keyed by the path to this node
	runes []rune  // children's runes
	kids  []int32 // children's node indexes
}

// child returns the child of node n by rune r, or 0.
func (s *Set) child(n int32, r rune) int32 {
	if n == 0 {
		if r < 128 {
			return s.rootASCII[r]
		}
		return s.rootU[r]
	}
	nd := &s.trie[n]
	for i, c := range nd.runes {
		if c == r {
			return nd.kids[i]
		}
	}
	return 0
}

// insert adds rule i under key k.
func (s *Set) insert(k string, i int) {
	var n int32
	for _, r := range k {
		c := s.child(n, r)
		if c == 0 {
			c = int32(len(s.trie))
			s.trie = append(s.trie, trieNode{})
			switch {
			case n == 0 && r < 128:
				s.rootASCII[r] = c
			case n == 0:
				s.rootU[r] = c
			default:
				s.trie[n].runes = append(s.trie[n].runes, r)
				s.trie[n].kids = append(s.trie[n].kids, c)
			}
		}
		n = c
	}
	for _, j := range s.trie[n].rules {
		if j == i {
			return
		}
	}
	s.trie[n].rules = append(s.trie[n].rules, i)
}

// candidates returns the indexes of rules that may match at pos.
func (s *Set) candidates(text string, pos int, out []int) []int {
	var n int32
	i := pos
	for k := 1; k <= keyLen && i < len(text); k++ {
		c := text[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
		}
		n = s.child(n, keyRune(r))
		if n == 0 {
			break
		}
		out = append(out, s.trie[n].rules...)
	}
	return out
}

// window returns text[pos:pos+Window], cut at a rune boundary.
func window(text string, pos int) string {
	end := pos + Window
	if end >= len(text) {
		return text[pos:]
	}
	for end > pos && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[pos:end]
}

// maxBytes returns the most bytes a match of re can span, or Window when
// that is more or unbounded.
func maxBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxBytes(re.Sub[0])
	case syntax.OpQuest:
		return maxBytes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return Window
	case syntax.OpRepeat:
		if re.Max < 0 {
			return Window
		}
		n := re.Max * maxBytes(re.Sub[0])
		if n > Window {
			return Window
		}
		return n
	case syntax.OpConcat:
		n := 0
		for _, c := range re.Sub {
			n += maxBytes(c)
			if n >= Window {
				return Window
			}
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, c := range re.Sub {
			if m := maxBytes(c); m > n {
				n = m
			}
		}
		return n
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	}
	return Window
}

func (s *Set) tryRule(r *Rule, text string, pos int) (Match, bool) {
	var buf [32]int
	var caps []int
	if r.m.ncap <= len(buf) {
		caps = buf[:r.m.ncap]
	} else {
		caps = make([]int, r.m.ncap)
	}
	e, ok := fitEnd(text, pos, r.maxLen, func(s string) (int, bool) {
		if !r.m.match(s, caps) {
			return 0, false
		}
		return caps[1], true
	})
	if !ok {
		return Match{}, false
	}
	m := Match{Rule: r, Start: pos, End: e, text: text, groups: append([]int(nil), caps...)}
	if _, ok := r.tmpls["check"]; ok {
		if v, ok := s.Expand(&m, "check"); !ok || v == "" {
			return Match{}, false
		}
	}
	return m, true
}

// fitEnd returns where a rule's match at pos ends: find reports where its
// match at the start of a string ends (relative), given the text from pos
// up to maxLen bytes. A match may not end inside a word: then find runs
// once more on the text before that word, so that a shorter alternative
// ("5 mln" rather than "5 mln agains|t") can match.
func fitEnd(text string, pos, maxLen int, find func(s string) (int, bool)) (int, bool) {
	n, ok := find(text[pos:cut(text, pos, maxLen)])
	if !ok || n == 0 {
		return 0, false
	}
	e := pos + n
	if !midWord(text, pos, e) {
		return e, true
	}
	j := e
	for j > pos {
		r, size := utf8.DecodeLastRuneInString(text[pos:j])
		if !isWordRune(r) {
			break
		}
		j -= size
	}
	if j <= pos {
		return 0, false
	}
	if n, ok = find(text[pos:j]); !ok || n == 0 || midWord(text, pos, pos+n) {
		return 0, false
	}
	return pos + n, true
}

// cut returns pos+n, or less so as not to split a rune, at most
// len(text). Stray continuation bytes (invalid UTF-8, one rune each) are
// not split from anything.
func cut(text string, pos, n int) int {
	end := pos + n
	if end >= len(text) {
		return len(text)
	}
	for j := end; j > pos && j > end-utf8.UTFMax; j-- {
		if utf8.RuneStart(text[j-1]) {
			if _, size := utf8.DecodeRuneInString(text[j-1:]); j-1+size > end {
				return j - 1
			}
			break
		}
	}
	return end
}

// MatchAt returns the longest rule match starting at byte pos (ties go to
// the rule defined first), or false.
func (s *Set) MatchAt(text string, pos int) (Match, bool) {
	if pos < 0 || pos >= len(text) {
		return Match{}, false
	}
	w := s.u.get()
	m, ok := s.matchUnion(w, text, pos)
	s.u.put(w)
	return m, ok
}

// matchUnion is MatchAt with walker w: the union finds where each rule's
// match ends; only a rule with a guard, or whose match ends inside a word
// (its own matcher then retries on less text), runs alone.
func (s *Set) matchUnion(w *walker, text string, pos int) (Match, bool) {
	ends := w.walk(text[pos:cut(text, pos, s.maxLen)])
	if len(ends) == 0 {
		return Match{}, false
	}
	var best Match
	found := false
	for _, re := range ends {
		r := s.Rules[re.rule]
		e := pos + re.end
		if re.end > r.maxLen || midWord(text, pos, e) {
			var ok bool
			if e, ok = s.matchEnd(r, text, pos); !ok {
				continue
			}
		}
		if found && (e < best.End || e == best.End && r.Index > best.Rule.Index) {
			continue // cannot win
		}
		if r.check {
			// the guard needs the groups
			m, ok := s.groupsOf(w, r, text, pos, e)
			if !ok {
				continue
			}
			if v, ok := s.Expand(&m, "check"); !ok || v == "" {
				continue
			}
			best, found = m, true
			continue
		}
		best, found = Match{Rule: r, Start: pos, End: e}, true
	}
	if found && best.groups == nil {
		m, ok := s.groupsOf(w, best.Rule, text, pos, best.End)
		if !ok {
			var buf [64]int
			return s.matchSlow(text, pos, s.candidates(text, pos, buf[:0]))
		}
		best = m
	}
	return best, found
}

// midWord reports whether a match text[pos:e] ends inside a word.
func midWord(text string, pos, e int) bool {
	if e >= len(text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[pos:e])
	next, _ := utf8.DecodeRuneInString(text[e:])
	return isWordRune(last) && isWordRune(next)
}

// groupsOf returns the match of rule r at pos that ends at e, with its
// groups. The backtracker runs on the text up to e and one rune more
// (news repeats itself, so its results are remembered by that text, in
// walker w; for a rule that tells no digit from another, by the text
// with every digit as 0, so "3.5 mln dlrs" serves "7.2 mln dlrs"):
// every path it can try there that the whole window would not is longer
// than e, so a result ending at e is the one the window gives (the rune
// after e keeps the context of assertions at e as it was). Anything else
// is left to tryRule.
func (s *Set) groupsOf(w *walker, r *Rule, text string, pos, e int) (Match, bool) {
	cut := e
	if cut < len(text) {
		_, size := utf8.DecodeRuneInString(text[cut:])
		cut += size
	}
	if cut-pos > r.maxLen {
		m, ok := s.tryRule(r, text, pos)
		return m, ok && m.End == e
	}
	t := text[pos:cut]
	w.key = append(w.key[:0], byte(r.Index), byte(r.Index>>8))
	if r.digits {
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c >= '0' && c <= '9' {
				c = '0'
			}
			w.key = append(w.key, c)
		}
	} else {
		w.key = append(w.key, t...)
	}
	caps, ok := w.memo[string(w.key)]
	if !ok {
		caps = make([]int, r.m.ncap)
		if !r.m.match(t, caps) {
			caps = nil
		}
		if len(w.memo) >= maxMemo {
			clear(w.memo)
		}
		w.memo[string(w.key)] = caps
	}
	if caps == nil || pos+caps[1] != e {
		m, ok := s.tryRule(r, text, pos)
		return m, ok && m.End == e
	}
	return Match{Rule: r, Start: pos, End: e, text: text, groups: caps}, true
}

// digitBlind reports whether no instruction of m tells one ASCII digit
// from another (each takes all ten or none), so that m's every step, and
// its groups, are the same on a text with its digits changed.
func digitBlind(m *machine) bool {
	for pc := range m.inst {
		in := &m.inst[pc]
		if in.op != syntax.InstRune && in.op != syntax.InstRune1 {
			continue
		}
		d := in.ascii[0] >> '0' & (1<<10 - 1)
		if d != 0 && d != 1<<10-1 {
			return false
		}
	}
	return true
}

// matchSlow is matchCandidates with the backtracker alone, should the
// two ever disagree.
func (s *Set) matchSlow(text string, pos int, cands []int) (Match, bool) {
	var best Match
	found := false
	for _, i := range cands {
		m, ok := s.tryRule(s.Rules[i], text, pos)
		if ok && (!found || m.End > best.End || m.End == best.End && m.Rule.Index < best.Rule.Index) {
			best, found = m, true
		}
	}
	return best, found
}

// matchEnd returns where rule r's match at pos ends, as tryRule would,
// without the groups.
func (s *Set) matchEnd(r *Rule, text string, pos int) (int, bool) {
	return fitEnd(text, pos, r.maxLen, r.one.end)
}

// Scan calls emit for the non-overlapping longest matches in text[from:to],
// left to right, trying only positions where a word, number or symbol
// starts. Matches may extend beyond to (by at most Window bytes).
func (s *Set) Scan(text string, from, to int, emit func(m Match)) {
	if from < 0 {
		from = 0
	}
	if to > len(text) {
		to = len(text)
	}
	prevWord := false
	if from > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:from])
		prevWord = isWordRune(r)
	}
	w := s.u.get()
	defer s.u.put(w)
	for i := from; i < to; {
		c := text[i]
		if c < utf8.RuneSelf && s.filterReady {
			// The fast path: ASCII, decided by the byte filter. Inside a
			// word nothing starts; elsewhere a rule can match only where
			// the trie has a key beginning with the next two bytes.
			f := s.scan[c]
			if f&clsWord != 0 && prevWord {
				i++
				for i < to && text[i] < utf8.RuneSelf && s.scan[text[i]]&clsWord != 0 {
					i++
				}
				continue
			}
			if f&clsStart != 0 && s.u.mayLive(text, i, c) && s.maybe(text, i, c) {
				if m, ok := s.matchUnion(w, text, i); ok {
					emit(m)
					i = m.End
					last, _ := utf8.DecodeLastRuneInString(text[m.Start:m.End])
					prevWord = isWordRune(last)
					continue
				}
			}
			prevWord = f&clsWord != 0
			i++
			continue
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		var word bool
		if c < utf8.RuneSelf {
			word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		} else {
			word = isWordRune(r)
		}
		if !(word && prevWord) && !(c == ' ' || c == '\n') {
			if s.child(0, keyRune(r)) != 0 {
				if m, ok := s.matchUnion(w, text, i); ok {
					emit(m)
					i = m.End
					last, _ := utf8.DecodeLastRuneInString(text[m.Start:m.End])
					prevWord = isWordRune(last)
					continue
				}
			}
		}
		prevWord = word
		i += size
	}
}

// ScanTokens is Scan over the positions tokens give instead of every
// byte: where each token starts and, inside a token, after each hyphen or
// slash (US-Dollar, 2016/17). toks must be in text order, as a tokenizer
// gives them. With the tokens at hand this skips the byte loop: the
// hyphens and slashes are found beforehand (strings.IndexByte), and the
// common case, a token whose first two bytes no match begins with, is
// decided inline.
func (s *Set) ScanTokens(text string, toks []doc.Token, emit func(m Match)) {
	w := s.u.get()
	defer s.u.put(w)
	joins := joinsOf(text, w.joins[:0])
	w.joins = joins
	live := &s.u.live
	next := 0 // the end of the last match: nothing starts before it
	j := 0    // joins[j] is the first join not yet passed
	last := 0 // the end of the token before
	for i := range toks {
		st, en := toks[i].Start, toks[i].End
		if en <= next || st < 0 || en > len(text) || st >= en {
			continue
		}
		if st < last {
			// out of order, or overlapping: find this token's joins afresh
			j = sort.SearchInts(joins, st)
		}
		last = en
		if st >= next {
			c := text[st]
			ok := true
			if c < utf8.RuneSelf && st+1 < len(text) {
				if d := text[st+1]; d < utf8.RuneSelf && live[c][d>>6]&(1<<(d&63)) == 0 {
					ok = false
				}
			}
			if ok && s.mayStart(text, st) {
				if m, ok := s.matchUnion(w, text, st); ok {
					emit(m)
					next = m.End
				}
			}
		}
		for ; j < len(joins) && joins[j] < en-1; j++ {
			h := joins[j]
			if h <= st || h+1 < next || !s.mayStart(text, h+1) {
				continue
			}
			if m, ok := s.matchUnion(w, text, h+1); ok {
				emit(m)
				next = m.End
			}
		}
	}
}

// joinsOf appends to buf the positions of the hyphens and slashes of
// text, in order.
func joinsOf(text string, buf []int) []int {
	n := len(buf)
	for _, c := range []byte{'-', '/'} {
		for i := 0; ; {
			k := strings.IndexByte(text[i:], c)
			if k < 0 {
				break
			}
			buf = append(buf, i+k)
			i += k + 1
		}
	}
	slices.Sort(buf[n:])
	return buf
}

// mayStart is Scan's filter: false when no rule can match at text[i:].
// The common case, an ASCII byte pair no match begins with, is decided
// inline.
func (s *Set) mayStart(text string, i int) bool {
	c := text[i]
	if c >= utf8.RuneSelf {
		return s.mayStartRune(text, i)
	}
	if i+1 < len(text) {
		if d := text[i+1]; d < utf8.RuneSelf && s.u.live[c][d>>6]&(1<<(d&63)) == 0 {
			return false
		}
	}
	return s.scan[c]&clsStart != 0 && s.maybe(text, i, c)
}

func (s *Set) mayStartRune(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return s.child(0, keyRune(r)) != 0
}

// maybe reports whether a rule may be keyed on the text at i, which
// starts with ASCII byte c whose key rune begins some key, judging by the
// ASCII bytes there: false means the trie has no candidate at i.
func (s *Set) maybe(text string, i int, c byte) bool {
	if s.scan[c]&clsAny != 0 || i+1 >= len(text) {
		return s.scan[c]&clsAny != 0
	}
	d := text[i+1]
	if d >= utf8.RuneSelf || s.pairAny[c][d>>6]&(1<<(d&63)) != 0 {
		return true
	}
	if s.pair[c][d>>6]&(1<<(d&63)) == 0 {
		return false
	}
	v := uint64(keyByte[c])<<7 | uint64(keyByte[d])
	for k := 3; k <= keyLen; k++ {
		j := i + k - 1
		if j >= len(text) {
			return false
		}
		b := text[j]
		if b >= utf8.RuneSelf {
			return true
		}
		v = v<<7 | uint64(keyByte[b])
		h := deepHash(v, k)
		if s.deep[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
		if s.deepAny[h>>6]&(1<<(h&63)) != 0 {
			return true
		}
	}
	return true
}

// keyByte is keyRune for ASCII bytes.
var keyByte = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(keyRune(rune(c)))
	}
	return t
}()

// triggers derives the index keys of a pattern: every string of up to
// three normalised runes a match can start with (shorter where a broad
// class follows, as in "0 " before \p{Lu}). A pattern that starts with a
// broad class cannot be indexed and is an error.
func triggers(pattern string) ([]string, error) {
	re, err := syntax.Parse(`^(?:`+pattern+`)`, syntax.Perl)
	if err != nil {
		return nil, err
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	seen := map[string]bool{}
	var walk func(pc uint32, prefix string) error
	walk = func(pc uint32, prefix string) error {
		key := strconv.Itoa(int(pc)) + "\x00" + prefix
		if seen[key] {
			return nil
		}
		seen[key] = true
		if len(out) > 20000 {
			return fmt.Errorf("pattern has too many possible beginnings to index")
		}
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			if err := walk(in.Out, prefix); err != nil {
				return err
			}
			return walk(in.Arg, prefix)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			return walk(in.Out, prefix)
		case syntax.InstMatch:
			if prefix == "" {
				return fmt.Errorf("pattern matches the empty string")
			}
			out[prefix] = true
			return nil
		case syntax.InstFail:
			return nil
		case syntax.InstRune1, syntax.InstRune:
			runes := map[rune]bool{}
			rs := in.Rune
			if len(rs) == 1 {
				runes[keyRune(rs[0])] = true
			} else {
				total := 0
				for j := 0; j+1 < len(rs); j += 2 {
					total += int(rs[j+1]-rs[j]) + 1
					if total > 80 {
						if prefix != "" {
							// index on the shorter prefix
							out[prefix] = true
							return nil
						}
						return fmt.Errorf("pattern starts with a class too broad to index (%q); start with a word, a digit or a symbol", prefix)
					}
					for r := rs[j]; r <= rs[j+1]; r++ {
						runes[keyRune(r)] = true
					}
				}
			}
			if prefix != "" && len(runes) > 8 {
				// a broad class after a prefix: index on the prefix
				out[prefix] = true
				return nil
			}
			for r := range runes {
				p := prefix + string(r)
				if utf8.RuneCountInString(p) == keyLen {
					out[p] = true
					continue
				}
				if err := walk(in.Out, p); err != nil {
					return err
				}
			}
			return nil
		default:
			if prefix != "" {
				out[prefix] = true
				return nil
			}
			return fmt.Errorf("pattern starts with any character; start with a word, a digit or a symbol")
		}
	}
	if err := walk(uint32(prog.Start), ""); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
