package segment

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustNew(t testing.TB, code string) *Segmenter {
	t.Helper()
	s, err := New(code)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// joinTokens renders tokens as "a|b|c".
func joinTokens(text string, toks []doc.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = text[t.Start:t.End]
	}
	return strings.Join(parts, "|")
}

func sentenceTexts(text string, sents []doc.Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSegmenter_Tokens(t *testing.T) {
	tests := []struct {
		name, lang, text, want string
	}{
		{"abbrev z. B.", "de", "etwa z. B. so", "etwa|z.|B.|so"},
		{"abbrev z.B.", "de", "etwa z.B. so", "etwa|z.B.|so"},
		{"abbrev Dr. Nr.", "de", "Dr. Müller, Nr. 5", "Dr.|Müller|,|Nr.|5"},
		{"abbrev u. a.", "de", "u. a. Merkel", "u.|a.|Merkel"},
		{"abbrev ca.", "de", "ca. 200 Menschen", "ca.|200|Menschen"},
		{"abbrev capitalised", "de", "Ca. 200 Menschen", "Ca.|200|Menschen"},
		{"ordinal date", "de", "Kiew, 25. Feb (Reuters) -", "Kiew|,|25.|Feb|(|Reuters|)|-"},
		{"ordinal month", "de", "am 3. März und am 24. Februar 2022.", "am|3.|März|und|am|24.|Februar|2022|."},
		{"ordinal noun", "de", "im 19. Jahrhundert", "im|19.|Jahrhundert"},
		{"number then sentence", "de", "stieg auf 25. Die Regierung", "stieg|auf|25|.|Die|Regierung"},
		{"decimal de", "de", "1.000,50 Euro", "1.000,50|Euro"},
		{"decimal en", "en", "1,000.50 dlrs", "1,000.50|dlrs"},
		{"time", "de", "um 14.30 Uhr und 9:15 Uhr", "um|14.30|Uhr|und|9:15|Uhr"},
		{"date", "de", "am 25.2.2022 in", "am|25.2.2022|in"},
		{"percent", "de", "5,5% mehr", "5,5|%|mehr"},
		{"compound", "de", "US-Präsident und US-Vertreter", "US-Präsident|und|US-Vertreter"},
		{"adjective compound", "de", "russisch-ukrainischen Verhandlungen", "russisch-ukrainischen|Verhandlungen"},
		{"number compound", "de", "die 15-jährige, 2:1-Führung, 1980er-Jahre", "die|15-jährige|,|2:1-Führung|,|1980er-Jahre"},
		{"truncation", "de", "Ein- und Ausfuhr", "Ein-|und|Ausfuhr"},
		{"gender colon", "de", "Kund:innen und Bürger*innen", "Kund:innen|und|Bürger*innen"},
		{"gender does not eat colon", "de", "Kunden: Die", "Kunden|:|Die"},
		{"quotes de", "de", "„Ja“, sagte er.", "„|Ja|“|,|sagte|er|."},
		{"quotes chevrons", "de", "»Nein«", "»|Nein|«"},
		{"quotes single", "de", "‚so‘ und ‹so›", "‚|so|‘|und|‹|so|›"},
		{"quotes straight", "en", `"Yes," he said`, `"|Yes|,|"|he|said`},
		{"quotes curly en", "en", "“Yes” and ‘no’", "“|Yes|”|and|‘|no|’"},
		{"apostrophe", "de", "geht's und don’t", "geht's|und|don’t"},
		{"dashes", "de", "Wien – Die — und -- so", "Wien|–|Die|—|und|--|so"},
		{"ellipsis", "de", "Nun... gut… ja?!", "Nun|...|gut|…|ja|?!"},
		{"url", "de", "siehe https://www.reuters.com/world/a-b?x=1. Dann", "siehe|https://www.reuters.com/world/a-b?x=1|.|Dann"},
		{"www", "de", "unter www.allinrechner.at ein", "unter|www.allinrechner.at|ein"},
		{"bare domain", "de", "auf derStandard.at lesen", "auf|derStandard.at|lesen"},
		{"url in parens", "en", "(see http://example.com/a_(b))", "(|see|http://example.com/a_(b)|)"},
		{"email", "de", "an info@example.org.", "an|info@example.org|."},
		{"initials", "en", "J. F. Kennedy", "J.|F.|Kennedy"},
		{"U.S.", "en", "the U.S. Treasury", "the|U.S.|Treasury"},
		{"U.S.-led", "en", "U.S.-led talks", "U.S.-led|talks"},
		{"Gov.", "en", "Gov. Newsom said", "Gov.|Newsom|said"},
		{"No. only before number", "en", "No. 5 but No. Then", "No.|5|but|No|.|Then"},
		{"English no ordinal dot", "en", "rose to 25. The", "rose|to|25|.|The"},
		{"state abbrev upper", "en", "ST. LOUIS, Mo. (AP)", "ST.|LOUIS|,|Mo.|(|AP|)"},
		{"hashtag", "de", "#MeToo und @dpa", "#MeToo|und|@dpa"},
		{"invalid utf8", "de", "a\xffb \xc3", "a|\xff|b|\xc3"},
		{"nbsp", "de", "5\u00a0%", "5|%"},
		{"Ph.D.", "en", "a Ph.D. in", "a|Ph.D.|in"},
		{"no false acronym", "de", "Es.Da. Er.Die", "Es|.|Da|.|Er|.|Die"},
		{"academic titles", "de", "Prof. Dr. med. Müller", "Prof.|Dr.|med.|Müller"},
		{"AT&T", "en", "AT&T Inc. said", "AT&T|Inc.|said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustNew(t, tt.lang)
			got := joinTokens(tt.text, s.Tokens(tt.text, nil))
			if got != tt.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestSegmenter_TokensFlags(t *testing.T) {
	s := mustNew(t, "de")
	text := "Er sagte: „Ja.“\n\n25. Feb\n    Dr. 1.000 www.x.de z.B. -"
	toks := s.Tokens(text, nil)
	want := map[string]doc.TokenFlag{
		"Er":       doc.SpaceBefore | doc.Word,
		"sagte":    doc.SpaceBefore | doc.Word,
		":":        doc.Punct,
		"„":        doc.SpaceBefore | doc.Punct | doc.QuoteMark,
		"Ja":       doc.Word,
		".":        doc.Punct,
		"“":        doc.Punct | doc.QuoteMark,
		"25.":      doc.SpaceBefore | doc.ParagraphStart | doc.Number | doc.Abbrev,
		"Feb":      doc.SpaceBefore | doc.Word,
		"Dr.":      doc.SpaceBefore | doc.ParagraphStart | doc.Word | doc.Abbrev,
		"1.000":    doc.SpaceBefore | doc.Number,
		"www.x.de": doc.SpaceBefore | doc.URL,
		"z.B.":     doc.SpaceBefore | doc.Word | doc.Abbrev,
		"-":        doc.SpaceBefore | doc.Punct,
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %s, want %d", len(toks), joinTokens(text, toks), len(want))
	}
	for _, tk := range toks {
		w := text[tk.Start:tk.End]
		if tk.Flags != want[w] {
			t.Errorf("%q: flags %b, want %b", w, tk.Flags, want[w])
		}
	}
}

func TestSegmenter_Sentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"simple", "de", "Er kam. Sie ging! Warum? Darum.", []string{"Er kam.", "Sie ging!", "Warum?", "Darum."}},
		{"abbreviations de", "de", "Das gilt z. B. für Dr. Müller, Nr. 5 u. a. mit ca. 200 Leuten bzw. mehr. Dann ging er.",
			[]string{"Das gilt z. B. für Dr. Müller, Nr. 5 u. a. mit ca. 200 Leuten bzw. mehr.", "Dann ging er."}},
		{"ordinals", "de", "Am 24. Februar 2022 begann der Krieg. Kiew, am 3. März war es still.",
			[]string{"Am 24. Februar 2022 begann der Krieg.", "Kiew, am 3. März war es still."}},
		{"number at end", "de", "Die Zahl stieg auf 25. Die Regierung schwieg.", []string{"Die Zahl stieg auf 25.", "Die Regierung schwieg."}},
		{"year at end", "de", "Das war 2022. Trump kam.", []string{"Das war 2022.", "Trump kam."}},
		{"time", "de", "Um 14.30 Uhr begann es. Es endete.", []string{"Um 14.30 Uhr begann es.", "Es endete."}},
		{"quote comma continues", "de", `"Wir wollen den Krieg beenden", schrieb Selenskyj auf X. Dann ging er.`,
			[]string{`"Wir wollen den Krieg beenden", schrieb Selenskyj auf X.`, "Dann ging er."}},
		{"quote terminator comma", "de", "„Wir kommen.“, sagte er. Sie blieb.", []string{"„Wir kommen.“, sagte er.", "Sie blieb."}},
		{"question quote lower", "de", "»Wohin?« fragte er. »Nach Hause!« rief sie.", []string{"»Wohin?« fragte er.", "»Nach Hause!« rief sie."}},
		{"quote then capital", "de", "„Das ist gut.“ Die Regierung schwieg.", []string{"„Das ist gut.“", "Die Regierung schwieg."}},
		{"single quotes", "de", "‚Nein.‘ Dann ging er.", []string{"‚Nein.‘", "Dann ging er."}},
		{"colon continues", "de", "Er sagte: „Wir kommen.“ Dann ging er.", []string{"Er sagte: „Wir kommen.“", "Dann ging er."}},
		{"paragraph", "de", "Überschrift ohne Punkt\n\nDer Text beginnt", []string{"Überschrift ohne Punkt", "Der Text beginnt"}},
		{"single newline is space", "de", "Der Text\nläuft weiter. Hier.", []string{"Der Text\nläuft weiter.", "Hier."}},
		{"dateline dpa", "de", "Berlin (dpa) - Die Regierung tagte. Sie beschloss nichts.", []string{"Berlin (dpa) - Die Regierung tagte.", "Sie beschloss nichts."}},
		{"dateline derStandard", "de", "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.", []string{"Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf."}},
		{"dateline with dotted month", "de", "HAMBURG, 3. Juli. (dpa) - Der Hafen wuchs.", []string{"HAMBURG, 3. Juli. (dpa) - Der Hafen wuchs."}},
		{"dash continues", "de", "Die Führungen müssen jetzt - jetzt! - das Gespräch suchen.", []string{"Die Führungen müssen jetzt - jetzt! - das Gespräch suchen."}},
		{"ellipsis", "de", "Er zögerte... Dann ging er.", []string{"Er zögerte...", "Dann ging er."}},
		{"url", "de", "Mehr unter www.dateline.de. Danke.", []string{"Mehr unter www.dateline.de.", "Danke."}},
		{"abbrev end usw", "de", "Äpfel, Birnen usw. Die Preise stiegen.", []string{"Äpfel, Birnen usw.", "Die Preise stiegen."}},
		{"initial X", "de", "schrieb er auf X. An dem Telefonat nahmen sie teil.", []string{"schrieb er auf X.", "An dem Telefonat nahmen sie teil."}},
		{"label X before name", "de", "schrieb er auf X. Trump antwortete.", []string{"schrieb er auf X.", "Trump antwortete."}},
		{"label Gruppe", "de", "Sieger der Gruppe A. Leverkusen folgt.", []string{"Sieger der Gruppe A.", "Leverkusen folgt."}},
		{"label letter before number", "de", "Der König billigt den Plan S. 312 des Entwurfs.", []string{"Der König billigt den Plan S. 312 des Entwurfs."}},
		{"letter of z. B. alone", "de", "Es gewann die Gruppe B. Die Fans jubelten.", []string{"Es gewann die Gruppe B.", "Die Fans jubelten."}},
		{"initial of z. B. alone", "de", "Er traf Helmut B. Die Fans jubelten.", []string{"Er traf Helmut B.", "Die Fans jubelten."}},
		{"z. B. before starter", "de", "Parteien, z. B. Die Linke, stimmten zu.", []string{"Parteien, z. B. Die Linke, stimmten zu."}},
		{"Z. B. capitalised", "de", "Z. B. Die Linke stimmte zu.", []string{"Z. B. Die Linke stimmte zu."}},
		{"i. d. R. before starter", "de", "Das gilt i. d. R. Die Ausnahme ist selten.", []string{"Das gilt i. d. R. Die Ausnahme ist selten."}},
		{"initial after preposition", "de", "Das Buch von E. Lövinson erschien.", []string{"Das Buch von E. Lövinson erschien."}},
		{"middle initial de", "de", "Das sagte Thomas D. Trummer. Er ging.", []string{"Das sagte Thomas D. Trummer.", "Er ging."}},
		{"dateline AP", "en", "WASHINGTON (AP) — The Senate voted. It passed.", []string{"WASHINGTON (AP) — The Senate voted.", "It passed."}},
		{"dateline Reuters", "en", "SALVADOR, Feb 26 - Showers continued throughout the week.", []string{"SALVADOR, Feb 26 - Showers continued throughout the week."}},
		{"dateline AP state", "en", "ST. LOUIS, Mo. (AP) — A judge ruled. He left.", []string{"ST. LOUIS, Mo. (AP) — A judge ruled.", "He left."}},
		{"English abbreviations", "en", "Mr. Smith met Gov. Brown and Dr. Jones in the U.S. Senate at 3 p.m. on Jan. 5.",
			[]string{"Mr. Smith met Gov. Brown and Dr. Jones in the U.S. Senate at 3 p.m. on Jan. 5."}},
		{"U.S. at end", "en", "Sales rose in the U.S. The company said so.", []string{"Sales rose in the U.S.", "The company said so."}},
		{"Inc. at end", "en", "He works for Apple Inc. The firm grew.", []string{"He works for Apple Inc.", "The firm grew."}},
		{"Corp. inside", "en", "Texaco Corp. Chairman Jim Kinnear said.", []string{"Texaco Corp. Chairman Jim Kinnear said."}},
		{"initials", "en", "J. F. Kennedy was shot. It was 1963.", []string{"J. F. Kennedy was shot.", "It was 1963."}},
		{"label group", "en", "The town was attacked by group X. Officials said so.", []string{"The town was attacked by group X.", "Officials said so."}},
		{"label Series", "en", "It rated preferred units Series A. Moody's said so.", []string{"It rated preferred units Series A.", "Moody's said so."}},
		{"initial after role noun", "en", "The investor T. Boone Pickens said so.", []string{"The investor T. Boone Pickens said so."}},
		{"middle initial en", "en", "He met George W. Bush there. Then he left.", []string{"He met George W. Bush there.", "Then he left."}},
		{"English quote", "en", `"We will win," he said. "Never."`, []string{`"We will win," he said.`, `"Never."`}},
		{"English question quote", "en", "“Why?” she asked. Nobody knew.", []string{"“Why?” she asked.", "Nobody knew."}},
		{"Reuters indentation", "en", "Shares rose.\n    Net 12.3 mln vs 11.0 mln\n    Revs 100 mln vs 90 mln\n", []string{"Shares rose.", "Net 12.3 mln vs 11.0 mln", "Revs 100 mln vs 90 mln"}},
		{"Reuters hard wrap", "en", "Showers continued in\nthe Bahia zone. The dry\nperiod ended.", []string{"Showers continued in\nthe Bahia zone.", "The dry\nperiod ended."}},
		{"score", "de", "Der 1. FC Köln gewann 2:1. Die Fans jubelten.", []string{"Der 1. FC Köln gewann 2:1.", "Die Fans jubelten."}},
		{"ordinal before noun", "de", "Es war der 3. Sieg in Folge. Sie wurde 3. Beim nächsten Rennen siegte sie.",
			[]string{"Es war der 3. Sieg in Folge.", "Sie wurde 3.", "Beim nächsten Rennen siegte sie."}},
		{"question in quote", "de", "Er fragte: „Wie geht es?“ Dann ging er.", []string{"Er fragte: „Wie geht es?“", "Dann ging er."}},
		{"exclamation quote comma", "de", "»Wir schaffen das!«, sagte Merkel.", []string{"»Wir schaffen das!«, sagte Merkel."}},
		{"all-caps dateline with dot", "de", "BERLIN. Die Regierung tagte. Sie beschloss nichts.", []string{"BERLIN. Die Regierung tagte.", "Sie beschloss nichts."}},
		{"one-word sentence", "de", "Nein. Die Regierung tagte.", []string{"Nein.", "Die Regierung tagte."}},
		{"camelCase after stop", "en", "Apple sold more. iPhone sales rose.", []string{"Apple sold more.", "iPhone sales rose."}},
		{"CRLF paragraphs", "de", "Titel\r\n\r\nText beginnt.", []string{"Titel", "Text beginnt."}},
		{"date before year", "de", "(APA/sid/red – 11.7. 2015) Dann.", []string{"(APA/sid/red – 11.7. 2015) Dann."}},
		{"sports ordinals", "de", "Tore: 1:0 (51.) Ulmer, 2:0 (89.) Schmid. Weiter: 10. Gruber (6./19.) Dann.",
			[]string{"Tore: 1:0 (51.) Ulmer, 2:0 (89.) Schmid.", "Weiter: 10. Gruber (6./19.) Dann."}},
		{"page reference", "de", "Das steht dort (S. 175.) Dann ging er.", []string{"Das steht dort (S. 175.)", "Dann ging er."}},
		{"omission", "de", "„Wir haben [...] Probleme gelöst“, sagte er. Dann (…) Schluss.", []string{"„Wir haben [...] Probleme gelöst“, sagte er.", "Dann (…) Schluss."}},
		{"bullets", "de", "Die Punkte:\n• Steuern senken\n• Renten erhöhen", []string{"Die Punkte:", "• Steuern senken", "• Renten erhöhen"}},
		{"bang lower de", "de", "Stille! ich höre es. »Wohin?« fragte er.", []string{"Stille!", "ich höre es.", "»Wohin?« fragte er."}},
		{"bang lower en", "en", "Yahoo! said it would.", []string{"Yahoo! said it would."}},
		{"generic", "xx", "Dr. Who. Yes.", []string{"Dr. Who.", "Yes."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustNew(t, tt.lang)
			toks := s.Tokens(tt.text, nil)
			got := sentenceTexts(tt.text, s.Sentences(tt.text, toks, nil))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q\ntokens %s", tt.text, got, tt.want, joinTokens(tt.text, toks))
			}
		})
	}
}

