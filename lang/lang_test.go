package lang

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{"de/x.txt": {Data: []byte("# comment\nz. B.\tzum Beispiel # trailing\n\n  Nr.  \n\\#hash\n")}}
	lines, err := ReadFS(fsys, "de/x.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"z. B.", "zum Beispiel"}, {"Nr."}, {"#hash"}}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d: %+v", len(lines), len(want), lines)
	}
	for i, l := range lines {
		if len(l.Fields) != len(want[i]) {
			t.Fatalf("line %d fields = %q, want %q", i, l.Fields, want[i])
		}
		for j := range l.Fields {
			if l.Fields[j] != want[i][j] {
				t.Errorf("line %d field %d = %q, want %q", i, j, l.Fields[j], want[i][j])
			}
		}
	}
	if lines[1].Pos() != "de/x.txt:4" {
		t.Errorf("Pos = %q", lines[1].Pos())
	}
}

// Every embedded data file must be readable UTF-8 text.
func TestEmbeddedFilesParse(t *testing.T) {
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, err := ReadFS(FS(), path); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(Languages()) < 2 {
		t.Errorf("Languages() = %v, want at least de and en", Languages())
	}
}

func TestRead_Missing(t *testing.T) {
	if _, err := Read("de", "no-such-file.txt"); !IsNotExist(err) {
		t.Errorf("err = %v, want not-exist", err)
	}
}
