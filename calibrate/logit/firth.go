package logit

import (
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// firthGradient adds to st.grad, which holds the score of ℓ, the Firth
// adjustment that makes it the gradient of ℓ + ½ log det I:
//
//	U*(β) = Σᵣ x̃ᵣ (aᵣ − nᵣpᵣ + hᵣ(½ − pᵣ)),
//	hᵣ    = nᵣpᵣ(1−pᵣ) x̃ᵣᵀ I(β)⁻¹ x̃ᵣ,
//
// the hat values hᵣ of the weighted fit (Firth 1993, eq. 17; Kosmidis &
// Firth 2009). With frequency weights a merged row's hat value is the sum
// of those of the cases it stands for, so merging leaves U* unchanged.
// It needs st.chol, the Cholesky factor I = UᵀU.
func (pr *problem) firthGradient(st *state) {
	t, k, p := pr.t, pr.k, pr.t.p
	u := st.chol.RawU().(*mat.TriDense).RawTriangular()
	adj := make([]float64, k)
	z := st.z
	for r := 0; r < t.len(); r++ {
		x := t.x[r*p : r*p+p]
		h := st.wv[r] * quadInv(u, x, z)
		c := h * (0.5 - st.prob[r])
		adj[0] += c
		for j, v := range x {
			adj[1+j] += c * v
		}
	}
	for j, v := range adj {
		st.grad[j] += v
	}
}

// quadInv returns x̃ᵀ(UᵀU)⁻¹x̃ = ‖U⁻ᵀx̃‖² for x̃ = (1, x), by forward
// substitution with the upper triangular u, using z (length k) as scratch.
func quadInv(u blas64.Triangular, x, z []float64) float64 {
	k, s, d := u.N, u.Stride, u.Data
	z[0] = 1
	copy(z[1:k], x)
	var q float64
	for b := 0; b < k; b++ {
		zb := z[b] / d[b*s+b]
		q += zb * zb
		row := d[b*s+b+1 : b*s+k]
		rest := z[b+1 : k]
		rest = rest[:len(row)]
		for c, v := range row {
			rest[c] -= v * zb
		}
	}
	return q
}

// flicIntercept returns the intercept of Puhr et al. (2017)'s FLIC: the
// slopes are held fixed as an offset oᵣ = xᵣᵀβ and the intercept β₀ is
// re-estimated by maximum likelihood, which solves
//
//	Σᵣ nᵣ pᵣ(β₀) = Σᵣ aᵣ,
//
// so that the mean predicted probability equals the observed base rate.
// The root exists when both outcomes occur; it is found by Newton's method
// safeguarded by bisection, starting from start.
func flicIntercept(t *table, slopes []float64, start, tol float64) float64 {
	p := t.p
	off := make([]float64, t.len())
	for r := range off {
		x := t.x[r*p : r*p+p]
		var o float64
		for j, v := range x {
			o += slopes[j] * v
		}
		off[r] = o
	}
	f := func(b0 float64) (g, dg float64) {
		g = t.wWon
		for r, o := range off {
			eta := b0 + o
			e := math.Exp(-math.Abs(eta))
			prob := 1 / (1 + e)
			if eta < 0 {
				prob = e / (1 + e)
			}
			g -= t.n[r] * prob
			dg -= t.n[r] * e / ((1 + e) * (1 + e))
		}
		return g, dg
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	b := start
	for range 200 {
		g, dg := f(b)
		if g == 0 {
			return b
		}
		if g > 0 {
			lo = b
		} else {
			hi = b
		}
		next := b - g/dg
		if dg == 0 || math.IsNaN(next) || next <= lo || next >= hi {
			switch {
			case math.IsInf(hi, 1):
				next = lo + math.Max(1, math.Abs(lo))
			case math.IsInf(lo, -1):
				next = hi - math.Max(1, math.Abs(hi))
			default:
				next = lo + (hi-lo)/2
			}
		}
		if math.Abs(next-b) <= tol*(1+math.Abs(b)) {
			return next
		}
		b = next
	}
	return b
}
