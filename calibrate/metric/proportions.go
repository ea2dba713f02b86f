package metric

import (
	"math"
)

// fisherRelErr is the relative tolerance with which FisherExact counts a
// table as no more probable than the observed one, guarding against
// rounding in tables of equal probability; R's fisher.test uses the same.
const fisherRelErr = 1 + 1e-7

// TwoProportion compares the win rates of two periods (or groups) with the
// pooled two-proportion z test:
//
//	p₁ = won1/n1,  p₂ = won2/n2,  p̄ = (won1 + won2)/(n1 + n2)
//	diff = p₁ - p₂
//	z    = diff / √(p̄(1-p̄)(1/n1 + 1/n2))
//	p    = 2Φ(-|z|)                         (two-sided)
//
// For the one-sided question "did the win rate decline from period 1 to
// period 2?" (alternative p₂ < p₁) the p-value is Φ(-z), which is p/2 when
// z > 0 and 1 - p/2 otherwise. The normal approximation wants roughly five
// or more won and lost deals in each period; use FisherExact for smaller
// counts. Counts may be non-integer (weighted).
//
// When both periods have the same all-won or all-lost rate (p̄ is 0 or 1)
// there is no evidence of a difference and TwoProportion returns 0, 0, 1.
// It returns NaN, NaN, NaN when an argument is NaN or infinite, when a
// count is negative or a won count exceeds its n, or when n1 or n2 is 0.
func TwoProportion(won1, n1, won2, n2 float64) (diff, z, p float64) {
	for _, x := range [...]float64{won1, n1, won2, n2} {
		if !(x >= 0) || math.IsInf(x, 1) {
			return math.NaN(), math.NaN(), math.NaN()
		}
	}
	if won1 > n1 || won2 > n2 || n1 == 0 || n2 == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	pooled := (won1 + won2) / (n1 + n2)
	if pooled == 0 || pooled == 1 {
		return 0, 0, 1
	}
	diff = won1/n1 - won2/n2
	z = diff / math.Sqrt(pooled*(1-pooled)*(1/n1+1/n2))
	p = math.Erfc(math.Abs(z) / math.Sqrt2)
	return diff, z, p
}

// FisherExact returns the two-sided p-value of Fisher's exact test of
// independence for the 2×2 table
//
//	| a  b |    e.g. rows: period 1, period 2
//	| c  d |         columns: won, lost
//
// Conditioning on the margins, the top-left cell X is hypergeometric,
//
//	P(X = x) = C(a+b, x) C(c+d, a+c-x) / C(n, a+c),   n = a+b+c+d,
//
// and the p-value sums P(X = x) over every x with
// P(X = x) ≤ P(X = a)·(1 + 10⁻⁷), as R's fisher.test does. Probabilities
// are computed on the log scale, so large counts neither overflow nor
// lose the answer, though the work grows with min(a+b, a+c).
//
// FisherExact returns NaN when a count is negative, and 1 for an empty
// table or one with an empty row or column.
func FisherExact(a, b, c, d int) float64 {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	r1, r2, c1 := a+b, c+d, a+c
	lo, hi := max(0, c1-r2), min(r1, c1)
	logP := func(x int) float64 { return lchoose(r1, x) + lchoose(r2, c1-x) - lchoose(r1+r2, c1) }
	cut := logP(a) + math.Log(fisherRelErr)
	var p float64
	for x := lo; x <= hi; x++ {
		if lp := logP(x); lp <= cut {
			p += math.Exp(lp)
		}
	}
	return min(p, 1)
}

// lchoose returns ln C(n, k) for 0 ≤ k ≤ n.
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}
