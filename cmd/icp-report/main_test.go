package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// icpReport runs the command in process, in dir, and returns its output
// and exit code.
func icpReport(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		old, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(old)
	}
	var o, e bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &o, &e)
	return o.String(), e.String(), exitCode(err)
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"version", []string{"version"}, 0, ""},
		{"help", []string{"help"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, `icp-report: unknown command "frobnicate"`},
		{"unknown flag", []string{"score", "--frob"}, 2, "icp-report: unknown flag: --frob"},
		{"missing model", []string{"score", "--in", "x.csv"}, 2, "--model is required"},
		{"model not found", []string{"validate", "nope.yaml"}, 1, "nope.yaml"},
		{"too many args", []string{"validate", "a", "b"}, 2, "accepts 1 arg"},
		{"bad period", []string{"calibrate", "--model", "icp.yaml", "--deals", "d.csv", "--period", "year"}, 2, "--period"},
	}
	if _, _, code := icpReport(t, dir, "init"); code != 0 {
		t.Fatalf("init exit %d", code)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := icpReport(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d; want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q; want it to contain %q", stderr, tt.stderr)
			}
		})
	}
}

func TestInitValidate(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := icpReport(t, dir, "init"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if _, stderr, code := icpReport(t, dir, "init"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second init: exit %d, %q; want 1 and 'already exists'", code, stderr)
	}
	out, stderr, code := icpReport(t, dir, "validate", "icp.yaml")
	if code != 0 {
		t.Fatalf("validate: exit %d: %s", code, stderr)
	}
	for _, want := range []string{`valid model "Reference ICP"`, "company_size", "Tier 1", "score >= 80", "no contact below 50", "manager approval below 65, written reason below 60"} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("icpkit: 1\nname: x\ncriterias: []\n"), 0o644)
	_, stderr, code = icpReport(t, dir, "validate", "bad.yaml")
	if code != 1 || !strings.Contains(stderr, `bad.yaml:3:1: field criterias: unknown key`) {
		t.Errorf("validate bad.yaml: exit %d, %q; want 1 and a positioned error", code, stderr)
	}
}
