package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gazetteer classes: each is one bit of a token's gazetteer mask. The
// lists are built from public gazetteers by internal/mkresources and
// committed in data/<lang>/gazetteer.txt.gz as "CLASS TAB name" lines.
const (
	gazCountry  = iota // country names (the language's and English)
	gazCity            // major cities, capitals and localised (exonym) names
	gazPlace           // any GeoNames populated place
	gazRegion          // ISO 3166-2 subdivisions
	gazCode            // ISO 3166 alpha-2/alpha-3 country codes
	gazFirst           // given names
	gazLast            // family names
	gazDemonym         // demonyms and nationality adjectives
	gazCurrency        // currency names
	gazOrg             // organisations (the knowledge base's)
	gazRole            // role nouns that stand before a person's name (Präsident)
	gazArea            // nouns that stand before a region's name (Region, Provinz)
	numGazClasses
)

var gazClassNames = [numGazClasses]string{"COUNTRY", "CITY", "PLACE", "REGION", "CODE", "FIRST", "LAST", "DEMONYM", "CURRENCY", "ORG", "ROLE", "AREA"}

func gazClass(name string) (int, bool) {
	for i, n := range gazClassNames {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// gazEntry is a multi-token gazetteer name.
type gazEntry struct {
	toks []uint64 // hashes of the lower-cased tokens after the first
	mask uint16
}

// resources are the language data the features read: gazetteers, word
// clusters and a lexicon. Words are keyed by their 64-bit hash (strHash),
// which keeps loading fast and lookups free of allocation.
type resources struct {
	gaz1     map[uint64]uint16     // single-token names, lower-cased
	gazMulti map[uint64][]gazEntry // first token (lower-cased) → longer names
	locPfx   map[uint64]bool       // lower-cased prefixes (4-8 runes) of country and city names
	clusters map[uint64][3]uint16  // word → cluster ids at three granularities
	lex      map[uint64]uint16     // word → lexicon classes (low bits) and POS index (<<8)
	posNames []string              // POS tags; index 0 is ""
}

// strHash is the hash words are keyed by.
func strHash(s string) uint64 { return uint64(newHash(0).str(s)) }

// Lexicon classes.
const (
	lexDict      = 1 << iota // the exact form is in the spelling dictionary
	lexDictLower             // the lower-cased form is in the dictionary
	lexDictCap               // the capitalised form is in the dictionary
)

func newResources() *resources {
	return &resources{
		gaz1:     make(map[uint64]uint16, 1<<17),
		gazMulti: make(map[uint64][]gazEntry, 1<<15),
		locPfx:   map[uint64]bool{},
		clusters: make(map[uint64][3]uint16, 1<<15),
		lex:      make(map[uint64]uint16, 1<<18),
		posNames: []string{""},
	}
}

// loadResources reads the resources of a language from fsys (rooted at the
// package's data folder). Missing files give empty resources.
func loadResources(fsys fs.FS, lang string) (*resources, error) {
	r := newResources()
	if err := readGz(fsys, lang+"/gazetteer.txt.gz", func(n int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want CLASS TAB name")
		}
		c, ok := gazClass(f[0])
		if !ok {
			return fmt.Errorf("unknown class %q", f[0])
		}
		r.addGaz(f[1], c)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readGz(fsys, lang+"/clusters.txt.gz", func(n int, f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want word TAB c1 TAB c2 TAB c3")
		}
		var c [3]uint16
		for i := 0; i < 3; i++ {
			v, err := strconv.ParseUint(f[i+1], 10, 16)
			if err != nil {
				return err
			}
			c[i] = uint16(v)
		}
		r.clusters[strHash(f[0])] = c
		return nil
	}); err != nil {
		return nil, err
	}
	posIdx := map[string]uint16{}
	if err := readGz(fsys, lang+"/lexicon.txt.gz", func(n int, f []string) error {
		// word [TAB POS]: the word is in the dictionary; POS from the
		// tagged lexicon when known.
		w := f[0]
		h := strHash(w)
		v := r.lex[h] | lexDict
		r0, sz := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r0) {
			v |= lexDictLower
		} else if unicode.IsUpper(r0) && isLowerASCIIOrAny(w[sz:]) {
			lh := strHash(string(unicode.ToLower(r0)) + w[sz:])
			r.lex[lh] |= lexDictCap
		}
		if len(f) > 1 && f[1] != "" {
			p, ok := posIdx[f[1]]
			if !ok {
				p = uint16(len(r.posNames))
				posIdx[f[1]] = p
				r.posNames = append(r.posNames, f[1])
			}
			v = v&0xff | p<<8
		}
		r.lex[h] = v
		return nil
	}); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *resources) addGaz(name string, class int) {
	toks := gazTokens(name)
	if len(toks) == 0 {
		return
	}
	bit := uint16(1) << class
	h0 := strHash(toks[0])
	if len(toks) == 1 {
		r.gaz1[h0] |= bit
	} else {
		e := gazEntry{mask: bit}
		for _, t := range toks[1:] {
			e.toks = append(e.toks, strHash(t))
		}
		r.gazMulti[h0] = append(r.gazMulti[h0], e)
	}
	if class == gazCountry || class == gazCity {
		rs := []rune(toks[0])
		for n := 4; n <= 8 && n <= len(rs); n++ {
			r.locPfx[strHash(string(rs[:n]))] = true
		}
	}
}

// hyphenRole returns the ROLE bit when the last part of a hyphenated word
// is a role noun ("US-Präsident", "Ex-Kanzler"), else 0.
func (r *resources) hyphenRole(w string) uint16 {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return 0
	}
	return r.gaz1[strHash(normLower(w[i+1:]))] & (1 << gazRole)
}

// gazTokens splits a gazetteer name the way the tokenizers of the corpora
// do: at spaces, with a final period and commas split off, lower-cased.
func gazTokens(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		f = strings.TrimSuffix(f, ",")
		if f == "" {
			continue
		}
		out = append(out, normLower(f))
	}
	return out
}

// isLowerASCIIOrAny reports whether s has no upper-case letter.
func isLowerASCIIOrAny(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func readGz(fsys fs.FS, name string, line func(n int, fields []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		if isNotExist(err) {
			return nil
		}
		return fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("ner: %s: %w", name, err)
	}
	return readLines(zr, name, line)
}

func readLines(rd io.Reader, name string, line func(n int, fields []string) error) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		if err := line(n, strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("ner: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ner: %s:%d: %w", name, n+1, err)
	}
	return nil
}
