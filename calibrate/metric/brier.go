package metric

import "math"

// Brier returns the weighted Brier score, the mean squared difference
// between the predicted win probabilities pred and the outcomes won:
//
//	Brier = Σ wᵢ (pᵢ - yᵢ)² / Σ wᵢ
//
// with yᵢ = 1 for a won deal and 0 otherwise. It lies in [0, 1]; lower is
// better, and a constant prediction of the base rate r scores r(1-r).
//
// pred must hold probabilities in [0, 1]. w holds optional non-negative
// case weights; nil means all 1. Brier panics if the lengths differ. It
// returns NaN for empty input, when the weights sum to 0, when a
// prediction is NaN or outside [0, 1], or when a weight is negative, NaN
// or +Inf.
func Brier(pred []float64, won []bool, w []float64) float64 {
	checkLen("Brier", pred, won, w)
	if checkRows(pred, w, validProb) != nil {
		return math.NaN()
	}
	var sum, wSum float64
	for i, p := range pred {
		wi := weightAt(w, i)
		if won[i] {
			p = 1 - p
		}
		sum += wi * p * p
		wSum += wi
	}
	if wSum == 0 {
		return math.NaN()
	}
	return sum / wSum
}
