package metric

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// DeLong returns the AUC of pred as a score for won together with its
// DeLong, DeLong & Clarke-Pearson (1988) standard error and a Confidence
// (95%) normal interval. With m won and n lost deals, the placement values
// are
//
//	V₁₀(xᵢ) = (1/n) Σⱼ ψ(xᵢ, yⱼ)    for each won score xᵢ
//	V₀₁(yⱼ) = (1/m) Σᵢ ψ(xᵢ, yⱼ)    for each lost score yⱼ
//	ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise
//
// and
//
//	auc  = mean(V₁₀) = mean(V₀₁)
//	S₁₀  = Σᵢ (V₁₀(xᵢ) - auc)² / (m - 1)
//	S₀₁  = Σⱼ (V₀₁(yⱼ) - auc)² / (n - 1)
//	se   = √(S₁₀/m + S₀₁/n)
//	low  = max(0, auc - z·se),  high = min(1, auc + z·se)
//
// with z = Φ⁻¹(1 - (1-Confidence)/2). The interval is the plain (not
// logit-transformed) one, clipped to [0, 1], as in R's pROC ci.auc. The
// placement values are obtained from midranks following Sun & Xu (2014),
// "Fast implementation of DeLong's algorithm", IEEE Signal Processing
// Letters 21(11), so DeLong takes O(n log n) time and O(n) memory.
//
// pred may be any score; ±Inf are ordered as usual. DeLong is unweighted.
// It panics if the lengths differ. It returns a *ValueError wrapping
// ErrInvalid for a NaN score, an error wrapping ErrOneClass when there is
// no won or no lost deal (including empty input), and one wrapping
// ErrTooFew when there is only one of either. On error all four numbers
// are NaN. When the classes are perfectly separated (auc 0 or 1) se is 0
// and the interval collapses to the point, which understates uncertainty.
func DeLong(pred []float64, won []bool) (auc, se, low, high float64, err error) {
	checkLen("DeLong", pred, won, nil)
	nan := math.NaN()
	pos, neg, err := splitScores(pred, won)
	if err != nil {
		return nan, nan, nan, nan, fmt.Errorf("metric: delong: %w", err)
	}
	m, n := len(pos), len(neg)
	switch {
	case m == 0 || n == 0:
		return nan, nan, nan, nan, fmt.Errorf("metric: delong: %d won, %d lost: %w", m, n, ErrOneClass)
	case m < 2 || n < 2:
		return nan, nan, nan, nan, fmt.Errorf("metric: delong: %d won, %d lost: %w", m, n, ErrTooFew)
	}
	slices.Sort(pos)
	slices.Sort(neg)
	fm, fn := float64(m), float64(n)
	auc = float64(mannWhitney2(pos, neg)) / (2 * fm * fn)

	// Within a group of tied scores all won deals share one V₁₀ and all
	// lost deals one V₀₁, so the sums of squares are taken per group.
	var s10, s01 float64
	tieGroups(pos, neg, func(a, b, posBelow, negBelow int) {
		if a > 0 {
			d := float64(2*negBelow+b)/(2*fn) - auc
			s10 += float64(a) * d * d
		}
		if b > 0 {
			d := float64(2*(m-posBelow)-a)/(2*fm) - auc
			s01 += float64(b) * d * d
		}
	})
	se = math.Sqrt(s10/((fm-1)*fm) + s01/((fn-1)*fn))
	z := distuv.UnitNormal.Quantile(1 - (1-Confidence)/2)
	low = math.Max(0, auc-z*se)
	high = math.Min(1, auc+z*se)
	return auc, se, low, high, nil
}
