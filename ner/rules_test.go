package ner

import (
	"strings"
	"testing"
)

// ruleInput returns the token information and an all-O path of a sentence,
// as the rules after Viterbi see them.
func ruleInput(t *testing.T, m *Model, s string) ([]string, []tokInfo, []int) {
	t.Helper()
	toks := strings.Fields(s)
	info := make([]tokInfo, len(toks))
	for i, w := range toks {
		m.fz.info(&info[i], w)
	}
	m.fz.gazetteer(info)
	path := make([]int, len(toks))
	for i := range path {
		path[i] = m.oLabel
	}
	return toks, info, path
}

func labels(m *Model, path []int) string {
	var out []string
	for _, y := range path {
		out = append(out, m.Labels[y])
	}
	return strings.Join(out, " ")
}

func TestModel_OrgRuler(t *testing.T) {
	m, err := Load("de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sentence, want string
	}{
		{"one word", "laut Internationalem Gerichtshof und Weltgesundheitsorganisation", "O O O O B-ORG"},
		{"several words", "vom Internationalen Währungsfonds gestützt", "O B-ORG I-ORG O"},
		{"lower case is no name", "die grünen Wiesen", "O O O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, info, path := ruleInput(t, m, tt.sentence)
			m.orgRuler(info, path, nil)
			if got := labels(m, path); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// The model's reading wins: a name it found is left alone.
	_, info, path := ruleInput(t, m, "vom Internationalen Währungsfonds gestützt")
	path[1], path[2] = m.perB, m.perI
	m.orgRuler(info, path, nil)
	if got, want := labels(m, path), "O B-PER I-PER O"; got != want {
		t.Errorf("model's reading: got %q, want %q", got, want)
	}
}

func TestModel_NameMemory(t *testing.T) {
	m, err := Load("de")
	if err != nil {
		t.Fatal(err)
	}
	dc := newDocContext(nil)
	_, info, path := ruleInput(t, m, "Kanzlerin Angela Merkel sprach")
	path[1], path[2] = m.perB, m.perI
	margins := make([]float32, len(path))
	m.nameMemory(info, path, dc, margins)
	tests := []struct {
		name, sentence, want string
	}{
		{"surname after the full name", "Dann sagte Merkel nichts", "O O B-PER O"},
		{"lower case", "merkel sagte", "O O"},
		{"other words", "Dann sagte Angela nichts", "O O O O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, info, path := ruleInput(t, m, tt.sentence)
			margins := make([]float32, len(path))
			for i := range margins {
				margins[i] = 5
			}
			m.nameMemory(info, path, dc, margins)
			if got := labels(m, path); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, y := range path {
				if y != m.oLabel && margins[i] != 0 {
					t.Errorf("token %d: margin %v, want 0 (the rule's confidence floor)", i, margins[i])
				}
			}
		})
	}
}

func TestResources_HyphenRole(t *testing.T) {
	r := newResources()
	r.addGaz("Präsident", gazRole)
	tests := []struct {
		word string
		want bool
	}{
		{"US-Präsident", true},
		{"Ex-PRÄSIDENT", true},
		{"Präsident-Wahl", false},
		{"Präsident", false}, // not hyphenated: the gazetteer itself answers
		{"US-", false},
	}
	for _, tt := range tests {
		if got := r.hyphenRole(tt.word) != 0; got != tt.want {
			t.Errorf("hyphenRole(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
