package fold

import (
	"strings"
	"testing"
)

func TestAppendLower(t *testing.T) {
	for _, s := range cases {
		if got, want := string(AppendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

var cases = []string{"", "abc", "Selenskyj", "Gespräche", "ÖVP", "ÜBERMORGEN", "İstanbul", "ΣΟΦΙΑ", "\u212a", "STRAẞE", "x1Y2", "a\xffB", "\xff\xfeA", "\ufffd"}

func FuzzAppendLower(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
