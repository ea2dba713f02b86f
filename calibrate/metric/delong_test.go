package metric_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/icpkit/icpkit/calibrate/metric"
)

type deLongResult struct{ AUC, SE, Low, High float64 }

func TestDeLong(t *testing.T) {
	hmRating, hmAbnormal := hanleyMcNeil()
	tests := []struct {
		name string
		pred []float64
		won  []bool
		want deLongResult
	}{
		// R 4.2.2, pROC 1.18.0: roc(won, pred, levels = c(0, 1), direction = "<"),
		// sqrt(var(r, method = "delong")), ci.auc(r, method = "delong")
		// (testdata/reference.R).
		{"deals40", deals40Pred, deals40Won,
			deLongResult{0.69053708439897699, 0.088531639298956077, 0.51701825988073224, 0.86405590891722173}},
		{"hanley-mcneil", hmRating, hmAbnormal,
			deLongResult{0.89317106152805947, 0.030724408379381115, 0.83295232765817184, 0.9533897953979471}},
		// By hand: separation gives se 0 and a collapsed interval.
		{"separated", []float64{1, 2, 3, 4}, bools(0, 0, 1, 1), deLongResult{1, 0, 1, 1}},
		{"reversed", []float64{1, 2, 3, 4}, bools(1, 1, 0, 0), deLongResult{0, 0, 0, 0}},
		// By hand: won scores 2, 3; lost 1, 2. V₁₀ = (¾, 1), V₀₁ = (1, ¾),
		// auc = ⅞, S₁₀ = S₀₁ = 1/32, se = √(1/32); z = 1.959963984540054.
		{"two each", []float64{1, 2, 2, 3}, bools(0, 0, 1, 1),
			deLongResult{0.875, math.Sqrt(1.0 / 32), 0.875 - 1.959963984540054*math.Sqrt(1.0/32), 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got deLongResult
			var err error
			got.AUC, got.SE, got.Low, got.High, err = metric.DeLong(tt.pred, tt.won)
			if err != nil {
				t.Fatalf("DeLong: %v", err)
			}
			if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(fitTol, 1e-15)) {
				t.Errorf("DeLong(%s) = %+v; want %+v", tt.name, got, tt.want)
			}
		})
	}
}

func TestDeLongErrors(t *testing.T) {
	tests := []struct {
		name string
		pred []float64
		won  []bool
		want error
	}{
		{"empty", nil, nil, metric.ErrOneClass},
		{"one row", []float64{0.3}, bools(1), metric.ErrOneClass},
		{"all won", []float64{0.3, 0.4}, bools(1, 1), metric.ErrOneClass},
		{"all lost", []float64{0.3, 0.4}, bools(0, 0), metric.ErrOneClass},
		{"one won", []float64{0.3, 0.4, 0.5}, bools(1, 0, 0), metric.ErrTooFew},
		{"one lost", []float64{0.3, 0.4, 0.5}, bools(1, 0, 1), metric.ErrTooFew},
		{"NaN", []float64{0.3, 0.4, math.NaN(), 0.1}, bools(1, 0, 1, 0), metric.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auc, se, lo, hi, err := metric.DeLong(tt.pred, tt.won)
			if !errors.Is(err, tt.want) {
				t.Errorf("DeLong(%v, %v) error = %v; want %v", tt.pred, tt.won, err, tt.want)
			}
			for _, v := range []float64{auc, se, lo, hi} {
				if !math.IsNaN(v) {
					t.Errorf("DeLong(%v, %v) = %v, %v, %v, %v; want NaNs on error", tt.pred, tt.won, auc, se, lo, hi)
					break
				}
			}
		})
	}
	var ve *metric.ValueError
	if _, _, _, _, err := metric.DeLong([]float64{0.3, 0.4, math.NaN(), 0.1}, bools(1, 0, 1, 0)); !errors.As(err, &ve) || ve.Index != 2 || ve.Arg != "pred" {
		t.Errorf("DeLong(NaN at 2) error = %v; want a *ValueError for pred[2]", err)
	}
}

// naiveDeLong is the O(m·n) definition of DeLong et al. (1988).
func naiveDeLong(pred []float64, won []bool) (auc, se float64) {
	var xs, ys []float64
	for i, p := range pred {
		if won[i] {
			xs = append(xs, p)
		} else {
			ys = append(ys, p)
		}
	}
	psi := func(x, y float64) float64 {
		switch {
		case x > y:
			return 1
		case x == y:
			return 0.5
		}
		return 0
	}
	m, n := float64(len(xs)), float64(len(ys))
	v10 := make([]float64, len(xs))
	v01 := make([]float64, len(ys))
	for i, x := range xs {
		for j, y := range ys {
			s := psi(x, y)
			v10[i] += s / n
			v01[j] += s / m
			auc += s
		}
	}
	auc /= m * n
	var s10, s01 float64
	for _, v := range v10 {
		s10 += (v - auc) * (v - auc)
	}
	for _, v := range v01 {
		s01 += (v - auc) * (v - auc)
	}
	return auc, math.Sqrt(s10/(m-1)/m + s01/(n-1)/n)
}

func TestDeLongMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	z := distuv.UnitNormal.Quantile(1 - (1-metric.Confidence)/2)
	for trial := range 40 {
		n := 4 + rng.IntN(400)
		pred, won := randomDeals(rng, n, 1+rng.IntN(30))
		wantAUC, wantSE := naiveDeLong(pred, won)
		auc, se, lo, hi, err := metric.DeLong(pred, won)
		if err != nil {
			if errors.Is(err, metric.ErrTooFew) || errors.Is(err, metric.ErrOneClass) {
				continue
			}
			t.Fatalf("trial %d: DeLong: %v", trial, err)
		}
		got := []float64{auc, se, lo, hi}
		want := []float64{wantAUC, wantSE, max(0, wantAUC-z*wantSE), min(1, wantAUC+z*wantSE)}
		if !cmp.Equal(got, want, cmpopts.EquateApprox(closedTol, 1e-15)) {
			t.Errorf("trial %d (n=%d): DeLong = %v; want %v", trial, n, got, want)
		}
		if a := metric.AUC(pred, won, nil); a != auc {
			t.Errorf("trial %d: DeLong auc = %v; want AUC = %v", trial, auc, a)
		}
	}
}

func TestDeLongDoesNotModify(t *testing.T) {
	unchanged(t, func() { metric.DeLong(deals40Pred, deals40Won) })
}
