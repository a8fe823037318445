// Package shareddata locates the public training and evaluation data that
// lives beside the repository in ../shared/data (or where DATELINE_DATA
// points). A fresh clone elsewhere has no such folder: tests that need it
// call Require, which skips them with a clear message.
//
// The package does not import "testing": cmd/dateline links it (for its
// eval subcommands), and importing "testing" from non-test code would
// register the -test.* flags in that binary. Require takes the small TB
// interface instead, which *testing.T, *testing.B and testing.TB satisfy.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
)

// ErrMissing is returned when the shared data folder cannot be found.
var ErrMissing = errors.New("shared data not found: set DATELINE_DATA or place it at ../shared/data beside the repository")

// Dir returns the shared data folder: $DATELINE_DATA when set, else
// ../shared/data relative to the repository root (the folder holding
// go.mod, searched upwards from the working directory).
func Dir() (string, error) {
	if d := os.Getenv("DATELINE_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
		return "", ErrMissing
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d, nil
			}
			return "", ErrMissing
		}
		if filepath.Dir(dir) == dir {
			return "", ErrMissing
		}
	}
}

// Path joins elem to the shared data folder.
func Path(elem ...string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{d}, elem...)...), nil
}

// TB is the part of testing.TB that Require uses.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
}

// Require returns the path of elem inside the shared data folder, or skips
// the test (or benchmark) when the folder or the path is absent. tb is a
// *testing.T, *testing.B or testing.TB; Skipf must not return (as in
// package testing), else Require returns the path that is absent.
func Require(tb TB, elem ...string) string {
	tb.Helper()
	p, err := Path(elem...)
	if err != nil {
		tb.Skipf("skipping: %v", err)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: shared data %s is absent", p)
	}
	return p
}
