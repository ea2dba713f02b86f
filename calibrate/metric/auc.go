package metric

import (
	"math"
	"slices"
)

// AUC returns the area under the ROC curve of pred as a score for won,
// the weighted Mann–Whitney probability that a won deal scores above a
// lost one, with ties counting half:
//
//	AUC = Σᵢ Σⱼ wᵢ wⱼ (1[pᵢ > pⱼ] + ½·1[pᵢ = pⱼ]) / (W₊ W₋)
//
// where i runs over won deals, j over lost deals, and W₊ and W₋ are the
// total weights of won and lost deals. It runs in O(n log n) time.
//
// pred may be any score, not only a probability; only its order matters
// and ±Inf are ordered as usual. w holds optional non-negative case
// weights; nil means all 1. AUC panics if the lengths differ.
//
// AUC returns NaN when the input is empty, when W₊ or W₋ is 0 (all won or
// all lost), when pred holds a NaN, or when a weight is negative, NaN or
// +Inf. Use DeLong for a standard error and an interval.
func AUC(pred []float64, won []bool, w []float64) float64 {
	checkLen("AUC", pred, won, w)
	if w == nil {
		pos, neg, err := splitScores(pred, won)
		if err != nil || len(pos) == 0 || len(neg) == 0 {
			return math.NaN()
		}
		slices.Sort(pos)
		slices.Sort(neg)
		return float64(mannWhitney2(pos, neg)) / (2 * float64(len(pos)) * float64(len(neg)))
	}

	rows, _, err := weightedRows(pred, won, w, notNaN, false)
	if err != nil {
		return math.NaN()
	}
	var sum, wPos, wNeg float64
	for i := 0; i < len(rows); {
		var gPos, gNeg float64
		j := i
		for ; j < len(rows) && rows[j].p == rows[i].p; j++ {
			if rows[j].won {
				gPos += rows[j].w
			} else {
				gNeg += rows[j].w
			}
		}
		sum += gPos * (wNeg + gNeg/2)
		wPos += gPos
		wNeg += gNeg
		i = j
	}
	if wPos == 0 || wNeg == 0 {
		return math.NaN()
	}
	return sum / wPos / wNeg
}

// row is one weighted deal.
type row struct {
	p, w float64
	won  bool
}

// splitScores copies the scores of won and lost deals into two new slices.
// It returns a *ValueError for a NaN score.
func splitScores(pred []float64, won []bool) (pos, neg []float64, err error) {
	if err := checkRows(pred, nil, notNaN); err != nil {
		return nil, nil, err
	}
	nPos := 0
	for _, y := range won {
		if y {
			nPos++
		}
	}
	pos = make([]float64, 0, nPos)
	neg = make([]float64, 0, len(won)-nPos)
	for i, p := range pred {
		if won[i] {
			pos = append(pos, p)
		} else {
			neg = append(neg, p)
		}
	}
	return pos, neg, nil
}

// tieGroups walks the merged ascending order of the sorted slices pos and
// neg one group of equal scores at a time, calling fn with the number of
// won (a) and lost (b) deals in the group and the numbers of won and lost
// deals that score below it.
func tieGroups(pos, neg []float64, fn func(a, b, posBelow, negBelow int)) {
	i, j := 0, 0
	for i < len(pos) || j < len(neg) {
		var v float64
		switch {
		case j == len(neg):
			v = pos[i]
		case i == len(pos):
			v = neg[j]
		default:
			v = min(pos[i], neg[j])
		}
		i0, j0 := i, j
		for i < len(pos) && pos[i] == v {
			i++
		}
		for j < len(neg) && neg[j] == v {
			j++
		}
		fn(i-i0, j-j0, i0, j0)
	}
}

// mannWhitney2 returns twice the Mann–Whitney U statistic of the sorted
// won scores pos against the sorted lost scores neg, an exact integer.
func mannWhitney2(pos, neg []float64) int64 {
	var u2 int64
	tieGroups(pos, neg, func(a, b, _, negBelow int) {
		u2 += int64(a) * int64(2*negBelow+b)
	})
	return u2
}
