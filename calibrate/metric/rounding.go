package metric

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// LargestRemainder apportions the whole number total among the weights by
// Hamilton's largest remainder method, for example a quarter's lead target
// across segments or tiers in proportion to their ICP share:
//
//	qᵢ = total · wᵢ / Σⱼ wⱼ        (quota)
//	sᵢ = ⌊qᵢ⌋ + 1 for the total - Σⱼ ⌊qⱼ⌋ largest remainders qᵢ - ⌊qᵢ⌋
//	sᵢ = ⌊qᵢ⌋ otherwise
//
// The result sums exactly to total, each sᵢ is ⌊qᵢ⌋ or ⌈qᵢ⌉, and a zero
// weight receives 0. Ties between equal remainders go to the lower index,
// so the result is deterministic. Like every quota method it can show the
// Alabama paradox: raising total may lower some sᵢ.
//
// weights must be non-negative and finite, and total non-negative and at
// most 2⁵³ so that quotas are exact enough. LargestRemainder does not
// modify weights. It returns a *ValueError wrapping ErrInvalid for a
// negative, NaN or infinite weight, an error wrapping ErrInvalid for a
// negative total, and one wrapping ErrNoWeight when weights is empty or
// all zero.
func LargestRemainder(weights []float64, total int) ([]int, error) {
	if total < 0 {
		return nil, fmt.Errorf("metric: largest remainder: total = %d: %w", total, ErrInvalid)
	}
	var top float64
	for i, x := range weights {
		if !(x >= 0) || math.IsInf(x, 1) {
			return nil, fmt.Errorf("metric: largest remainder: %w",
				&ValueError{Arg: "weights", Index: i, Value: x, Err: ErrInvalid})
		}
		top = max(top, x)
	}
	if top == 0 {
		return nil, fmt.Errorf("metric: largest remainder: %d weights: %w", len(weights), ErrNoWeight)
	}
	// Scale by the largest weight so the sum cannot overflow.
	var sum float64
	for _, x := range weights {
		sum += x / top
	}
	seats := make([]int, len(weights))
	rem := make([]float64, len(weights))
	left := total
	for i, x := range weights {
		q := float64(total) * (x / top) / sum
		f := math.Floor(q)
		seats[i] = int(f)
		rem[i] = q - f
		left -= seats[i]
	}

	// Order candidates by remainder, largest first, lower index on ties.
	order := make([]int, 0, len(weights))
	for i, x := range weights {
		if x > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := cmp.Compare(rem[j], rem[i]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// In exact arithmetic 0 ≤ left < len(order); rounding of the quotas
	// can move left by one either way, which the loops below absorb.
	for k := 0; left > 0; k = (k + 1) % len(order) {
		seats[order[k]]++
		left--
	}
	for k := len(order) - 1; left < 0; k-- {
		if k < 0 {
			k = len(order) - 1
		}
		if seats[order[k]] > 0 {
			seats[order[k]]--
			left++
		}
	}
	return seats, nil
}
