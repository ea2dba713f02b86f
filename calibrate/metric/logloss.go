package metric

import "math"

// ProbabilityClip bounds the predictions LogLoss takes the logarithm of:
// each prediction is clipped to [ProbabilityClip, 1-ProbabilityClip], so a
// confident wrong prediction costs at most -ln(1e-15) ≈ 34.5 rather than
// +Inf. It equals scikit-learn's former default eps.
const ProbabilityClip = 1e-15

// LogLoss returns the weighted mean negative log-likelihood (cross-entropy)
// of the predicted win probabilities pred given the outcomes won:
//
//	p̃ᵢ      = min(max(pᵢ, ε), 1-ε),  ε = ProbabilityClip
//	LogLoss = -Σ wᵢ (yᵢ ln p̃ᵢ + (1-yᵢ) ln(1-p̃ᵢ)) / Σ wᵢ
//
// with yᵢ = 1 for a won deal and 0 otherwise. Lower is better; a constant
// prediction of the base rate r scores the entropy -r ln r - (1-r) ln(1-r).
//
// pred must hold probabilities in [0, 1]. w holds optional non-negative
// case weights; nil means all 1. LogLoss panics if the lengths differ. It
// returns NaN for empty input, when the weights sum to 0, when a
// prediction is NaN or outside [0, 1], or when a weight is negative, NaN
// or +Inf.
func LogLoss(pred []float64, won []bool, w []float64) float64 {
	checkLen("LogLoss", pred, won, w)
	if checkRows(pred, w, validProb) != nil {
		return math.NaN()
	}
	var sum, wSum float64
	for i, p := range pred {
		wi := weightAt(w, i)
		if wi == 0 {
			continue
		}
		p = min(max(p, ProbabilityClip), 1-ProbabilityClip)
		if won[i] {
			sum -= wi * math.Log(p)
		} else {
			sum -= wi * math.Log1p(-p)
		}
		wSum += wi
	}
	if wSum == 0 {
		return math.NaN()
	}
	return sum / wSum
}
