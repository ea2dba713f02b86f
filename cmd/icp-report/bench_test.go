package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
)

// BenchmarkScoreCSV times `icp-report score` end to end — read, parse,
// score, explain, write — on synthetic accounts from the scale generator
// (every attribute the reference model reads, dated events included).
// rows/s is the figure the README and the issue quote; run with
// -benchtime 1x for one pass over the file.
func BenchmarkScoreCSV(b *testing.B) {
	const rows = 200_000
	dir := b.TempDir()
	in := filepath.Join(dir, "accounts.csv")
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.WriteScaleAccounts(f, rows, 1); err != nil {
		b.Fatal(err)
	}
	f.Close()
	model := filepath.Join(dir, "icp.yaml")
	os.WriteFile(model, icp.ReferenceYAML(), 0o644)
	out := filepath.Join(dir, "scored.csv")
	st, _ := os.Stat(in)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		var stderr bytes.Buffer
		err := run(context.Background(), []string{"score", "--model", model, "--in", in, "--out", out, "--as-of", "2026-10-01"}, strings.NewReader(""), io.Discard, &stderr)
		if err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
