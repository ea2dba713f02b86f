package metric

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Wilson returns the Wilson score interval for a binomial proportion with
// the given number of successes out of n trials:
//
//	p̂      = successes / n
//	z      = Φ⁻¹(1 - (1-confidence)/2)
//	centre = (p̂ + z²/(2n)) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p̂(1-p̂)/n + z²/(4n²))
//	[low, high] = [centre - half, centre + half]
//
// where Φ⁻¹ is the standard normal quantile. The interval always lies in
// [0, 1]; low is exactly 0 when successes is 0 and high is exactly 1 when
// successes equals n. successes and n need not be integers, so weighted
// counts may be passed, in which case the interval treats the weight sum
// as the number of trials (exact only for frequency weights).
//
// When n is 0 nothing is known and Wilson returns 0, 1. Wilson returns
// NaN, NaN when any argument is NaN or infinite, when successes < 0,
// successes > n or n < 0, or when confidence is not strictly between 0
// and 1.
func Wilson(successes, n, confidence float64) (low, high float64) {
	switch {
	case math.IsNaN(successes) || math.IsNaN(n) || math.IsInf(n, 0) || math.IsInf(successes, 0),
		successes < 0, n < 0, successes > n,
		!(confidence > 0 && confidence < 1):
		return math.NaN(), math.NaN()
	case n == 0:
		return 0, 1
	}
	z := distuv.UnitNormal.Quantile(1 - (1-confidence)/2)
	z2 := z * z
	p := successes / n
	denom := 1 + z2/n
	centre := (p + z2/(2*n)) / denom
	half := z / denom * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	low = math.Max(0, centre-half)
	high = math.Min(1, centre+half)
	if successes == 0 {
		low = 0
	}
	if successes == n {
		high = 1
	}
	return low, high
}
