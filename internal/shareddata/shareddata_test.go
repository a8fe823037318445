package shareddata_test

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/dateline/dateline/internal/shareddata"
)

// Require accepts *testing.T (and so testing.TB) through the TB interface.
var _ shareddata.TB = (testing.TB)(nil)

// TestProductionLinksNoTesting checks that the dateline binary does not
// link package testing, whose init registers the -test.* flags: non-test
// code may import shareddata but not a package that imports "testing".
func TestProductionLinksNoTesting(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping go list in -short mode")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping: no go command in PATH")
	}
	const cmd = "github.com/dateline/dateline/cmd/dateline"
	out, err := exec.Command(goBin, "list", "-deps", cmd).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", cmd, err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "testing" {
			t.Errorf("%s links package testing; a non-test import of a test helper package leaked in", cmd)
		}
	}
}

func TestRequire_Missing(t *testing.T) {
	t.Setenv("DATELINE_DATA", t.TempDir())
	var s skipRecorder
	func() {
		defer func() { _ = recover() }()
		shareddata.Require(&s, "no", "such", "file")
	}()
	if !strings.Contains(s.msg, "absent") {
		t.Errorf("Require on an absent path: got skip message %q, want one saying it is absent", s.msg)
	}
}

// skipRecorder records the Skipf message and stops like testing's Skipf.
type skipRecorder struct{ msg string }

func (*skipRecorder) Helper() {}
func (s *skipRecorder) Skipf(format string, args ...any) {
	s.msg = fmt.Sprintf(format, args...)
	panic("skip")
}
