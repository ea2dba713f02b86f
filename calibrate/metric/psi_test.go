package metric_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestPSI(t *testing.T) {
	inf := math.Inf(1)
	// actual is deals40 shifted up by 0.05, as in testdata/reference.py.
	shifted := make([]float64, len(deals40Pred))
	for i, p := range deals40Pred {
		shifted[i] = math.Min(p+0.05, 1)
	}
	t.Run("deals40 deciles", func(t *testing.T) {
		// numpy 1.24.2: edges np.unique(np.quantile(pred, [.1, …, .9],
		// method="inverted_cdf")), bins by np.searchsorted(side="left"),
		// shares floored at 1e-4 (testdata/reference.py).
		got, bins := metric.PSI(deals40Pred, shifted, nil)
		if want := 0.30263957650267354; !cmp.Equal(got, want, cmpopts.EquateApprox(closedTol, 0)) {
			t.Errorf("PSI(deals40, shifted, deciles) = %v; want %v", got, want)
		}
		var edges []float64
		for _, b := range bins[1:] {
			edges = append(edges, b.Low)
		}
		if want := []float64{0.13, 0.21, 0.31, 0.32, 0.36, 0.41, 0.54, 0.61, 0.66}; !cmp.Equal(edges, want) {
			t.Errorf("PSI(deals40) decile edges = %v; want %v", edges, want)
		}
	})
	t.Run("deals40 fixed edges", func(t *testing.T) {
		got, bins := metric.PSI(deals40Pred, shifted, []float64{0.2, 0.4, 0.6, 0.8})
		// numpy 1.24.2, as above, with edges [0.2, 0.4, 0.6, 0.8]; the
		// expected share of the top bin is 0 and is floored at 1e-4.
		e0, a0 := 0.175, 0.125
		e1, a1 := 0.4, 0.3
		e2, a2 := 0.2, 0.275
		e3, a3 := 0.225, 0.275
		e4, a4 := 0.0, 0.025
		c := func(e, a float64) float64 {
			e, a = max(e, metric.PSIFloor), max(a, metric.PSIFloor)
			return (a - e) * math.Log(a/e)
		}
		want := []metric.PSIBin{
			{Low: -inf, High: 0.2, ExpectedN: 7, ActualN: 5, Expected: e0, Actual: a0, Contribution: c(e0, a0)},
			{Low: 0.2, High: 0.4, ExpectedN: 16, ActualN: 12, Expected: e1, Actual: a1, Contribution: c(e1, a1)},
			{Low: 0.4, High: 0.6, ExpectedN: 8, ActualN: 11, Expected: e2, Actual: a2, Contribution: c(e2, a2)},
			{Low: 0.6, High: 0.8, ExpectedN: 9, ActualN: 11, Expected: e3, Actual: a3, Contribution: c(e3, a3)},
			{Low: 0.8, High: inf, ExpectedN: 0, ActualN: 1, Expected: e4, Actual: a4, Contribution: c(e4, a4)},
		}
		if wantPSI := 0.21699376053800634; !cmp.Equal(got, wantPSI, cmpopts.EquateApprox(closedTol, 0)) {
			t.Errorf("PSI(deals40, shifted, edges) = %v; want %v", got, wantPSI)
		}
		if diff := cmp.Diff(want, bins, cmpopts.EquateApprox(closedTol, 0)); diff != "" {
			t.Errorf("PSI bins mismatch (-want +got):\n%s", diff)
		}
	})

	nan := math.NaN()
	tests := []struct {
		name                    string
		expected, actual, edges []float64
		want                    float64
		wantBins                int
	}{
		{"identical", deals40Pred, deals40Pred, nil, 0, 10},
		// Tied deciles collapse to the one edge 3; empty edges mean deciles.
		{"tied deciles", []float64{3, 3, 3, 3}, []float64{3, 1}, []float64{}, 0, 2},
		// By hand: 2 of 4 vs 4 of 4 below 0.5:
		// (1-½)ln 2 + (1e-4-½)ln(1e-4/½).
		{"by hand", []float64{0.1, 0.2, 0.7, 0.8}, []float64{0.1, 0.2, 0.3, 0.4}, []float64{0.5}, 0.5*math.Ln2 + (1e-4-0.5)*math.Log(1e-4/0.5), 2},
		{"infinite scores", []float64{math.Inf(-1), math.Inf(1)}, []float64{math.Inf(-1), math.Inf(1)}, []float64{0}, 0, 2},
		{"empty expected", nil, []float64{1}, nil, nan, 0},
		{"empty actual", []float64{1}, nil, []float64{0}, nan, 0},
		{"NaN expected", []float64{nan}, []float64{1}, []float64{0}, nan, 0},
		{"NaN actual", []float64{1}, []float64{nan}, []float64{0}, nan, 0},
		{"NaN edge", []float64{1}, []float64{1}, []float64{nan}, nan, 0},
		{"infinite edge", []float64{1}, []float64{1}, []float64{0, inf}, nan, 0},
		{"edges not increasing", []float64{1}, []float64{1}, []float64{0, 0}, nan, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bins := metric.PSI(tt.expected, tt.actual, tt.edges)
			if !cmp.Equal(got, tt.want, cmpopts.EquateApprox(closedTol, 1e-15), cmpopts.EquateNaNs()) {
				t.Errorf("PSI(%v, %v, %v) = %v; want %v", tt.expected, tt.actual, tt.edges, got, tt.want)
			}
			if len(bins) != tt.wantBins {
				t.Errorf("PSI(%v, %v, %v) gave %d bins; want %d", tt.expected, tt.actual, tt.edges, len(bins), tt.wantBins)
			}
		})
	}
}
