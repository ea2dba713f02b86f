package logit

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// eigenFloor is the smallest eigenvalue, relative to the largest, kept
// when a numerically singular information matrix is inverted through its
// eigendecomposition.
const eigenFloor = 0x1p-52

// covariance returns the inverse of the information matrix of st (for
// Ridge, the penalized information I + λD), whose diagonal holds the
// squared standard errors. When the matrix is numerically singular it is
// inverted through its eigendecomposition with eigenvalues floored at
// eigenFloor times the largest, and exact reports false.
func covariance(st *state) (cov *mat.SymDense, exact bool) {
	k := st.info.SymmetricDim()
	cov = mat.NewSymDense(k, nil)
	if st.cholOK {
		if err := st.chol.InverseTo(cov); err == nil || isCondition(err) {
			ok := true
			for j := 0; j < k; j++ {
				if v := cov.At(j, j); !(v > 0) || math.IsInf(v, 0) {
					ok = false
				}
			}
			if ok {
				return cov, err == nil
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(st.info, true) {
		for j := 0; j < k; j++ {
			cov.SetSym(j, j, math.MaxFloat64)
		}
		return cov, false
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	floor := eigenFloor * math.Max(vals[len(vals)-1], math.SmallestNonzeroFloat64)
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			var s float64
			for i, v := range vals {
				s += vecs.At(a, i) * vecs.At(b, i) / math.Max(v, floor)
			}
			cov.SetSym(a, b, s)
		}
	}
	return cov, false
}

// normalQuantile returns the (1+level)/2 quantile z of the standard
// normal: estimate ± z·SE is the Wald interval of that level.
func normalQuantile(level float64) float64 {
	return distuv.UnitNormal.Quantile((1 + level) / 2)
}

// wald fills the Wald statistics of c from its estimate and standard
// error:
//
//	Z = β/SE,  PValue = 2(1 − Φ(|Z|)),  CI = β ± z·SE.
func (c *Coef) wald(z float64) {
	c.Z = c.Estimate / c.StdError
	c.PValue = math.Erfc(math.Abs(c.Z) / math.Sqrt2)
	c.CILow = finite(c.Estimate - z*c.StdError)
	c.CIHigh = finite(c.Estimate + z*c.StdError)
	c.OddsRatio = finite(math.Exp(c.Estimate))
}

// finite clamps ±Inf to ±MaxFloat64.
func finite(v float64) float64 {
	switch {
	case math.IsInf(v, 1):
		return math.MaxFloat64
	case math.IsInf(v, -1):
		return -math.MaxFloat64
	}
	return v
}
