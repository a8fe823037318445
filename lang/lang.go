// Package lang holds Dateline's language knowledge as embedded data files,
// one folder per language (ISO 639-1 code) plus "common" for knowledge that
// is not tied to a language (news agencies, for example).
//
// Every file is plain UTF-8 text. A '#' starts a comment (to the end of the
// line) unless escaped as '\#'; blank lines are skipped; fields are
// separated by TAB characters, so an entry may contain spaces ("z. B.").
// Adding a language means adding a folder of files; no Go code changes.
package lang

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed */*.txt
var files embed.FS

// FS returns the embedded data files, for packages that keep their own
// formats (pattern files, for example).
func FS() fs.FS { return files }

// Line is one entry of a data file with its position, for error messages.
type Line struct {
	Fields []string
	File   string // e.g. "de/abbreviations.txt"
	Num    int    // 1-based line number
}

// Pos returns "file:line".
func (l Line) Pos() string { return fmt.Sprintf("%s:%d", l.File, l.Num) }

// ErrNotExist is returned when a language has no such file.
var ErrNotExist = fs.ErrNotExist

// Read returns the entries of file name (e.g. "abbreviations.txt") of
// language code lang from the embedded files.
func Read(lang, name string) ([]Line, error) {
	return ReadFS(files, path.Join(lang, name))
}

// ReadFS reads a data file in the format described in the package comment
// from fsys.
func ReadFS(fsys fs.FS, file string) ([]Line, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("lang: %w", err)
	}
	defer f.Close()
	var out []Line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		text := StripComment(sc.Text())
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		// Drop empty fields produced by several TABs in a row, so files
		// may align their columns.
		k := 0
		for _, f := range fields {
			if f != "" {
				fields[k] = f
				k++
			}
		}
		out = append(out, Line{Fields: fields[:k], File: file, Num: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lang: %s:%d: %w", file, n, err)
	}
	return out, nil
}

// StripComment returns line s without its comment: from the first '#' not
// escaped as '\#' (which becomes '#') to the end.
func StripComment(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] == '#' {
			b.WriteByte('#')
			i++
			continue
		}
		if s[i] == '#' {
			break
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// List returns the first field of every entry of a file. A missing file
// gives an empty list and an error wrapping fs.ErrNotExist.
func List(lang, name string) ([]string, error) {
	lines, err := Read(lang, name)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, l.Fields[0])
	}
	return out, nil
}

// Languages returns the language codes that have a data folder.
func Languages() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "common" {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// IsNotExist reports whether err says a data file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
