package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
)

// FuzzScoreCSV scores arbitrary bytes as an accounts file through the
// whole command: it must not panic, and either fail with nothing written
// or account for every data row of the input, scored or rejected.
func FuzzScoreCSV(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(badData, "*.csv"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"account_id;employees\r\nA1;12\r\nA2;-3\r\n",
		"sep=|\naccount_id|employees\nA1|\"1\"\"2\"\n",
		"\xef\xbb\xbfaccount_id,employees\nA1,3\n\n\nA1,4\n",
		"account_id,employees,icp_score\nA1,\"12\nA2,13\n",
		"account_id\tindustry\ttriggers\nA1\tSoftware\tfunding@2026-02-29\n",
		"employees\n1e308\n0x10\n\"\"\n",
		"\xff\xfea\x00",
	} {
		f.Add([]byte(s))
	}
	model := filepath.Join(f.TempDir(), "icp.yaml")
	if err := os.WriteFile(model, icp.ReferenceYAML(), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		in := filepath.Join(dir, "in.csv")
		out := filepath.Join(dir, "out.csv")
		rej := filepath.Join(dir, "rejects.csv")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		err := run(context.Background(), []string{"score", "--model", model, "--in", in, "--out", out, "--rejects", rej, "--as-of", "2026-10-01"},
			strings.NewReader(""), io.Discard, &stderr)
		var partial *partialError
		if err != nil && !errors.As(err, &partial) {
			if !strings.HasPrefix(stderr.String(), "icp-report: ") {
				t.Errorf("error %v; stderr %q does not report it", err, stderr.String())
			}
			if left := files(t, dir); len(left) != 1 {
				t.Errorf("score failed (%v) and left %v", err, left)
			}
			return
		}
		tb, terr := crm.OpenTable(in, crm.Options{})
		if terr != nil {
			t.Fatalf("score succeeded but the input does not open: %v", terr)
		}
		delim := tb.Delimiter()
		tb.Close()
		input := countRows(t, in, crm.Options{}, false)
		scored := countRows(t, out, crm.Options{Delimiter: delim}, true)
		rejected := countRows(t, rej, crm.Options{Delimiter: ','}, false)
		if scored+rejected != input {
			t.Errorf("%d rows scored + %d rejected; want the %d input rows", scored, rejected, input)
		}
		if partial != nil {
			if partial.n != rejected {
				t.Errorf("error says %d rejected; the rejects file has %d", partial.n, rejected)
			}
		} else if rejected != 0 {
			t.Errorf("no error, yet %d rows rejected", rejected)
		}
	})
}

// countRows counts the data rows of a file; clean asks that every row
// read without a problem.
func countRows(t *testing.T, path string, o crm.Options, clean bool) int {
	t.Helper()
	tb, err := crm.OpenTable(path, o)
	if err != nil {
		t.Fatalf("reading %s: %v", filepath.Base(path), err)
	}
	defer tb.Close()
	n := 0
	for {
		_, err := tb.Next()
		if err == io.EOF {
			return n
		}
		var pe *crm.ParseError
		if err != nil && (clean || !errors.As(err, &pe)) {
			t.Fatalf("reading %s row %d: %v", filepath.Base(path), n+1, err)
		}
		n++
	}
}
