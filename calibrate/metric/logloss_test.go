package metric_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestLogLoss(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		pred []float64
		won  []bool
		w    []float64
		want float64
	}{
		// scikit-learn 1.2.1 log_loss(won, pred[, sample_weight=w]) on deals40
		// (testdata/reference.py).
		{"deals40", deals40Pred, deals40Won, nil, 0.6473162010015667},
		{"deals40 weighted", deals40Pred, deals40Won, deals40W, 0.6070494277272542},
		// scikit-learn 1.2.1 log_loss([1, 0, 1], [0, 1, 0.5], eps=1e-15):
		// (2·(-ln 1e-15) + ln 2)/3.
		{"clipped", []float64{0, 1, 0.5}, bools(1, 0, 1), nil, 23.257166522603836},
		// By hand.
		// Clipping 1 to the float64 nearest 1-ε and 0 to ε.
		{"certain and right", []float64{1, 0}, bools(1, 0), nil, -(math.Log(1-metric.ProbabilityClip) + math.Log1p(-metric.ProbabilityClip)) / 2},
		{"coin", []float64{0.5, 0.5}, bools(1, 0), nil, math.Ln2},
		{"one row", []float64{0.8}, bools(1), nil, -math.Log(0.8)},
		{"all lost", []float64{0.2, 0.4}, bools(0, 0), nil, -(math.Log(0.8) + math.Log(0.6)) / 2},
		{"weights", []float64{0.2, 0.4}, bools(1, 0), []float64{3, 1}, -(3*math.Log(0.2) + math.Log(0.6)) / 4},
		{"empty", nil, nil, nil, nan},
		{"zero weights", []float64{0.2}, bools(1), []float64{0}, nan},
		{"NaN", []float64{0.2, nan}, bools(1, 0), nil, nan},
		{"above 1", []float64{0.2, 1.5}, bools(1, 0), nil, nan},
		{"negative", []float64{-0.1}, bools(1), nil, nan},
		{"negative weight", []float64{0.2}, bools(1), []float64{-1}, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metric.LogLoss(tt.pred, tt.won, tt.w)
			if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(closedTol, 0), cmpopts.EquateNaNs()) {
				t.Errorf("LogLoss(%v, %v, %v) = %v; want %v", tt.pred, tt.won, tt.w, got, tt.want)
			}
		})
	}
	unchanged(t, func() { metric.LogLoss(deals40Pred, deals40Won, deals40W) })
}