// TestAbbreviationFiles checks every entry of the abbreviation files: it
// is one token with the Abbrev flag, and inside a sentence it does not end
// it.
func TestAbbreviationFiles(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		s := mustNew(t, code)
		lines, err := lang.Read(code, "abbreviations.txt")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			a := l.Fields[0]
			next := "x"
			if len(l.Fields) > 1 && l.Fields[1] == "num" {
				next = "5"
			}
			text := "Wir sahen " + a + " " + next + " gestern."
			toks := s.Tokens(text, nil)
			sents := s.Sentences(text, toks, nil)
			if len(sents) != 1 {
				t.Errorf("%s: %q split into %q", l.Pos(), text, sentenceTexts(text, sents))
			}
			parts := strings.Fields(a)
			for k, p := range parts {
				tk := toks[2+k]
				if got := text[tk.Start:tk.End]; got != p || !tk.Flags.Has(doc.Abbrev) {
					t.Errorf("%s: token %q (flags %b), want abbreviation %q", l.Pos(), got, tk.Flags, p)
				}
			}
		}
	}
}

// TestStarterAndOrdinalFiles runs the example of every entry of the
// sentence starter and ordinal files.
func TestStarterAndOrdinalFiles(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		s := mustNew(t, code)
		lines, err := lang.Read(code, "sentence_starters.txt")
		if err != nil {
			t.Fatal(err)
		}
		abbr := map[string]string{"de": "usw.", "en": "Inc."}[code]
		for _, l := range lines {
			text := "Sie nannten A, B " + abbr + " " + l.Fields[0] + " x y."
			if n := len(s.Sentences(text, s.Tokens(text, nil), nil)); n != 2 {
				t.Errorf("%s: %q gives %d sentences, want 2", l.Pos(), text, n)
			}
		}
	}
	s := mustNew(t, "de")
	lines, err := lang.Read("de", "ordinals.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		text := "Das war zum 1000. " + l.Fields[0] + " so."
		toks := s.Tokens(text, nil)
		if tk := toks[3]; text[tk.Start:tk.End] != "1000." || !tk.Flags.Has(doc.Abbrev) {
			t.Errorf("%s: %q: token %q is not an ordinal", l.Pos(), text, text[tk.Start:tk.End])
		}
	}
}

