package metric

import (
	"fmt"
	"math"
)

// Decile is one score group of a lift table; with 10 groups, a decile.
type Decile struct {
	Group               int     // 1 for the highest scores
	Low, High           float64 // smallest and largest score in the group
	N                   float64 // total weight; the number of deals when unweighted
	Won                 float64 // weight of won deals
	WinRate             float64 // Won / N
	Lift                float64 // WinRate / overall win rate
	CumulativeWinsShare float64 // share of all won weight in groups 1..Group (gain)
	CumulativeShare     float64 // share of all weight in groups 1..Group
}

// Lift ranks deals by descending score, splits them into groups of about
// equal weight (group 1 holds the highest scores) and reports each
// group's win rate against the overall rate. For group g, with r the
// overall weighted win rate Σ wᵢ yᵢ / Σ wᵢ:
//
//	WinRate             = Won_g / N_g
//	Lift                = WinRate / r
//	CumulativeWinsShare = Σ_{h≤g} Won_h / Σ_h Won_h
//	CumulativeShare     = Σ_{h≤g} N_h / Σ_h N_h
//
// A useful score has Lift well above 1 in group 1, falling with g, and a
// cumulative gains curve (CumulativeWinsShare against CumulativeShare)
// above the diagonal. Deals with equal scores always share a group, so
// with heavy ties fewer than groups groups may be returned.
//
// pred may be any score; ±Inf are ordered as usual. w holds optional
// non-negative case weights; nil means all 1; rows of weight 0 are
// ignored. Lift panics if the lengths differ or groups < 1. It returns
// nil for empty input, when the weights sum to 0, when a score is NaN, or
// when a weight is negative, NaN or +Inf. When no deal was won, Lift and
// CumulativeWinsShare are NaN (0/0).
func Lift(pred []float64, won []bool, w []float64, groups int) []Decile {
	checkLen("Lift", pred, won, w)
	if groups < 1 {
		panic(fmt.Sprintf("metric: Lift: groups = %d < 1", groups))
	}
	rows, total, err := weightedRows(pred, won, w, notNaN, true)
	if err != nil || total == 0 {
		return nil
	}
	_, totalWon, _ := groupSums(rows)
	rate := totalWon / total
	bounds := equalWeightGroups(rows, total, groups)
	out := make([]Decile, 0, len(bounds)-1)
	var cumN, cumWon float64
	for k := range len(bounds) - 1 {
		g := rows[bounds[k]:bounds[k+1]]
		n, wonW, _ := groupSums(g)
		cumN += n
		cumWon += wonW
		d := Decile{
			Group:               k + 1,
			Low:                 g[len(g)-1].p,
			High:                g[0].p,
			N:                   n,
			Won:                 wonW,
			WinRate:             wonW / n,
			Lift:                wonW / n / rate,
			CumulativeWinsShare: cumWon / totalWon,
			CumulativeShare:     cumN / total,
		}
		if totalWon == 0 {
			d.Lift, d.CumulativeWinsShare = math.NaN(), math.NaN()
		}
		out = append(out, d)
	}
	// The last group closes the cumulative shares exactly.
	if totalWon > 0 {
		out[len(out)-1].CumulativeWinsShare = 1
	}
	out[len(out)-1].CumulativeShare = 1
	return out
}
