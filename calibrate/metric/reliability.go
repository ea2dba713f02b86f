package metric

import "fmt"

// Bin is one group of a reliability (calibration) table.
type Bin struct {
	Low, High float64 // smallest and largest prediction in the bin
	N         float64 // total weight; the number of deals when unweighted
	Predicted float64 // weighted mean prediction
	Observed  float64 // weighted win rate
	ObsLow    float64 // lower Wilson bound of Observed at Confidence
	ObsHigh   float64 // upper Wilson bound of Observed at Confidence
}

// Reliability groups deals into bins of about equal weight (equal-count,
// or quantile, bins when unweighted) by ascending prediction and compares
// the mean prediction of each bin with its observed win rate, the data of
// a reliability diagram. For bin B:
//
//	N         = Σ_{i∈B} wᵢ
//	Predicted = Σ_{i∈B} wᵢ pᵢ / N
//	Observed  = Σ_{i∈B} wᵢ yᵢ / N
//	[ObsLow, ObsHigh] = Wilson(Observed·N, N, Confidence)
//
// Sorted deals are assigned to bins by cumulative weight; deals with equal
// predictions always share a bin, so with heavy ties fewer than bins bins
// may be returned, and bins are not always exactly equal. With weights
// the Wilson interval treats N as the number of trials. A well-calibrated
// model has Observed close to Predicted in every bin.
//
// pred must hold probabilities in [0, 1]. w holds optional non-negative
// case weights; nil means all 1; rows of weight 0 are ignored.
// Reliability panics if the lengths differ or bins < 1. It returns nil
// for empty input, when the weights sum to 0, when a prediction is NaN or
// outside [0, 1], or when a weight is negative, NaN or +Inf.
func Reliability(pred []float64, won []bool, w []float64, bins int) []Bin {
	checkLen("Reliability", pred, won, w)
	if bins < 1 {
		panic(fmt.Sprintf("metric: Reliability: bins = %d < 1", bins))
	}
	rows, total, err := weightedRows(pred, won, w, validProb, false)
	if err != nil || total == 0 {
		return nil
	}
	bounds := equalWeightGroups(rows, total, bins)
	out := make([]Bin, 0, len(bounds)-1)
	for k := range len(bounds) - 1 {
		g := rows[bounds[k]:bounds[k+1]]
		n, wonW, score := groupSums(g)
		wonW = min(wonW, n)
		lo, hi := Wilson(wonW, n, Confidence)
		out = append(out, Bin{
			Low:       g[0].p,
			High:      g[len(g)-1].p,
			N:         n,
			Predicted: score / n,
			Observed:  wonW / n,
			ObsLow:    lo,
			ObsHigh:   hi,
		})
	}
	return out
}
