package link

import (
	"bufio"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/lang"
)

// TestRolesExamples runs the example in the comment of every role line of
// lang/*/roles.txt: each example phrase must contain a role noun the
// matcher finds ("der US-Präsident; des ukrainischen Präsidenten" are two
// examples).
func TestRolesExamples(t *testing.T) {
	l := newLinker(t)
	for _, code := range []string{"de", "en"} {
		f, err := lang.FS().Open(code + "/roles.txt")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n, examples := 0, 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if !strings.HasPrefix(line, "role\t") || !strings.Contains(line, "#") {
				continue
			}
			for _, ex := range strings.Split(line[strings.Index(line, "#")+1:], ";") {
				ex = strings.TrimSpace(ex)
				if ex == "" {
					continue
				}
				examples++
				d := &doc.Document{Text: ex, Lang: code}
				lk := &linking{l: l, r: l.rulesFor(code), d: d, ws: words(ex)}
				found := false
				for i := range lk.ws {
					if lk.findRole(i) != nil {
						found = true
					}
				}
				if !found {
					t.Errorf("%s/roles.txt:%d: example %q: no role noun found", code, n, ex)
				}
			}
		}
		f.Close()
		if examples == 0 {
			t.Errorf("%s/roles.txt: no examples", code)
		}
	}
}

// TestRoles_Resolve checks role nouns standing alone, resolved through KB
// roles at the story's date.
func TestRoles_Resolve(t *testing.T) {
	l := newLinker(t)
	day := time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, text, role, want string
	}{
		{"de", "Das sagte der Kremlchef am Abend.", "Kremlchef", "dl:person:vladimir-putin"},
		{"de", "Der russische Außenminister reiste ab.", "Außenminister", "dl:person:sergey-lavrov"},
		{"de", "Der russische Gesandte wird erwartet.", "Gesandte", "dl:person:kirill-dmitriev"},
		{"de", "Das sagte der Bundeskanzler.", "Bundeskanzler", "dl:person:friedrich-merz"},
		{"de", "Der norwegische Ministerpräsident kam.", "Ministerpräsident", "dl:person:jonas-gahr-store"},
		{"de", "Der frühere US-Präsident schwieg.", "US-Präsident", ""},
		{"de", "Die US-Unterhändler reisten ab.", "US-Unterhändler", ""},
		{"en", "The U.S. president said so.", "president", "dl:person:donald-trump"},
		{"en", "Ukraine's president said so.", "president", "dl:person:volodymyr-zelenskyy"},
		{"en", "The Polish prime minister said so.", "prime minister", "dl:person:donald-tusk"},
		{"en", "The NATO secretary-general said so.", "secretary-general", "dl:person:mark-rutte"},
		{"en", "Presidents met.", "Presidents", ""},
	}
	for _, tt := range tests {
		d := &doc.Document{Text: tt.text, Lang: tt.lang, Date: day}
		l.Link(d)
		id, _ := mentionOf(d, tt.role, 1)
		if id != tt.want {
			t.Errorf("%q: %q → %q, want %q", tt.text, tt.role, id, tt.want)
		}
	}
}

// TestLink_Date: the same role noun names different people on different
// dates.
func TestLink_Date(t *testing.T) {
	l := newLinker(t)
	for _, tt := range []struct {
		day  time.Time
		want string
	}{
		{time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), "dl:person:joe-biden"},
		{time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "dl:person:donald-trump"},
	} {
		d := &doc.Document{Text: "Der US-Präsident sagte das.", Lang: "de", Date: tt.day}
		l.Link(d)
		if id, _ := mentionOf(d, "US-Präsident", 1); id != tt.want {
			t.Errorf("%s: got %q, want %q", tt.day.Format("2006-01-02"), id, tt.want)
		}
	}
}

func TestResolvePronoun(t *testing.T) {
	l := newLinker(t)
	d := &doc.Document{Text: "Maia Sandu traf Friedrich Merz. Sie sagte, er habe zugesagt.", Lang: "de"}
	annotate(d, []ann{{text: "Maia Sandu", typ: "PER"}, {text: "Friedrich Merz", typ: "PER"}})
	l.Link(d)
	sie := strings.Index(d.Text, "Sie")
	er := strings.Index(d.Text, "er habe")
	if got := l.ResolvePronoun(d, er); got != "dl:person:friedrich-merz" {
		t.Errorf("er: got %q", got)
	}
	if got := l.ResolvePronoun(d, sie); got != "dl:person:friedrich-merz" {
		// "Sie" allows either gender: the last person.
		t.Errorf("Sie: got %q", got)
	}
	if got := l.ResolvePronoun(d, 0); got != "" {
		t.Errorf("at 0: got %q, want none", got)
	}
	if got := l.ResolvePronoun(d, len(d.Text)+5); got != "" {
		t.Errorf("out of range: got %q, want none", got)
	}
}

