package metric_test

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Tolerances of the reference comparisons (relative, via
// cmpopts.EquateApprox).
const (
	// closedTol is for closed-form statistics computed in a different order
	// by the reference tool.
	closedTol = 1e-12
	// fitTol is for iteratively fitted values (glm, Newton) and for
	// quantities that go through a normal quantile.
	fitTol = 1e-9
)

// deals40 is a small scored deal table with ties, generated once with
// numpy 1.24.2: rng = np.random.default_rng(2024); pred = round(beta(2, 3),
// 2); won ~ Bernoulli(1.2·pred - 0.05); w from {0.5, 1, 1, 2, 3}. The same
// literals are in testdata/reference.py and testdata/reference.R.
var (
	deals40Pred = []float64{0.4, 0.09, 0.58, 0.18, 0.3, 0.62, 0.36, 0.41, 0.36, 0.32, 0.64, 0.08, 0.13, 0.24, 0.17, 0.36, 0.42, 0.6, 0.61, 0.66, 0.31, 0.5, 0.48, 0.62, 0.39, 0.72, 0.13, 0.32, 0.32, 0.39, 0.77, 0.58, 0.31, 0.54, 0.03, 0.27, 0.33, 0.75, 0.21, 0.68}
	deals40Won  = bools(1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0)
	deals40W    = []float64{0.5, 2.0, 2.0, 1.0, 2.0, 3.0, 1.0, 1.0, 1.0, 3.0, 2.0, 0.5, 3.0, 1.0, 1.0, 3.0, 2.0, 1.0, 0.5, 3.0, 1.0, 1.0, 2.0, 0.5, 1.0, 1.0, 2.0, 2.0, 1.0, 0.5, 1.0, 2.0, 0.5, 2.0, 2.0, 3.0, 0.5, 2.0, 0.5, 1.0}
)

// hanleyMcNeil returns the CT rating data of Hanley & McNeil (1982), "The
// meaning and use of the area under a ROC curve", Radiology 143:29–36,
// Table 1: ratings 1 (definitely normal) to 5 (definitely abnormal) of 58
// normal and 51 abnormal patients. Published AUC: 0.893.
func hanleyMcNeil() (rating []float64, abnormal []bool) {
	normalCounts := []int{33, 6, 6, 11, 2}
	abnormalCounts := []int{3, 2, 2, 11, 33}
	for r, n := range normalCounts {
		for range n {
			rating = append(rating, float64(r+1))
			abnormal = append(abnormal, false)
		}
	}
	for r, n := range abnormalCounts {
		for range n {
			rating = append(rating, float64(r+1))
			abnormal = append(abnormal, true)
		}
	}
	return rating, abnormal
}

func bools(xs ...int) []bool {
	b := make([]bool, len(xs))
	for i, x := range xs {
		b[i] = x != 0
	}
	return b
}

// randomDeals returns n deals whose scores are rounded to levels distinct
// values (so there are ties) and whose win probability rises with the
// score.
func randomDeals(rng *rand.Rand, n, levels int) (pred []float64, won []bool) {
	pred = make([]float64, n)
	won = make([]bool, n)
	for i := range pred {
		p := float64(rng.IntN(levels)+1) / float64(levels+1)
		pred[i] = p
		won[i] = rng.Float64() < p
	}
	return pred, won
}

// unchanged fails the test when the inputs were modified by the call.
func unchanged(t *testing.T, fn func()) {
	t.Helper()
	pred, won, w := slices.Clone(deals40Pred), slices.Clone(deals40Won), slices.Clone(deals40W)
	fn()
	if !slices.Equal(pred, deals40Pred) || !slices.Equal(won, deals40Won) || !slices.Equal(w, deals40W) {
		t.Fatal("inputs were modified")
	}
}

// panics reports whether fn panics.
func panics(fn func()) (ok bool) {
	defer func() { ok = recover() != nil }()
	fn()
	return false
}
