package logit

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Separation classifies how the outcome is separated by the predictors
// (Albert & Anderson 1984). Under any separation the ML estimates do not
// exist: some coefficients diverge.
type Separation uint8

const (
	// None: the won and lost cases overlap; the ML estimate exists.
	None Separation = iota
	// Quasi: some β ≠ 0 has x̃ᵢᵀβ ≥ 0 for every won case and ≤ 0 for every
	// lost case, with equality for some, but no β makes all strict.
	Quasi
	// Complete: some β has x̃ᵢᵀβ > 0 for every won case and < 0 for every
	// lost case.
	Complete
)

var separationNames = [...]string{"none", "quasi-complete", "complete"}

// String returns "none", "quasi-complete" or "complete".
func (s Separation) String() string {
	if int(s) < len(separationNames) {
		return separationNames[s]
	}
	return fmt.Sprintf("Separation(%d)", uint8(s))
}

const (
	// lpTol is the reduced-cost tolerance of the simplex method.
	lpTol = 1e-10
	// sepTol is the optimal value, relative to the scale of the data,
	// above which the separation linear programs report separation; in
	// exact arithmetic the optimum is zero exactly when there is none.
	sepTol = 1e-8
)

// separation decides whether the rows of t (all its columns must be
// estimable, i.e. [1 X] of full column rank) are separated, by linear
// programming in the dual form of Konis (2007), with one constraint per
// parameter rather than per row.
//
// Write sᵣ = ±1 for the outcome of distinct (x, y) row r and
// aᵣ = sᵣ x̃ᵣ, with the predictors standardized (an invertible linear map
// of the columns, under which separation is invariant). There is some
// separation exactly when no μ ≥ 1 solves Σᵣ μᵣ aᵣ = 0 (Gordan–Stiemke),
// so the first program is
//
//	minimize ‖Σᵣ μᵣ aᵣ‖₁  over μ ≥ 1,
//
// whose optimum is zero exactly when the cases overlap. Separation is
// complete exactly when no μ ≥ 0 with Σ μᵣ = 1 solves Σᵣ μᵣ aᵣ = 0
// (Gordan), so the second program minimizes the same norm over that
// simplex. Both start from an explicit feasible basis.
func separation(t *table) (Separation, error) {
	a, k := separationRows(t, nil)
	sep, err := overlapLP(a, k)
	if err != nil || !sep {
		return None, err
	}
	complete, err := completeLP(a, k)
	if err != nil {
		return Quasi, err
	}
	if complete {
		return Complete, nil
	}
	return Quasi, nil
}

// separatingColumns returns the predictors of t without which the data
// are no longer separated.
func separatingColumns(t *table) []int {
	var cols []int
	for j := 0; j < t.p; j++ {
		a, k := separationRows(t, []int{j})
		sep, err := overlapLP(a, k)
		if err == nil && !sep {
			cols = append(cols, j)
		}
	}
	return cols
}

// separationRows returns the rows aᵣ = sᵣ x̃ᵣ (standardized, without the
// columns in drop) in a row-major R×k slice, and k.
func separationRows(t *table, drop []int) ([]float64, int) {
	p, m := t.p, t.len()
	var cols []int
next:
	for j := 0; j < p; j++ {
		for _, d := range drop {
			if d == j {
				continue next
			}
		}
		cols = append(cols, j)
	}
	k := len(cols) + 1
	center := make([]float64, len(cols))
	scale := make([]float64, len(cols))
	for c, j := range cols {
		var s float64
		for r := 0; r < m; r++ {
			s += t.x[r*p+j]
		}
		center[c] = s / float64(m)
		var mx float64
		for r := 0; r < m; r++ {
			mx = math.Max(mx, math.Abs(t.x[r*p+j]-center[c]))
		}
		if mx == 0 {
			mx = 1
		}
		scale[c] = mx
	}
	a := make([]float64, 0, t.rows*k)
	add := func(r int, s float64) {
		a = append(a, s)
		for c, j := range cols {
			a = append(a, s*(t.x[r*p+j]-center[c])/scale[c])
		}
	}
	for r := 0; r < m; r++ {
		if t.won[r] > 0 {
			add(r, 1)
		}
		if t.lost[r] > 0 {
			add(r, -1)
		}
	}
	return a, k
}

// overlapLP solves the first program of separation in standard form,
//
//	minimize Σ pⱼ + Σ qⱼ  subject to  Σᵣ λᵣ aᵣ − p + q = −Σᵣ aᵣ,  λ, p, q ≥ 0,
//
// with μ = 1 + λ, and reports whether its optimum is positive.
func overlapLP(a []float64, k int) (separated bool, err error) {
	nr := len(a) / k
	cols := nr + 2*k
	data := make([]float64, k*cols)
	b := make([]float64, k)
	for r := 0; r < nr; r++ {
		for j, v := range a[r*k : (r+1)*k] {
			data[j*cols+r] = v
			b[j] -= v
		}
	}
	A := mat.NewDense(k, cols, data)
	cost := make([]float64, cols)
	basis := make([]int, k)
	var norm float64
	for j := 0; j < k; j++ {
		A.Set(j, nr+j, -1)
		A.Set(j, nr+k+j, 1)
		cost[nr+j], cost[nr+k+j] = 1, 1
		if b[j] >= 0 {
			basis[j] = nr + k + j // qⱼ = bⱼ
		} else {
			basis[j] = nr + j // pⱼ = −bⱼ
		}
		norm += math.Abs(b[j])
	}
	opt, err := simplex(cost, A, b, basis)
	if err != nil {
		return false, err
	}
	return opt > sepTol*(1+norm), nil
}

// completeLP solves the second program of separation in standard form,
//
//	minimize Σ pⱼ + Σ qⱼ  subject to  Σᵣ μᵣ aᵣ − p + q = 0,  Σᵣ μᵣ = 1,  μ, p, q ≥ 0,
//
// and reports whether its optimum is positive.
func completeLP(a []float64, k int) (complete bool, err error) {
	nr := len(a) / k
	cols := nr + 2*k
	data := make([]float64, (k+1)*cols)
	for r := 0; r < nr; r++ {
		for j, v := range a[r*k : (r+1)*k] {
			data[j*cols+r] = v
		}
		data[k*cols+r] = 1
	}
	A := mat.NewDense(k+1, cols, data)
	b := make([]float64, k+1)
	b[k] = 1
	cost := make([]float64, cols)
	basis := make([]int, k+1)
	basis[k] = 0 // μ₀ = 1
	for j := 0; j < k; j++ {
		A.Set(j, nr+j, -1)
		A.Set(j, nr+k+j, 1)
		cost[nr+j], cost[nr+k+j] = 1, 1
		if a[j] >= 0 {
			basis[j] = nr + j // pⱼ = a₀ⱼ
		} else {
			basis[j] = nr + k + j // qⱼ = −a₀ⱼ
		}
	}
	opt, err := simplex(cost, A, b, basis)
	if err != nil {
		return false, err
	}
	return opt > sepTol, nil
}

// simplex calls lp.Simplex, turning its panics (which it raises for a
// numerically singular starting basis) into errors.
func simplex(cost []float64, A *mat.Dense, b []float64, basis []int) (opt float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("logit: separation check: %v", r)
		}
	}()
	opt, _, err = lp.Simplex(cost, A, b, lpTol, basis)
	if err != nil {
		return 0, fmt.Errorf("logit: separation check: %w", err)
	}
	return opt, nil
}
