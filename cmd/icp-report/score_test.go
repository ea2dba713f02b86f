package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/internal/demo"
)

// scaleAccounts writes n synthetic accounts to dir/accounts.csv.
func scaleAccounts(t *testing.T, dir string, n int) {
	t.Helper()
	var buf bytes.Buffer
	if err := demo.WriteScaleAccounts(&buf, n, 1); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "accounts.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readCSV reads a whole CSV file, header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	tb, err := crm.OpenTable(path, crm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	rows := [][]string{tb.Header()}
	for {
		row, err := tb.Next()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, slices.Clone(row.Cells))
	}
}

// Rows go to the writer in batches through a goroutine: every input row
// comes out once, in order, with its cells unchanged and the icp_*
// columns after them, across many batches and a last partial one.
func TestScoreKeepsRows(t *testing.T) {
	const n = 5*writeBatchRows + 7
	dir := badDir(t)
	scaleAccounts(t, dir, n)
	_, stderr, code := invocation{}.runIn(t, dir, "score", "--model", "icp.yaml", "--in", "accounts.csv", "--out", "scored.csv", "--as-of", "2026-10-01")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	in, out := readCSV(t, filepath.Join(dir, "accounts.csv")), readCSV(t, filepath.Join(dir, "scored.csv"))
	if len(out) != n+1 || len(in) != n+1 {
		t.Fatalf("scored %d rows of %d; want %d", len(out)-1, len(in)-1, n)
	}
	for i := range out {
		width := len(in[0]) + len(scoreColumns)
		if len(out[i]) != width || !slices.Equal(out[i][:len(in[i])], in[i]) {
			t.Fatalf("row %d reads %q; want %q and %d icp_* cells", i, out[i], in[i], len(scoreColumns))
		}
	}
	if got := out[0][len(in[0]):]; !slices.Equal(got, scoreColumns) {
		t.Errorf("header ends %q; want %q", got, scoreColumns)
	}
}

// The disk fills in the middle of a long output: the run stops with the
// write error, the earlier output is kept, no file is left behind.
func TestDiskFullWhileScoring(t *testing.T) {
	dir := badDir(t)
	scaleAccounts(t, dir, 20*writeBatchRows)
	old := []byte("the previous run's output\n")
	if err := os.WriteFile(filepath.Join(dir, "scored.csv"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	testHookWriter = func(path string, w io.Writer) io.Writer {
		return &failingWriter{w: w, path: path, n: 1 << 20}
	}
	defer func() { testHookWriter = nil }()
	before := files(t, dir)
	_, stderr, code := invocation{}.runIn(t, dir, "score", "--model", "icp.yaml", "--in", "accounts.csv", "--out", "scored.csv")
	want := "icp-report: write scored.csv: no space left on device; scored.csv was left as it was\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "scored.csv")); !bytes.Equal(got, old) {
		t.Errorf("scored.csv reads %.60q; want the earlier content kept", got)
	}
	if extra := created(before, files(t, dir)); extra != nil {
		t.Errorf("files left behind: %v", extra)
	}

	// Standard output: what got through stays, the error says where.
	stdout := &failingWriter{w: io.Discard, path: "/dev/stdout", n: 1 << 20}
	_, stderr, code = invocation{stdout: stdout}.runIn(t, dir, "score", "--model", "icp.yaml", "--in", "accounts.csv")
	want = "icp-report: writing standard output: write /dev/stdout: no space left on device\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, want)
	}
}