func TestLink_DerivedPerson(t *testing.T) {
	l := newLinker(t)
	d := &doc.Document{Text: "Max Mustermann sprach. Ein Mustermann-Berater widersprach.", Lang: "de"}
	annotate(d, []ann{{text: "Max Mustermann", typ: "PER"}, {text: "Mustermann", typ: "PER", kind: doc.MentionDerived, nth: []int{2}}})
	l.Link(d)
	a, _ := mentionOf(d, "Max Mustermann", 1)
	b, kind := mentionOf(d, "Mustermann", 1)
	if a == "" || a != b || kind != doc.MentionDerived {
		t.Errorf("derived surname: got %q (%s), want %q (derived)", b, kind, a)
	}
}

func TestLink_Metonymy(t *testing.T) {
	l := newLinker(t)
	tests := []struct {
		lang, text, city string
		nth              int
		want, kind       string
	}{
		{"de", "Moskau lehnt den Plan ab.", "Moskau", 1, "iso3166:RU", "metonym"},
		{"de", "Eine Bestätigung aus Moskau lag nicht vor.", "Moskau", 1, "iso3166:RU", "metonym"},
		{"de", "Die Regierung in Moskau schwieg.", "Moskau", 1, "geonames:524901", "name"},
		{"de", "Moskaus Angriffskrieg dauert an.", "Moskaus", 1, "iso3166:RU", "metonym"},
		{"de", "Kiews Bürgermeister warnte.", "Kiews", 1, "geonames:703448", "name"},
		{"de", "Moskau hat die Vorwürfe zurückgewiesen.", "Moskau", 1, "iso3166:RU", "metonym"},
		{"de", "Kiew wirft Moskau Kriegsverbrechen vor.", "Moskau", 1, "iso3166:RU", "metonym"},
		{"de", "Er reiste nach Moskau.", "Moskau", 1, "geonames:524901", "name"},
		{"de", "Der Kreml erklärte, man sei bereit.", "Kreml", 1, "iso3166:RU", "metonym"},
		{"de", "Das Treffen fand im Kreml statt.", "Kreml", 1, "dl:place:kremlin", "name"},
		{"en", "Moscow has rejected the plan.", "Moscow", 1, "iso3166:RU", "metonym"},
		{"en", "Kyiv was hit by missiles.", "Kyiv", 1, "geonames:703448", "name"},
		{"en", "Moscow's demands are clear.", "Moscow", 1, "iso3166:RU", "metonym"},
		{"en", "Kyiv's mayor spoke.", "Kyiv", 1, "geonames:703448", "name"},
		{"en", "He met officials at the White House.", "White House", 1, "dl:place:white-house", "name"},
		{"en", "The White House said no.", "White House", 1, "iso3166:US", "metonym"},
		{"en", "Brussels wants more.", "Brussels", 1, "dl:org:eu", "metonym"},
		{"en", "Fighting in the Donetsk region went on.", "Donetsk", 1, "iso3166:UA-14", "name"},
		{"en", "Fighting in Donetsk Oblast went on.", "Donetsk Oblast", 1, "iso3166:UA-14", "name"},
		{"de", "Kämpfe in der Region Donezk.", "Region Donezk", 1, "iso3166:UA-14", "name"},
		{"de", "Kämpfe im Gebiet Charkiw.", "Charkiw", 1, "iso3166:UA-63", "name"},
		{"de", "Sie wohnt in Donezk.", "Donezk", 1, "geonames:709717", "name"},
	}
	for _, tt := range tests {
		d := &doc.Document{Text: tt.text, Lang: tt.lang}
		annotate(d, []ann{{text: tt.city, typ: "LOC"}})
		l.Link(d)
		id, kind := mentionOf(d, tt.city, tt.nth)
		if id != tt.want || kind != tt.kind {
			t.Errorf("%q: %s → %s (%s), want %s (%s)", tt.text, tt.city, id, kind, tt.want, tt.kind)
		}
	}
}
