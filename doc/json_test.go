package doc

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"
)

func TestToRecord_CodePointOffsets(t *testing.T) {
	text := "Kiew – „Präsident“ Selenskyj sagte."
	d := &Document{ID: "x", Text: text, Date: time.Date(2026, 2, 26, 0, 0, 0, 0, time.UTC), Lang: "de"}
	start := len("Kiew – „Präsident“ ")
	d.Entities = []Entity{{ID: "e1", Type: "PER", Name: "Selenskyj",
		Mentions: []Mention{{Span: Span{start, start + len("Selenskyj")}, Kind: MentionName}}}}
	r := ToRecord(d, EncodeOptions{})
	m := r.Entities[0].Mentions[0]
	runes := []rune(text)
	if got := string(runes[m.Start:m.End]); got != "Selenskyj" {
		t.Errorf("code-point span gives %q, want %q", got, "Selenskyj")
	}
	if m.Text != "Selenskyj" {
		t.Errorf("mention text = %q", m.Text)
	}
	if *r.Date != "2026-02-26" {
		t.Errorf("date = %q", *r.Date)
	}
}

func TestRuneIndex(t *testing.T) {
	for _, s := range []string{"", "abc", "äöü", "a„b“c", "€x\U0001F600y", "\xffa"} {
		ri := newRuneIndex(s)
		n := 0
		for i := range s {
			if got := ri.at(i); got != n {
				t.Errorf("%q: at(%d) = %d, want %d", s, i, got, n)
			}
			n++
		}
		if got := ri.at(len(s)); got != utf8.RuneCountInString(s) {
			t.Errorf("%q: at(end) = %d, want %d", s, got, utf8.RuneCountInString(s))
		}
	}
}

func TestEncoder_EmptyLayersAreArrays(t *testing.T) {
	var buf bytes.Buffer
	if err := NewEncoder(&buf, EncodeOptions{}).Encode(&Document{ID: "a", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sentences", "entities", "timexes", "amounts", "quotes", "events", "errors"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s = %v, want []", k, m[k])
		}
	}
	for _, k := range []string{"lang", "date", "title", "dateline"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %v), want null", k, v, ok)
		}
	}
	if _, ok := m["tokens"]; ok {
		t.Errorf("tokens present without EncodeOptions.Tokens")
	}
}

func FuzzToRecord(f *testing.F) {
	f.Add("Kiew – „Präsident“", 0, 4)
	f.Add("\xff\xfe", 1, 2)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		d := &Document{Text: text, Sentences: []Sentence{{Span: Span{a, b}}}}
		r := ToRecord(d, EncodeOptions{})
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}
