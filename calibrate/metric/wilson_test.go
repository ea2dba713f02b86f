package metric_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestWilson(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name               string
		successes, n, conf float64
		wantLow, wantHigh  float64
	}{
		// statsmodels 0.13.5 proportion_confint(s, n, alpha=1-conf,
		// method="wilson") (testdata/reference.py); statsmodels gives
		// 1.0000000000000002 for the upper bound of 40/40, Wilson gives 1.
		{"0/10", 0, 10, 0.95, 0, 0.2775327998628892},
		{"1/10", 1, 10, 0.95, 0.017876213095072896, 0.4041500267952385},
		{"17/40", 17, 40, 0.95, 0.28509392559950375, 0.5780493145800892},
		{"40/40", 40, 40, 0.95, 0.9123783988027135, 1},
		{"3/7 at 90%", 3, 7, 0.9, 0.186443190363956, 0.7105229089864071},
		{"512/1000 at 99%", 512, 1000, 0.99, 0.4713395266216968, 0.5525022854206215},
		{"weighted 12.5/30.5", 12.5, 30.5, 0.95, 0.25512648448808084, 0.5847172440874302},
		// Degenerate and invalid input, as documented.
		{"n=0", 0, 0, 0.95, 0, 1},
		{"NaN successes", nan, 10, 0.95, nan, nan},
		{"NaN n", 1, nan, 0.95, nan, nan},
		{"Inf n", 1, math.Inf(1), 0.95, nan, nan},
		{"successes > n", 11, 10, 0.95, nan, nan},
		{"negative successes", -1, 10, 0.95, nan, nan},
		{"confidence 1", 1, 10, 1, nan, nan},
		{"confidence 0", 1, 10, 0, nan, nan},
		{"confidence NaN", 1, 10, nan, nan, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := metric.Wilson(tt.successes, tt.n, tt.conf)
			got, want := [2]float64{lo, hi}, [2]float64{tt.wantLow, tt.wantHigh}
			if !cmp.Equal(got, want, cmpopts.EquateApprox(fitTol, 1e-15), cmpopts.EquateNaNs()) {
				t.Errorf("Wilson(%v, %v, %v) = %v, %v; want %v, %v", tt.successes, tt.n, tt.conf, lo, hi, tt.wantLow, tt.wantHigh)
			}
		})
	}
}

func TestWilsonContainsEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		n := float64(1 + rng.IntN(10000))
		s := float64(rng.IntN(int(n) + 1))
		lo, hi := metric.Wilson(s, n, 0.95)
		if !(0 <= lo && lo <= s/n && s/n <= hi && hi <= 1) {
			t.Errorf("Wilson(%v, %v, 0.95) = %v, %v; want 0 ≤ low ≤ %v ≤ high ≤ 1", s, n, lo, hi, s/n)
		}
		// A higher confidence gives a wider interval.
		lo99, hi99 := metric.Wilson(s, n, 0.99)
		if lo99 > lo || hi99 < hi {
			t.Errorf("Wilson(%v, %v, 0.99) = %v, %v; want it to contain the 95%% interval %v, %v", s, n, lo99, hi99, lo, hi)
		}
	}
}
