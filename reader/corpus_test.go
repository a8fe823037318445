package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// TestCorpus_Reuters reads all of Reuters-21578 and checks that every
// <REUTERS> element yields a Document: none lost, none broken.
func TestCorpus_Reuters(t *testing.T) {
	dir := shareddata.Require(t, "news", "en", "reuters21578")
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no reut2-*.sgm in %s: %v", dir, err)
	}
	var tags, docs, brief, unproc, withBody, datelines, cp int
	var empty []string
	ids := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := bytes.Count(b, []byte("<REUTERS "))
		tags += n
		ds, errs := readAll(t, filepath.Base(f), bytes.NewReader(b), Options{})
		for _, e := range errs {
			// The corpus has one empty story (NEWID 12793, an UNPROC
			// with no characters): a RecordError, not a Document.
			if !strings.HasPrefix(e.Reason, "no text") {
				t.Errorf("%v", e)
			}
			empty = append(empty, e.Error())
		}
		if len(ds)+len(errs) != n {
			t.Errorf("%s: %d documents + %d record errors, want %d (<REUTERS tags)", f, len(ds), len(errs), n)
		}
		docs += len(ds)
		for _, d := range ds {
			checkDoc(t, d)
			if ids[d.ID] {
				t.Errorf("%v: duplicate id %s", d.Origin, d.ID)
			}
			ids[d.ID] = true
			if d.Date.IsZero() || d.Date.Year() != 1987 {
				t.Errorf("%v: date %v", d.Origin, d.Date)
			}
			for _, e := range d.Errors {
				if e.Code == "encoding.windows1252" {
					cp++
				}
			}
		}
		err = ReadSGML(bytes.NewReader(b), func(s SGMLStory) error {
			switch {
			case s.HasBody:
				withBody++
			case s.Type == "BRIEF":
				brief++
			case s.Type == "UNPROC":
				unproc++
			}
			if _, sp := s.Text(); sp.Len() > 0 {
				datelines++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d files, %d <REUTERS> tags: %d documents, %d without text %v; %d with BODY (%d with a dateline), %d BRIEF (title only), %d UNPROC; %d decoded as Windows-1252",
		len(files), tags, docs, len(empty), empty, withBody, datelines, brief, unproc, cp)
	if docs+len(empty) != tags {
		t.Errorf("%d documents + %d empty, want %d", docs, len(empty), tags)
	}
	if len(files) == 18 && len(empty) != 1 {
		t.Errorf("%d empty stories, want 1 (NEWID 12793)", len(empty))
	}
	if withBody+brief+unproc != tags {
		t.Errorf("body %d + brief %d + unproc %d != %d", withBody, brief, unproc, tags)
	}
	if len(files) == 18 && tags != 18000 {
		t.Errorf("%d <REUTERS> tags in 18 files, want 18000", tags)
	}
}

// TestCorpus_GNAD reads the 10kGNAD test split: 928 records.
func TestCorpus_GNAD(t *testing.T) {
	path := shareddata.Require(t, "news", "de", "10kGNAD", "test.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, errs := readAll(t, "test.csv", f, Options{})
	for _, e := range errs {
		t.Errorf("%v", e)
	}
	if len(ds) != 928 {
		t.Errorf("%d documents, want 928", len(ds))
	}
	labels := map[string]int{}
	for _, d := range ds {
		checkDoc(t, d)
		for _, l := range d.Labels {
			labels[l]++
		}
		if d.Origin.Line != d.Origin.Record {
			t.Errorf("%v: one record per line expected", d.Origin)
		}
	}
	t.Logf("%d documents; labels %v", len(ds), labels)
}