// TestLetterLabels runs every letter_label entry of the settings files:
// after the label word the letter's dot ends the sentence before a
// capitalised word; after a first name it does not (an initial).
func TestLetterLabels(t *testing.T) {
	for _, code := range []string{"de", "en"} {
		s := mustNew(t, code)
		lines, err := lang.Read(code, "segment.txt")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, l := range lines {
			if l.Fields[0] != "letter_label" {
				continue
			}
			n++
			word, letter, ok := strings.Cut(l.Fields[1], " ")
			if !ok {
				letter = "A"
			}
			for _, tt := range []struct {
				before string
				want   int
			}{{word, 2}, {"Helmut", 1}} {
				text := "Es ging um " + tt.before + " " + letter + ". Trump kam."
				if got := len(s.Sentences(text, s.Tokens(text, nil), nil)); got != tt.want {
					t.Errorf("%s: %q gives %d sentences, want %d", l.Pos(), text, got, tt.want)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s/segment.txt: no letter_label entries", code)
		}
	}
}

func TestSegmenter_addLabel(t *testing.T) {
	tests := []struct {
		val     string
		wantErr bool
	}{
		{"Gruppe", false},
		{"auf X", false},
		{"auf x", true},
		{"auf XY", true},
		{"z. B", true},
		{"", true},
	}
	for _, tt := range tests {
		var s Segmenter
		if err := s.addLabel(tt.val); (err != nil) != tt.wantErr {
			t.Errorf("addLabel(%q) error = %v, want error %v", tt.val, err, tt.wantErr)
		}
	}
	var s Segmenter
	for _, v := range []string{"auf X", "auf Y", "bei X", "bei"} {
		if err := s.addLabel(v); err != nil {
			t.Fatal(err)
		}
	}
	for w, want := range map[string]string{"auf": "XY", "Auf": "XY", "bei": "", "Bei": ""} {
		if got, ok := s.labels[w]; !ok || got != want {
			t.Errorf("labels[%q] = %q, %v; want %q", w, got, ok, want)
		}
	}
}

func TestNew(t *testing.T) {
	de := mustNew(t, "de")
	if s := mustNew(t, "DE-at"); s != de {
		t.Errorf("New(DE-at) is not the cached German segmenter")
	}
	if got := mustNew(t, "").Lang(); got != "" {
		t.Errorf("New(\"\").Lang() = %q, want generic", got)
	}
	if got := mustNew(t, "fr").Lang(); got != "" {
		t.Errorf("New(fr).Lang() = %q, want generic", got)
	}
	if mustNew(t, "en").ordinals != nil {
		t.Errorf("English has ordinal dots")
	}
	// Concurrent construction and use.
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := mustNew(t, []string{"de", "en", "it"}[i%3])
			text := "Dr. Müller kam. Er ging."
			if n := len(s.Sentences(text, s.Tokens(text, nil), nil)); n != 2 {
				t.Errorf("got %d sentences, want 2", n)
			}
		}()
	}
	wg.Wait()
}

