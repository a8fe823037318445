package reader

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// BenchmarkSGML reads the whole Reuters-21578 corpus (23 MB) into
// Documents, from memory.
func BenchmarkSGML(b *testing.B) {
	dir := shareddata.Require(b, "news", "en", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	var data [][]byte
	var size int64
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range data {
			benchRead(b, "reut2.sgm", d)
		}
	}
}

// BenchmarkGNAD reads the 10kGNAD test split (2.7 MB).
func BenchmarkGNAD(b *testing.B) {
	d, err := os.ReadFile(shareddata.Require(b, "news", "de", "10kGNAD", "test.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d)))
	for b.Loop() {
		benchRead(b, "test.csv", d)
	}
}

// BenchmarkRecord reads 1,000 copies of a German story in the record format.
func BenchmarkRecord(b *testing.B) {
	story := " date 2026-02-26 Kiew, 25. Feb (Reuters) - " + strings.Repeat("Die Gespräche über den Wiederaufbau der Ukraine gehen weiter.\n\n", 30)
	d := []byte(strings.Repeat(story, 1000))
	b.SetBytes(int64(len(d)))
	for b.Loop() {
		benchRead(b, "x.txt", d)
	}
}

// BenchmarkJSONL reads 1,000 JSON Lines records.
func BenchmarkJSONL(b *testing.B) {
	line := `{"id":"x","date":"2026-02-26","title":"Titel","text":"Kiew, 25. Feb (Reuters) - ` + strings.Repeat(`Die Gespräche über den Wiederaufbau der Ukraine gehen weiter.\n\n`, 30) + `"}` + "\n"
	d := []byte(strings.Repeat(line, 1000))
	b.SetBytes(int64(len(d)))
	for b.Loop() {
		benchRead(b, "x.jsonl", d)
	}
}

func benchRead(b *testing.B, name string, d []byte) {
	rd, err := Open(name, bytes.NewReader(d), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for {
		_, err := rd.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if _, ok := err.(*RecordError); !ok {
				b.Fatal(err)
			}
		}
	}
}
