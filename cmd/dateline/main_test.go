package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const example = "../../testdata/examples/reuters-de-2026-02-26.txt"

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func records(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %v: %q", err, sc.Text())
		}
		recs = append(recs, m)
	}
	return recs
}

func TestRun_Help(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != exitOK || !strings.Contains(out, "analyze") {
		t.Errorf("--help: code %d, output %q", code, out)
	}
	code, out, _ = runCLI(t, "analyze", "--help")
	if code != exitOK || !strings.Contains(out, "--layers") || !strings.Contains(out, "--pretty") {
		t.Errorf("analyze --help: code %d, output %q", code, out)
	}
	if code, _, _ := runCLI(t, "no-such-command"); code != exitFailure {
		t.Errorf("unknown command: code %d, want %d", code, exitFailure)
	}
	if code, _, _ := runCLI(t, "analyze", "--no-such-flag"); code != exitFailure {
		t.Errorf("unknown flag: code %d, want %d", code, exitFailure)
	}
	if code, _, _ := runCLI(t, "analyze", "--layers", "nope", example); code != exitFailure {
		t.Errorf("unknown layer: code %d, want %d", code, exitFailure)
	}
}

func TestAnalyze_Example(t *testing.T) {
	code, out, errs := runCLI(t, "analyze", example)
	if code != exitOK {
		t.Fatalf("code %d, stderr %s", code, errs)
	}
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	r := recs[0]
	if r["lang"] != "de" || r["date"] != "2026-02-26" {
		t.Errorf("lang %v date %v", r["lang"], r["date"])
	}
	dl, _ := r["dateline"].(map[string]any)
	if dl == nil {
		t.Fatal("no dateline")
	}
	place, _ := dl["place"].(map[string]any)
	if place["text"] != "Kiew" || dl["agency"] != "Reuters" || dl["date"] != "2026-02-25" {
		t.Errorf("dateline = %v", dl)
	}
	// The dateline is part of the first sentence, not a sentence of its own.
	sents, _ := r["sentences"].([]any)
	if len(sents) != 17 {
		t.Errorf("got %d sentences, want 17", len(sents))
	}
	if len(sents) > 0 {
		first := sents[0].(map[string]any)
		if first["start"].(float64) != 0 || first["end"].(float64) <= dl["end"].(float64) {
			t.Errorf("first sentence %v does not contain the dateline %v", first, dl)
		}
	}
}

func TestAnalyze_MixedRecordsExit2(t *testing.T) {
	code, out, errs := runCLI(t, "analyze", "testdata/mixed.jsonl")
	if code != exitPartial {
		t.Errorf("code %d, want %d", code, exitPartial)
	}
	recs := records(t, out)
	if len(recs) != 2 || recs[0]["id"] != "a" || recs[1]["id"] != "c" {
		t.Errorf("records = %v, want a and c in order", recs)
	}
	for _, want := range []string{"mixed.jsonl", "record 2", "record 3"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %s", want, errs)
		}
	}
}

func TestAnalyze_FlagsAfterFiles(t *testing.T) {
	code, out, _ := runCLI(t, "analyze", example, "--pretty", "--layers", "dateline")
	if code != exitOK || !strings.HasPrefix(out, "{\n") {
		t.Errorf("code %d, output starts %q", code, out[:min(len(out), 20)])
	}
}

func TestAnalyze_MissingFile(t *testing.T) {
	code, _, errs := runCLI(t, "analyze", filepath.Join(t.TempDir(), "absent.txt"), example)
	if code != exitPartial || !strings.Contains(errs, "absent.txt") {
		t.Errorf("code %d, stderr %q", code, errs)
	}
}

func TestAnalyze_Stdin(t *testing.T) {
	f, err := os.Open(example)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old }()
	code, out, errs := runCLI(t, "analyze")
	if code != exitOK || len(records(t, out)) != 1 {
		t.Errorf("code %d, stderr %s", code, errs)
	}
}