// TestGolden_Reuters checks the founding example story: 17 sentences, the
// dateline inside the first. The sentence list is kept in a golden file;
// regenerate it with -update.
func TestGolden_Reuters(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "reuters-de-2026-02-26.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	s := mustNew(t, "de")
	toks := s.Tokens(text, nil)
	sents := s.Sentences(text, toks, nil)
	if len(sents) != 17 {
		t.Errorf("got %d sentences, want 17", len(sents))
	}
	if first := text[sents[0].Start:sents[0].End]; !strings.HasPrefix(first, "Kiew, 25. Feb (Reuters) - Bei den") {
		t.Errorf("first sentence %q does not hold the dateline", first)
	}
	got := strings.Join(sentenceTexts(text, sents), "\n") + "\n"
	golden := filepath.Join("testdata", "reuters-de-2026-02-26.sentences")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("sentences differ from %s (run with -update after checking):\n%s", golden, got)
	}
}

func TestStages(t *testing.T) {
	p, err := pipeline.New(langStage{}, TokenStage(), SentenceStage())
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "Kiew, 25. Feb (Reuters) - Bei den Gesprächen. Dr. Müller kam.", Lang: "de"}
	if err := p.Run(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) != 16 || len(d.Sentences) != 2 {
		t.Errorf("got %d tokens, %d sentences; want 16, 2", len(d.Tokens), len(d.Sentences))
	}
	if _, err := pipeline.New(SentenceStage(), TokenStage()); err == nil {
		t.Errorf("sentences before tokenize: no order error")
	}
}

type langStage struct{}

func (langStage) Name() string                  { return "lang" }
func (langStage) Needs() []pipeline.Layer       { return nil }
func (langStage) Writes() []pipeline.Layer      { return []pipeline.Layer{pipeline.Lang} }
func (langStage) Process(d *doc.Document) error { return nil }
