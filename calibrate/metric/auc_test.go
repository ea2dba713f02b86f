package metric_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestAUC(t *testing.T) {
	nan := math.NaN()
	hmRating, hmAbnormal := hanleyMcNeil()
	tests := []struct {
		name string
		pred []float64
		won  []bool
		w    []float64
		want float64
		tol  float64
	}{
		// scikit-learn 1.2.1 roc_auc_score(won, pred) on deals40 (testdata/reference.py).
		{"deals40", deals40Pred, deals40Won, nil, 0.690537084398977, closedTol},
		// scikit-learn 1.2.1 roc_auc_score(won, pred, sample_weight=w).
		{"deals40 weighted", deals40Pred, deals40Won, deals40W, 0.7226214429433745, closedTol},
		// R 4.2.2 pROC 1.18.0 auc(); Hanley & McNeil (1982) publish 0.893.
		{"hanley-mcneil", hmRating, hmAbnormal, nil, 0.89317106152805947, closedTol},
		// By hand.
		{"perfect", []float64{0.1, 0.2, 0.8, 0.9}, bools(0, 0, 1, 1), nil, 1, 0},
		{"reversed", []float64{0.1, 0.2, 0.8, 0.9}, bools(1, 1, 0, 0), nil, 0, 0},
		{"all tied", []float64{0.5, 0.5, 0.5}, bools(1, 0, 0), nil, 0.5, 0},
		{"one pair tied", []float64{0.3, 0.3, 0.7}, bools(0, 1, 1), nil, 0.75, 0},
		{"infinite scores", []float64{math.Inf(-1), 0, math.Inf(1)}, bools(0, 1, 1), nil, 1, 0},
		{"signed zeros tie", []float64{math.Copysign(0, -1), 0}, bools(1, 0), nil, 0.5, 0},
		{"weights count pairs", []float64{1, 2, 3}, bools(0, 1, 0), []float64{1, 2, 3}, 2.0 / 8, 0},
		{"zero weight ignored", []float64{1, 2, 3}, bools(0, 1, 0), []float64{1, 1, 0}, 1, 0},
		{"empty", nil, nil, nil, nan, 0},
		{"one row", []float64{0.4}, bools(1), nil, nan, 0},
		{"all won", []float64{0.4, 0.6}, bools(1, 1), nil, nan, 0},
		{"all lost", []float64{0.4, 0.6}, bools(0, 0), nil, nan, 0},
		{"lost weight zero", []float64{0.4, 0.6}, bools(1, 0), []float64{1, 0}, nan, 0},
		{"NaN score", []float64{0.4, nan}, bools(1, 0), nil, nan, 0},
		{"NaN score weighted", []float64{0.4, nan}, bools(1, 0), []float64{1, 1}, nan, 0},
		{"negative weight", []float64{0.4, 0.6}, bools(1, 0), []float64{1, -1}, nan, 0},
		{"NaN weight", []float64{0.4, 0.6}, bools(1, 0), []float64{1, nan}, nan, 0},
		{"Inf weight", []float64{0.4, 0.6}, bools(1, 0), []float64{1, math.Inf(1)}, nan, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metric.AUC(tt.pred, tt.won, tt.w)
			if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(tt.tol, 0), cmpopts.EquateNaNs()) {
				t.Errorf("AUC(%v, %v, %v) = %v; want %v", tt.pred, tt.won, tt.w, got, tt.want)
			}
		})
	}
}

func TestAUCProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		n := 2 + rng.IntN(300)
		pred, won := randomDeals(rng, n, 1+rng.IntN(20))
		ones := make([]float64, n)
		for i := range ones {
			ones[i] = 1
		}
		got := metric.AUC(pred, won, nil)
		// Unit weights give the unweighted AUC.
		if w := metric.AUC(pred, won, ones); !cmp.Equal(got, w, cmpopts.EquateApprox(closedTol, 0), cmpopts.EquateNaNs()) {
			t.Errorf("trial %d: AUC(w=1) = %v; want AUC(w=nil) = %v", trial, w, got)
		}
		// Flipping the outcomes gives 1 - AUC; negating the scores too.
		flipped := make([]bool, n)
		neg := make([]float64, n)
		for i := range won {
			flipped[i] = !won[i]
			neg[i] = -pred[i]
		}
		for name, v := range map[string]float64{
			"flipped outcomes": metric.AUC(pred, flipped, nil),
			"negated scores":   metric.AUC(neg, won, nil),
		} {
			if !cmp.Equal(v, 1-got, cmpopts.EquateApprox(0, closedTol), cmpopts.EquateNaNs()) {
				t.Errorf("trial %d: AUC(%s) = %v; want 1 - %v", trial, name, v, got)
			}
		}
		// A monotone transform of the scores leaves the AUC unchanged.
		exp := make([]float64, n)
		for i, p := range pred {
			exp[i] = math.Exp(3 * p)
		}
		if v := metric.AUC(exp, won, nil); !cmp.Equal(v, got, cmpopts.EquateNaNs()) {
			t.Errorf("trial %d: AUC(exp(3·pred)) = %v; want %v", trial, v, got)
		}
		// Integer weights are frequency weights.
		w := make([]float64, n)
		var rp []float64
		var rw []bool
		for i := range w {
			k := rng.IntN(3)
			w[i] = float64(k)
			for range k {
				rp = append(rp, pred[i])
				rw = append(rw, won[i])
			}
		}
		if a, b := metric.AUC(pred, won, w), metric.AUC(rp, rw, nil); !cmp.Equal(a, b, cmpopts.EquateApprox(closedTol, 0), cmpopts.EquateNaNs()) {
			t.Errorf("trial %d: AUC(w) = %v; want AUC(repeated rows) = %v", trial, a, b)
		}
	}
}

func TestAUCPerfectRanking(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		n := 2 + rng.IntN(500)
		pred := make([]float64, n)
		won := make([]bool, n)
		cut := 1 + rng.IntN(n-1)
		for i, j := range rng.Perm(n) {
			pred[i] = float64(j)
			won[i] = j >= cut
		}
		if got := metric.AUC(pred, won, nil); got != 1 {
			t.Errorf("AUC(perfect ranking, n=%d) = %v; want 1", n, got)
		}
	}
}

func TestAUCDoesNotModify(t *testing.T) {
	unchanged(t, func() {
		metric.AUC(deals40Pred, deals40Won, nil)
		metric.AUC(deals40Pred, deals40Won, deals40W)
	})
}

func TestAUCPanicsOnLength(t *testing.T) {
	if !panics(func() { metric.AUC([]float64{1, 2}, bools(1), nil) }) {
		t.Error("AUC(len 2, len 1) did not panic")
	}
	if !panics(func() { metric.AUC([]float64{1, 2}, bools(1, 0), []float64{1}) }) {
		t.Error("AUC(w of len 1) did not panic")
	}
}
