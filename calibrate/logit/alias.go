package logit

import (
	"fmt"
	"math"
)

// aliasTol is the smallest share of a predictor's weighted variance that
// must remain after regressing it on the intercept and the earlier kept
// predictors, 1 − R², for the predictor to be estimable. Below it the
// predictor is aliased (R's glm reports NA for it) and is left out of ML
// and Firth fits with its coefficient fixed at zero.
const aliasTol = 1e-10

// columnReport describes the predictor columns of a merged design.
type columnReport struct {
	keep     []int // estimable predictors, in order
	aliased  []bool
	warnings []string
}

// checkColumns finds constant, identical and aliased predictors.
//
// Aliasing is found by a Cholesky factorization, column by column in
// order, of the weighted correlation matrix of the predictors: column j is
// aliased when 1 − R²ⱼ < aliasTol, R²ⱼ being from the regression of
// column j on the columns kept before it.
func checkColumns(t *table, names []string) columnReport {
	p, m := t.p, t.len()
	rep := columnReport{aliased: make([]bool, p)}
	if p == 0 {
		return rep
	}
	total := t.wWon + t.wLost
	mean := make([]float64, p)
	constant := make([]bool, p)
	for j := range p {
		constant[j] = true
	}
	first := t.x[:p]
	for r := 0; r < m; r++ {
		row := t.x[r*p : (r+1)*p]
		w := t.n[r] / total
		for j, v := range row {
			mean[j] += w * v
			if v != first[j] {
				constant[j] = false
			}
		}
	}
	// Weighted cross-products of the centred columns (upper triangle).
	c := make([]float64, p*p)
	dev := make([]float64, p)
	for r := 0; r < m; r++ {
		row := t.x[r*p : (r+1)*p]
		for j, v := range row {
			dev[j] = v - mean[j]
		}
		w := t.n[r]
		for a := 0; a < p; a++ {
			wa := w * dev[a]
			ca := c[a*p : (a+1)*p]
			for b := a; b < p; b++ {
				ca[b] += wa * dev[b]
			}
		}
	}
	// Incremental Cholesky of the correlation matrix over kept columns.
	l := make([]float64, 0, p*p) // row-major rows of L for kept columns
	z := make([]float64, p)
	for j := 0; j < p; j++ {
		if constant[j] {
			rep.aliased[j] = true
			rep.warnings = append(rep.warnings, fmt.Sprintf("constant predictor %q never varies; it is aliased with the intercept", names[j]))
			continue
		}
		if twin := identicalTo(t, j, constant); twin >= 0 {
			rep.aliased[j] = true
			rep.warnings = append(rep.warnings, fmt.Sprintf("predictor %q is identical to %q; it is aliased", names[j], names[twin]))
			continue
		}
		sj := math.Sqrt(c[j*p+j])
		q := len(rep.keep)
		resid := 1.0
		for a, ka := range rep.keep {
			sa := math.Sqrt(c[ka*p+ka])
			s := c[ka*p+j] / (sa * sj) // ka < j: upper triangle
			la := l[a*p : a*p+a]
			for b, lab := range la {
				s -= lab * z[b]
			}
			z[a] = s / l[a*p+a]
			resid -= z[a] * z[a]
		}
		if resid < aliasTol {
			rep.aliased[j] = true
			rep.warnings = append(rep.warnings, fmt.Sprintf("predictor %q is a linear combination of the intercept and earlier predictors; it is aliased", names[j]))
			continue
		}
		l = l[:(q+1)*p]
		copy(l[q*p:], z[:q])
		l[q*p+q] = math.Sqrt(resid)
		rep.keep = append(rep.keep, j)
	}
	return rep
}

// identicalTo returns the first earlier non-constant column equal to column
// j in every row, or −1.
func identicalTo(t *table, j int, constant []bool) int {
	p, m := t.p, t.len()
next:
	for a := 0; a < j; a++ {
		if constant[a] {
			continue
		}
		for r := 0; r < m; r++ {
			if t.x[r*p+a] != t.x[r*p+j] {
				continue next
			}
		}
		return a
	}
	return -1
}
