package metric_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestTwoProportion(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name               string
		won1, n1, won2, n2 float64
		diff, z, p         float64
	}{
		// statsmodels 0.13.5 proportions_ztest([won1, won2], [n1, n2])
		// (pooled variance; testdata/reference.py).
		{"38/120 vs 21/110", 38, 120, 21, 110, 0.12575757575757573, 2.1815289437651573, 0.029144316052249514},
		{"equal", 5, 20, 5, 20, 0, 0, 1},
		{"120/400 vs 90/410", 120, 400, 90, 410, 0.08048780487804877, 2.6134202028748503, 0.008964101392626428},
		{"3/14 vs 9/15", 3, 14, 9, 15, -0.3857142857142857, -2.1074597397392547, 0.035077747980090244},
		// Documented degenerate cases (statsmodels gives NaN for these).
		{"all won both", 10, 10, 7, 7, 0, 0, 1},
		{"all lost both", 0, 10, 0, 7, 0, 0, 1},
		{"n1 = 0", 0, 0, 3, 7, nan, nan, nan},
		{"won > n", 11, 10, 3, 7, nan, nan, nan},
		{"negative", -1, 10, 3, 7, nan, nan, nan},
		{"NaN", nan, 10, 3, 7, nan, nan, nan},
		{"Inf", 1, math.Inf(1), 3, 7, nan, nan, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, z, p := metric.TwoProportion(tt.won1, tt.n1, tt.won2, tt.n2)
			got, want := []float64{d, z, p}, []float64{tt.diff, tt.z, tt.p}
			if !cmp.Equal(got, want, cmpopts.EquateApprox(fitTol, 1e-15), cmpopts.EquateNaNs()) {
				t.Errorf("TwoProportion(%v, %v, %v, %v) = %v; want %v", tt.won1, tt.n1, tt.won2, tt.n2, got, want)
			}
		})
	}
}

func TestFisherExact(t *testing.T) {
	tests := []struct {
		a, b, c, d int
		want       float64
	}{
		// scipy 1.10.1 fisher_exact([[a, b], [c, d]]) (testdata/reference.py)
		// and R 4.2.2 fisher.test (testdata/reference.R) agree to 1e-15.
		{3, 1, 1, 3, 0.48571428571428565},
		{1, 9, 11, 3, 0.0027594561852200836},
		{0, 5, 5, 0, 0.007936507936507938},
		{10, 2, 3, 15, 0.0005367241191434357},
		{2, 7, 8, 2, 0.02301413756522116},
		{20, 30, 25, 25, 0.4215517724615269},
		// R 4.2.2 fisher.test only.
		{120, 280, 90, 320, 0.01023601352573553},
		// Empty row, column or table: p = 1 (scipy 1.10.1 agrees).
		{7, 12, 0, 0, 1},
		{0, 0, 0, 4, 1},
		{0, 0, 0, 0, 1},
		{-1, 2, 3, 4, math.NaN()},
	}
	for _, tt := range tests {
		got := metric.FisherExact(tt.a, tt.b, tt.c, tt.d)
		if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(fitTol, 0), cmpopts.EquateNaNs()) {
			t.Errorf("FisherExact(%d, %d, %d, %d) = %v; want %v", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
	}
}

func TestFisherExactSymmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for range 200 {
		a, b, c, d := rng.IntN(30), rng.IntN(30), rng.IntN(30), rng.IntN(30)
		p := metric.FisherExact(a, b, c, d)
		if !(p > 0 && p <= 1) {
			t.Errorf("FisherExact(%d, %d, %d, %d) = %v; want in (0, 1]", a, b, c, d, p)
		}
		for _, q := range [][4]int{{d, c, b, a}, {a, c, b, d}, {b, a, d, c}, {c, d, a, b}} {
			if got := metric.FisherExact(q[0], q[1], q[2], q[3]); !cmp.Equal(got, p, cmpopts.EquateApprox(1e-9, 0)) {
				t.Errorf("FisherExact(%v) = %v; want FisherExact(%d, %d, %d, %d) = %v", q, got, a, b, c, d, p)
			}
		}
	}
}
