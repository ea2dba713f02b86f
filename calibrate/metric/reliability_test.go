package metric_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestReliability(t *testing.T) {
	tests := []struct {
		name string
		pred []float64
		won  []bool
		w    []float64
		bins int
		want []metric.Bin
	}{
		// scikit-learn 1.2.1 calibration_curve(won, pred, n_bins=k,
		// strategy="quantile") for Predicted and Observed, statsmodels 0.13.5
		// proportion_confint(method="wilson") for ObsLow/ObsHigh, on deals40
		// (testdata/reference.py); no tie crosses a bin boundary.
		{"deals40 quartiles", deals40Pred, deals40Won, nil, 4, []metric.Bin{
			{Low: 0.03, High: 0.27, N: 10, Predicted: 0.153, Observed: 0.2, ObsLow: 0.056682151454375246, ObsHigh: 0.5098375284633583},
			{Low: 0.3, High: 0.36, N: 10, Predicted: 0.329, Observed: 0.3, ObsLow: 0.10779126740630104, ObsHigh: 0.6032218525388546},
			{Low: 0.39, High: 0.58, N: 10, Predicted: 0.469, Observed: 0.5, ObsLow: 0.23659309051256394, ObsHigh: 0.7634069094874361},
			{Low: 0.6, High: 0.77, N: 10, Predicted: 0.667, Observed: 0.7, ObsLow: 0.39677814746114537, ObsHigh: 0.8922087325936989},
		}},
		{"deals40 quintiles", deals40Pred, deals40Won, nil, 5, []metric.Bin{
			{Low: 0.03, High: 0.21, N: 8, Predicted: 0.1275, Observed: 0.25, ObsLow: 0.071479212752109, ObsHigh: 0.5907245696898311},
			{Low: 0.24, High: 0.32, N: 8, Predicted: 0.29875, Observed: 0.25, ObsLow: 0.071479212752109, ObsHigh: 0.5907245696898311},
			{Low: 0.33, High: 0.41, N: 8, Predicted: 0.375, Observed: 0.375, ObsLow: 0.13684428582359737, ObsHigh: 0.6942576053973728},
			{Low: 0.42, High: 0.61, N: 8, Predicted: 0.5387500000000001, Observed: 0.5, ObsLow: 0.2152160622138775, ObsHigh: 0.7847839377861225},
			{Low: 0.62, High: 0.77, N: 8, Predicted: 0.6824999999999999, Observed: 0.75, ObsLow: 0.40927543031016883, ObsHigh: 0.9285207872478909},
		}},
		// By hand, with Wilson bounds from statsmodels 0.13.5
		// proportion_confint(method="wilson"): ties share a bin, so fewer
		// bins than asked.
		{"ties", []float64{0.1, 0.1, 0.1, 0.2}, bools(1, 0, 0, 1), nil, 2, []metric.Bin{
			{Low: 0.1, High: 0.1, N: 3, Predicted: 0.1, Observed: 1.0 / 3, ObsLow: 0.06149194472039626, ObsHigh: 0.7923403991979523},
			{Low: 0.2, High: 0.2, N: 1, Predicted: 0.2, Observed: 1, ObsLow: 0.2065493143772374, ObsHigh: 1},
		}},
		{"all tied", []float64{0.4, 0.4, 0.4}, bools(1, 0, 0), nil, 5, []metric.Bin{
			{Low: 0.4, High: 0.4, N: 3, Predicted: 0.4, Observed: 1.0 / 3, ObsLow: 0.06149194472039626, ObsHigh: 0.7923403991979523},
		}},
		// By hand: weights 3, 1 | 1, 3 split at half the total weight; a
		// zero-weight row is ignored.
		{"weighted", []float64{0.1, 0.2, 0.3, 0.4, 0.5}, bools(0, 1, 0, 1, 1), []float64{3, 1, 1, 0, 3}, 2, []metric.Bin{
			{Low: 0.1, High: 0.2, N: 4, Predicted: 0.5 / 4, Observed: 0.25, ObsLow: 0.0455872608097006, ObsHigh: 0.6993581574175982},
			{Low: 0.3, High: 0.5, N: 4, Predicted: 1.8 / 4, Observed: 0.75, ObsLow: 0.30064184258240184, ObsHigh: 0.9544127391902995},
		}},
		{"one row", []float64{0.7}, bools(0), nil, 10, []metric.Bin{
			{Low: 0.7, High: 0.7, N: 1, Predicted: 0.7, Observed: 0, ObsLow: 0, ObsHigh: 0.7934506856227627},
		}},
		{"empty", nil, nil, nil, 10, nil},
		{"zero weight", []float64{0.5}, bools(1), []float64{0}, 10, nil},
		{"NaN", []float64{0.5, math.NaN()}, bools(1, 0), nil, 10, nil},
		{"above 1", []float64{0.5, 2}, bools(1, 0), nil, 10, nil},
		{"negative weight", []float64{0.5, 0.6}, bools(1, 0), []float64{1, -1}, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metric.Reliability(tt.pred, tt.won, tt.w, tt.bins)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(fitTol, 1e-15)); diff != "" {
				t.Errorf("Reliability(%s, %d) mismatch (-want +got):\n%s", tt.name, tt.bins, diff)
			}
		})
	}
	unchanged(t, func() { metric.Reliability(deals40Pred, deals40Won, deals40W, 10) })
	if !panics(func() { metric.Reliability(deals40Pred, deals40Won, nil, 0) }) {
		t.Error("Reliability(bins=0) did not panic")
	}
}

func TestReliabilityProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 50 {
		n := 1 + rng.IntN(1000)
		pred, won := randomDeals(rng, n, 1+rng.IntN(50))
		k := 1 + rng.IntN(20)
		bins := metric.Reliability(pred, won, nil, k)
		if len(bins) == 0 || len(bins) > k {
			t.Fatalf("trial %d: Reliability(n=%d, %d) gave %d bins", trial, n, k, len(bins))
		}
		var total, wins, score float64
		for i, b := range bins {
			if i > 0 && !(b.Low > bins[i-1].High) {
				t.Errorf("trial %d: bin %d starts at %v, not above the previous bin's %v", trial, i, b.Low, bins[i-1].High)
			}
			if !(b.ObsLow <= b.Observed && b.Observed <= b.ObsHigh) {
				t.Errorf("trial %d: bin %d: Observed %v outside [%v, %v]", trial, i, b.Observed, b.ObsLow, b.ObsHigh)
			}
			total += b.N
			wins += b.Observed * b.N
			score += b.Predicted * b.N
		}
		var wantWins, wantScore float64
		for i, p := range pred {
			wantScore += p
			if won[i] {
				wantWins++
			}
		}
		got, want := []float64{total, wins, score}, []float64{float64(n), wantWins, wantScore}
		if !cmp.Equal(got, want, cmpopts.EquateApprox(closedTol, 1e-9)) {
			t.Errorf("trial %d: bin totals (N, wins, score) = %v; want %v", trial, got, want)
		}
	}
}
