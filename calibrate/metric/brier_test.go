package metric_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestBrier(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		pred []float64
		won  []bool
		w    []float64
		want float64
	}{
		// scikit-learn 1.2.1 brier_score_loss(won, pred[, sample_weight=w])
		// on deals40 (testdata/reference.py).
		{"deals40", deals40Pred, deals40Won, nil, 0.2232},
		{"deals40 weighted", deals40Pred, deals40Won, deals40W, 0.20851916666666667},
		// By hand.
		{"perfect", []float64{1, 0}, bools(1, 0), nil, 0},
		{"worst", []float64{0, 1}, bools(1, 0), nil, 1},
		{"base rate", []float64{0.25, 0.25, 0.25, 0.25}, bools(1, 0, 0, 0), nil, 0.25 * 0.75},
		{"one row", []float64{0.8}, bools(1), nil, 0.04},
		{"all won", []float64{0.5, 0.9}, bools(1, 1), nil, (0.25 + 0.01) / 2},
		{"weights", []float64{0.5, 0.9}, bools(1, 0), []float64{1, 3}, (0.25 + 3*0.81) / 4},
		{"empty", nil, nil, nil, nan},
		{"zero weights", []float64{0.2}, bools(1), []float64{0}, nan},
		{"NaN", []float64{nan}, bools(1), nil, nan},
		{"above 1", []float64{1.01}, bools(1), nil, nan},
		{"NaN weight", []float64{0.2}, bools(1), []float64{nan}, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metric.Brier(tt.pred, tt.won, tt.w)
			if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(closedTol, 1e-15), cmpopts.EquateNaNs()) {
				t.Errorf("Brier(%v, %v, %v) = %v; want %v", tt.pred, tt.won, tt.w, got, tt.want)
			}
		})
	}
	unchanged(t, func() { metric.Brier(deals40Pred, deals40Won, deals40W) })
}
