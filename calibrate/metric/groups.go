package metric

import (
	"cmp"
	"slices"
)

// weightedRows validates pred with ok and the weights, and returns the
// rows with positive weight, sorted by score (descending when desc), and
// their total weight.
func weightedRows(pred []float64, won []bool, w []float64, ok func(float64) bool, desc bool) ([]row, float64, error) {
	if err := checkRows(pred, w, ok); err != nil {
		return nil, 0, err
	}
	rows := make([]row, 0, len(pred))
	var total float64
	for i, p := range pred {
		if wi := weightAt(w, i); wi > 0 {
			rows = append(rows, row{p: p, w: wi, won: won[i]})
			total += wi
		}
	}
	if desc {
		slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.p, a.p) })
	} else {
		slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.p, b.p) })
	}
	return rows, total, nil
}

// equalWeightGroups splits rows, sorted by score, into at most k runs of
// consecutive rows of about equal total weight without splitting a run of
// equal scores. A run of tied rows whose cumulative weight before it is c
// and whose own weight is g goes to group
//
//	⌊k·(c + g/2)/total⌋, at most k-1,
//
// so groups hold equal counts when there are no ties and k divides the
// count, and a group that would receive no row is left out. It returns the
// index of the first row of each group followed by len(rows).
func equalWeightGroups(rows []row, total float64, k int) []int {
	bounds := []int{0}
	var cum float64
	cur := 0
	for i := 0; i < len(rows); {
		var g float64
		j := i
		for ; j < len(rows) && rows[j].p == rows[i].p; j++ {
			g += rows[j].w
		}
		if grp := min(k-1, int(float64(k)*(cum+g/2)/total)); grp > cur {
			if i > 0 {
				bounds = append(bounds, i)
			}
			cur = grp
		}
		cum += g
		i = j
	}
	return append(bounds, len(rows))
}

// groupSums returns the total weight, weighted won count and weighted sum
// of scores of rows.
func groupSums(rows []row) (n, won, score float64) {
	for _, r := range rows {
		n += r.w
		score += r.w * r.p
		if r.won {
			won += r.w
		}
	}
	return n, won, score
}
