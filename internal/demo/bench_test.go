package demo_test

import (
	"io"
	"testing"

	"github.com/icpkit/icpkit/internal/demo"
)

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		demo.Generate(demo.Settings{})
	}
}

// benchRows is the rows a scale benchmark writes per operation.
const benchRows = 10000

func BenchmarkWriteScaleAccounts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := demo.WriteScaleAccounts(io.Discard, benchRows, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*benchRows)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkWriteScaleDeals(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := demo.WriteScaleDeals(io.Discard, benchRows, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*benchRows)/b.Elapsed().Seconds(), "rows/s")
}
