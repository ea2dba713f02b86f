package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/icpkit/icpkit/internal/demo"
)

// unwritableDir returns a directory the process cannot create files in.
// Root ignores permission bits, so there it is a sysfs directory, which
// refuses new files even to root; failing that, the test fails rather
// than skips.
func unwritableDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := filepath.Join(t.TempDir(), "read-only")
		if err := os.Mkdir(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	dir := "/sys"
	f, err := os.CreateTemp(dir, "icp-report-probe-*")
	if err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Fatalf("running as root and %s accepts new files: no unwritable directory to test with", dir)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("probing %s: %v; want permission denied", dir, err)
	}
	return dir
}

// Outputs that cannot be created fail before any work, saying where and
// why, and leave nothing behind.
func TestUnwritableOutput(t *testing.T) {
	dir := badDir(t)
	ro := unwritableDir(t)
	notDir := filepath.Join(dir, "accounts.csv") // a regular file used as a directory
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"score to a read-only directory",
			[]string{"score", "--model", "icp.yaml", "--in", "bad_employees.csv", "--out", ro + "/scored.csv"},
			"icp-report: create " + ro + "/scored.csv: permission denied\n"},
		{"rejects to a read-only directory",
			[]string{"score", "--model", "icp.yaml", "--in", "bad_employees.csv", "--out", "scored.csv", "--rejects", ro + "/rejects.csv"},
			"icp-report: create " + ro + "/rejects.csv: permission denied\n"},
		{"score under a regular file",
			[]string{"score", "--model", "icp.yaml", "--in", "bad_employees.csv", "--out", notDir + "/scored.csv"},
			"icp-report: create " + notDir + "/scored.csv: not a directory\n"},
		{"suggested model to a read-only directory",
			[]string{"calibrate", "--model", "icp.yaml", "--deals", "deals_duplicate_ids.csv", "--accounts", "accounts.csv", "--out", ro + "/suggested.yaml"},
			"icp-report: create " + ro + "/suggested.yaml: permission denied\n"},
		{"init under a regular file",
			[]string{"init", notDir + "/icp.yaml"},
			"icp-report: stat " + notDir + "/icp.yaml: not a directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := files(t, dir)
			_, stderr, code := invocation{}.runIn(t, dir, tt.args...)
			if code != 1 || stderr != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, tt.stderr)
			}
			if extra := created(before, files(t, dir)); extra != nil {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}

