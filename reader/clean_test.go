package reader

import (
	"bufio"
	"io"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveClean is the definition isClean implements.
func naiveClean(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
			return false
		}
	}
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r >= 0x80 && r < 0xA0 {
			return false
		}
	}
	return true
}

func TestIsClean(t *testing.T) {
	alphabet := []byte{'a', ' ', '\n', '\t', '\r', 0, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xC2, 0xC3, 0xE2, 0xFF, 0xA4, 0x85}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			if rng.Intn(4) == 0 {
				b[i] = alphabet[rng.Intn(len(alphabet))]
			} else {
				b[i] = 'a' + byte(rng.Intn(26))
			}
		}
		if got, want := isClean(b), naiveClean(b); got != want {
			t.Fatalf("isClean(%q) = %v, want %v", b, got, want)
		}
		if got, want := isClean(string(b)), naiveClean(b); got != want {
			t.Fatalf("isClean(string %q) = %v, want %v", b, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in         string
		ctrl       ctrlPolicy
		want       string
		wantCP1252 bool
	}{
		{"plain", ctrlSpace, "plain", false},
		{"a\r\nb\rc\n", ctrlSpace, "a\nb\nc\n", false},
		{"a\x00b\x7fc", ctrlSpace, "a b c", false},
		{"a\x02b\x7fc\x03", ctrlDrop, "ab c", false},
		{"\xe4\xf6\xfc\xdf", ctrlSpace, "äöüß", true},
		// 0xDF 0x93 is valid UTF-8 (U+07D3), but the record is Windows-1252.
		{"Gr\xfc\xdfe \x84Fu\xdf\x93", ctrlSpace, "Grüße „Fuß“", true},
		// A record of valid UTF-8 is taken as UTF-8, whatever it looks like.
		{"Fu\xdf\x93", ctrlSpace, "Fu\u07d3", false},
		{"ÄÖÜ \xe4", ctrlSpace, "ÄÖÜ ä", true},
		{"é\u0085", ctrlSpace, "é ", false},
	}
	for _, tt := range tests {
		got, cp := cleanText([]byte(tt.in), tt.ctrl)
		if got != tt.want || cp != tt.wantCP1252 {
			t.Errorf("cleanText(%q) = %q, %v; want %q, %v", tt.in, got, cp, tt.want, tt.wantCP1252)
		}
	}
}

func TestLineReader_long(t *testing.T) {
	defer func(n int) { maxRecordBytes = n }(maxRecordBytes)
	maxRecordBytes = 100 << 10
	a := strings.Repeat("a", 80<<10) // longer than the bufio buffer, shorter than the limit
	b := strings.Repeat("b", 150<<10)
	lr := newLineReader(bufio.NewReaderSize(strings.NewReader(a+"\n"+b+"\nc\n"+b), 64<<10))
	for i, want := range []struct {
		len  int
		long bool
	}{{len(a) + 1, false}, {maxRecordBytes + 1, true}, {2, false}, {maxRecordBytes, true}} {
		line, err := lr.next()
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if len(line) != want.len || lr.long != want.long || lr.n != i+1 {
			t.Errorf("line %d: got %d bytes, long %v, n %d; want %d, %v", i+1, len(line), lr.long, lr.n, want.len, want.long)
		}
	}
	if _, err := lr.next(); err != io.EOF {
		t.Errorf("got %v, want io.EOF", err)
	}
}
