package metric_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestLift(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		pred   []float64
		won    []bool
		w      []float64
		groups int
		want   []metric.Decile
	}{
		// pandas 1.5.3: deals40 sorted by descending pred, 8 deals per group,
		// groupby(g).agg(...) (testdata/reference.py); no tie crosses a
		// group boundary.
		{"deals40 quintiles", deals40Pred, deals40Won, nil, 5, []metric.Decile{
			{Group: 1, Low: 0.62, High: 0.77, N: 8, Won: 6, WinRate: 0.75, Lift: 1.76470588235294112, CumulativeWinsShare: 0.35294117647058826, CumulativeShare: 0.2},
			{Group: 2, Low: 0.42, High: 0.61, N: 8, Won: 4, WinRate: 0.5, Lift: 1.17647058823529416, CumulativeWinsShare: 0.58823529411764708, CumulativeShare: 0.4},
			{Group: 3, Low: 0.33, High: 0.41, N: 8, Won: 3, WinRate: 0.375, Lift: 0.88235294117647056, CumulativeWinsShare: 0.76470588235294112, CumulativeShare: 0.6},
			{Group: 4, Low: 0.24, High: 0.32, N: 8, Won: 2, WinRate: 0.25, Lift: 0.58823529411764708, CumulativeWinsShare: 0.88235294117647056, CumulativeShare: 0.8},
			{Group: 5, Low: 0.03, High: 0.21, N: 8, Won: 2, WinRate: 0.25, Lift: 0.58823529411764708, CumulativeWinsShare: 1, CumulativeShare: 1},
		}},
		// By hand: overall rate ½; ties keep the top three together.
		{"ties", []float64{0.9, 0.9, 0.9, 0.1}, bools(1, 1, 0, 0), nil, 4, []metric.Decile{
			{Group: 1, Low: 0.9, High: 0.9, N: 3, Won: 2, WinRate: 2.0 / 3, Lift: 4.0 / 3, CumulativeWinsShare: 1, CumulativeShare: 0.75},
			{Group: 2, Low: 0.1, High: 0.1, N: 1, Won: 0, WinRate: 0, Lift: 0, CumulativeWinsShare: 1, CumulativeShare: 1},
		}},
		// By hand: weighted; overall rate 4/8.
		{"weighted", []float64{0.8, 0.6, 0.4, 0.2}, bools(1, 0, 1, 0), []float64{3, 1, 1, 3}, 2, []metric.Decile{
			{Group: 1, Low: 0.6, High: 0.8, N: 4, Won: 3, WinRate: 0.75, Lift: 1.5, CumulativeWinsShare: 0.75, CumulativeShare: 0.5},
			{Group: 2, Low: 0.2, High: 0.4, N: 4, Won: 1, WinRate: 0.25, Lift: 0.5, CumulativeWinsShare: 1, CumulativeShare: 1},
		}},
		{"no wins", []float64{0.8, 0.2}, bools(0, 0), nil, 2, []metric.Decile{
			{Group: 1, Low: 0.8, High: 0.8, N: 1, Lift: nan, CumulativeWinsShare: nan, CumulativeShare: 0.5},
			{Group: 2, Low: 0.2, High: 0.2, N: 1, Lift: nan, CumulativeWinsShare: nan, CumulativeShare: 1},
		}},
		{"all won", []float64{0.8, 0.2}, bools(1, 1), nil, 2, []metric.Decile{
			{Group: 1, Low: 0.8, High: 0.8, N: 1, Won: 1, WinRate: 1, Lift: 1, CumulativeWinsShare: 0.5, CumulativeShare: 0.5},
			{Group: 2, Low: 0.2, High: 0.2, N: 1, Won: 1, WinRate: 1, Lift: 1, CumulativeWinsShare: 1, CumulativeShare: 1},
		}},
		{"one row", []float64{3}, bools(1), nil, 10, []metric.Decile{
			{Group: 1, Low: 3, High: 3, N: 1, Won: 1, WinRate: 1, Lift: 1, CumulativeWinsShare: 1, CumulativeShare: 1},
		}},
		{"empty", nil, nil, nil, 10, nil},
		{"NaN", []float64{0.2, nan}, bools(1, 0), nil, 10, nil},
		{"negative weight", []float64{0.2, 0.4}, bools(1, 0), []float64{-1, 1}, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metric.Lift(tt.pred, tt.won, tt.w, tt.groups)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(closedTol, 1e-15), cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("Lift(%s, %d) mismatch (-want +got):\n%s", tt.name, tt.groups, diff)
			}
		})
	}
	unchanged(t, func() { metric.Lift(deals40Pred, deals40Won, deals40W, 10) })
	if !panics(func() { metric.Lift(deals40Pred, deals40Won, nil, 0) }) {
		t.Error("Lift(groups=0) did not panic")
	}
}

func TestLiftProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for trial := range 50 {
		n := 1 + rng.IntN(2000)
		pred, won := randomDeals(rng, n, 1+rng.IntN(100))
		k := 1 + rng.IntN(12)
		ds := metric.Lift(pred, won, nil, k)
		var wins, sumN, liftN float64
		for i, d := range ds {
			if d.Group != i+1 {
				t.Errorf("trial %d: group %d numbered %d", trial, i+1, d.Group)
			}
			if i > 0 && !(d.High < ds[i-1].Low) {
				t.Errorf("trial %d: group %d reaches %v, not below group %d's %v", trial, d.Group, d.High, i, ds[i-1].Low)
			}
			wins += d.Won
			sumN += d.N
			liftN += d.Lift * d.N
		}
		if sumN != float64(n) {
			t.Errorf("trial %d: Σ N = %v; want %d", trial, sumN, n)
		}
		// The N-weighted mean lift is 1.
		if wins > 0 && math.Abs(liftN/sumN-1) > 1e-12 {
			t.Errorf("trial %d: mean lift = %v; want 1", trial, liftN/sumN)
		}
	}
}