// failingWriter accepts n bytes, then fails like a full disk.
type failingWriter struct {
	w    io.Writer
	path string
	n    int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, &os.PathError{Op: "write", Path: f.path, Err: syscall.ENOSPC}
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// A full disk stops the run with the error and what became of the
// output: a regular file keeps its earlier content, no temporary file is
// left; a device (/dev/full) or standard output has what got through.
func TestDiskFull(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/dev/full is Linux")
	}
	score := []string{"score", "--model", "icp.yaml", "--in", "bad_employees.csv"}
	t.Run("output is /dev/full", func(t *testing.T) {
		dir := badDir(t)
		before := files(t, dir)
		_, stderr, code := invocation{}.runIn(t, dir, append(score, "--out", "/dev/full")...)
		want := "icp-report: write /dev/full: no space left on device; the output in /dev/full is incomplete\n"
		if code != 1 || stderr != want {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, want)
		}
		if fi, err := os.Stat("/dev/full"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("/dev/full is now %v (%v); want it left a device", fi.Mode(), err)
		}
		if extra := created(before, files(t, dir)); extra != nil {
			t.Errorf("files left behind: %v", extra)
		}
	})
	t.Run("standard output is /dev/full", func(t *testing.T) {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer full.Close()
		_, stderr, code := invocation{stdout: full}.runIn(t, badDir(t), score...)
		want := "icp-report: writing standard output: write /dev/full: no space left on device\n"
		if code != 1 || stderr != want {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, want)
		}
	})

	// The disk fills while a file is being written: the output after 100
	// bytes, or the rejects file at its first flush.
	tests := []struct {
		name   string
		fail   string // file whose writes fail
		stderr string
	}{
		{"output file", "scored.csv", "icp-report: write scored.csv: no space left on device; scored.csv was left as it was\n"},
		{"rejects file", "scored.rejects.csv", "icp-report: write scored.rejects.csv: no space left on device; scored.csv was left as it was\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := badDir(t)
			old := []byte("the previous run's output\n")
			for _, f := range []string{"scored.csv", "scored.rejects.csv"} {
				if err := os.WriteFile(filepath.Join(dir, f), old, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			testHookWriter = func(path string, w io.Writer) io.Writer {
				if path == tt.fail {
					return &failingWriter{w: w, path: path, n: 100}
				}
				return w
			}
			defer func() { testHookWriter = nil }()
			before := files(t, dir)
			_, stderr, code := invocation{}.runIn(t, dir, append(score, "--out", "scored.csv")...)
			if code != 1 || stderr != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", code, stderr, tt.stderr)
			}
			for _, f := range []string{"scored.csv", "scored.rejects.csv"} {
				if got, _ := os.ReadFile(filepath.Join(dir, f)); !bytes.Equal(got, old) {
					t.Errorf("%s reads %.60q; want the earlier content kept", f, got)
				}
			}
			if extra := created(before, files(t, dir)); extra != nil {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}

// An input cut short inside a quoted field: the rows before are scored,
// the cut row is rejected with a reason that says the file may be cut
// short, and the exit status is 1.
func TestTruncatedInput(t *testing.T) {
	full := accountsHeader +
		"A1,Acme Analytics,240,Software,United States,Salesforce,Series B,yes,\n" +
		"A2,Birch Logistics,1200,Logistics,Germany,HubSpot,Public,no,\n" +
		"A3,\"Cobalt Health, Inc.\",85,Healthcare,Canada,Salesforce,Series A,yes,\n"
	cut := full[:strings.Index(full, "Health, Inc.")+len("Health, ")]
	checkScoreRows(t, rowCase{
		file: "truncated.csv",
		gen: func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(cut), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		scored: 2,
		rejects: []string{
			"4", `truncated.csv:4:2: field "account_name": extraneous or missing " in a quoted field; the row runs to the end of the input: was the file cut short, or does a quote never close?`,
		},
	})
}

// cancelAfter reads r and cancels the context once n bytes went through.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	if c.n -= k; c.n <= 0 {
		c.cancel()
	}
	return k, err
}

// Ctrl-C in the middle of scoring a large input: the error says so and
// nothing appears under the output's name, nor a rejects or temporary
// file.
func TestInterrupted(t *testing.T) {
	const rows = 50_000
	var accounts bytes.Buffer
	if err := demo.WriteScaleAccounts(&accounts, rows, 1); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := &cancelAfter{r: bytes.NewReader(accounts.Bytes()), n: accounts.Len() / 4, cancel: cancel}
	dir := badDir(t)
	before := files(t, dir)
	_, stderr, code := invocation{ctx: ctx, stdin: in}.runIn(t, dir, "score", "--model", "icp.yaml", "--in", "-", "--out", "scored.csv", "--rejects", "rejects.csv")
	m := regexp.MustCompile(`^icp-report: interrupted after reading (\d+) rows \(context canceled\); scored.csv was left as it was\n$`).FindStringSubmatch(stderr)
	if code != 1 || m == nil {
		t.Fatalf("exit %d, stderr %q; want 1 and the interruption", code, stderr)
	}
	if n, _ := strconv.Atoi(m[1]); n == 0 || n >= rows {
		t.Errorf("interrupted after %d rows; want some of the %d", n, rows)
	}
	if extra := created(before, files(t, dir)); extra != nil {
		t.Errorf("files left behind: %v", extra)
	}

	// Commands that do not stream stop at their next step.
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"generate", "--scale", "100000", "--out", "big"}, "icp-report: interrupted (context canceled)\n"},
		{[]string{"calibrate", "--model", "icp.yaml", "--deals", "deals_duplicate_ids.csv", "--out", "suggested.yaml"},
			"icp-report: interrupted before the calibration (context canceled); no results were written\n"},
	} {
		t.Run(tt.args[0], func(t *testing.T) {
			before := files(t, dir)
			stdout, stderr, code := invocation{ctx: canceled}.runIn(t, dir, tt.args...)
			if code != 1 || stderr != tt.stderr || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing, %q", code, stdout, stderr, tt.stderr)
			}
			if extra := created(before, files(t, dir)); extra != nil {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}
