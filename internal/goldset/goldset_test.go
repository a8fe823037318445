package goldset

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "# a comment\n# doc 2026-02-25\nTeilte er [am Mittwoch|2026-02-25] mit.\n\n[Anfang März|2026-03|START] und [588 Dollar|588|USD].\n# doc none\nNichts.\n"
	docs, err := Read(strings.NewReader(in), "x", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Arg != "2026-02-25" || docs[1].Arg != "none" || len(docs[0].Marks) != 3 {
		t.Fatalf("got %+v", docs)
	}
	d := docs[0]
	if d.Text != "Teilte er am Mittwoch mit.\nAnfang März und 588 Dollar." {
		t.Errorf("text %q", d.Text)
	}
	for i, want := range []string{"am Mittwoch", "Anfang März", "588 Dollar"} {
		if m := d.Marks[i]; d.Text[m.Start:m.End] != want {
			t.Errorf("mark %d: %q, want %q", i, d.Text[m.Start:m.End], want)
		}
	}
	if f := d.Marks[1].Fields; len(f) != 2 || f[1] != "START" || d.Marks[1].Line != 5 {
		t.Errorf("mark 1: %+v", d.Marks[1])
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"text first\n# doc x\n",
		"# doc x\n[unclosed|v\n",
		"# doc x\n[no fields]\n",
		"# doc x\nstray ] here\n",
		"# doc x\nstray | before [a|b]\n",
	} {
		if _, err := Read(strings.NewReader(in), "x", 1); err == nil || !strings.HasPrefix(err.Error(), "x:") {
			t.Errorf("%q: error %v, want x:line: ...", in, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("# doc 2026-02-25\n[am Mittwoch|2026-02-25] x [a|b|c]\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(strings.NewReader(in), "x", 1)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, m := range d.Marks {
				if m.Start < 0 || m.End < m.Start || m.End > len(d.Text) || len(m.Fields) < 1 {
					t.Fatalf("bad mark %+v in %q", m, d.Text)
				}
			}
		}
	})
}
