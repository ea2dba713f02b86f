package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	if err := run(dir, &b); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "icp-report.xlsx")); err != nil {
		t.Fatal(err)
	}
	// The demo's geography has no true effect (internal/demo): the
	// suggestion must not give it its 5 points back.
	if !strings.Contains(b.String(), "geography       now  5  suggested  0") {
		t.Errorf("output:\n%s\nwant geography suggested 0 points", b.String())
	}
}
