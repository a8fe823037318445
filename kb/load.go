package kb

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

//go:embed data/*.kb
var dataFS embed.FS

var (
	defaultOnce sync.Once
	defaultMu   sync.Mutex
	defaultKB   *KB
	defaultErr  error
)

// Default returns the knowledge base built from the embedded data files,
// parsed on first use. Files are merged in name order, so a curated file
// can add facts to a generated entry with the same id.
func Default() (*KB, error) {
	defaultOnce.Do(func() {
		defaultKB, defaultErr = LoadFS(dataFS, "data")
	})
	return defaultKB, defaultErr
}

// LoadFS builds a KB from every *.kb file in directory dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*KB, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.kb"))
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	sort.Strings(names)
	k := New()
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		entries, err := Parse(f, n)
		f.Close()
		if err != nil {
			return nil, err
		}
		k.Add(entries...)
	}
	k.Index()
	return k, nil
}
