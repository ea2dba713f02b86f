package logit

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// weightFloor bounds the IRLS working weight pᵢ(1−pᵢ) from below, as R's
// binomial()$mu.eta bounds dμ/dη by DBL_EPSILON. It keeps the information
// matrix positive definite while ML estimates diverge under separation
// and only changes fits whose linear predictor exceeds ±36.
const weightFloor = 0x1p-52

// problem is a merged design together with the objective being maximized:
//
//	ML:    ℓ(β)
//	Firth: ℓ(β) + ½ log det I(β)
//	Ridge: ℓ(β) − λ/2 Σⱼ≥₁ βⱼ²
//
// where, for distinct rows r with won weight aᵣ, lost weight bᵣ,
// nᵣ = aᵣ + bᵣ and pᵣ = 1/(1+exp(−x̃ᵣᵀβ)), x̃ᵣ = (1, xᵣ),
//
//	ℓ(β) = Σᵣ aᵣ log pᵣ + bᵣ log(1−pᵣ)
//	I(β) = Σᵣ nᵣ pᵣ(1−pᵣ) x̃ᵣ x̃ᵣᵀ.
//
// For Ridge the penalty is ½ Σⱼ penalty[j] βⱼ², penalty[0] = 0, which is
// λ/2 Σⱼ≥₁ βⱼ² on the caller's scale when the columns of t were divided by
// sⱼ and penalty[j] = λ/sⱼ².
type problem struct {
	t       *table
	k       int // parameters: intercept and t.p slopes
	method  Method
	penalty []float64
}

func newProblem(t *table, method Method, penalty []float64) *problem {
	return &problem{t: t, k: t.p + 1, method: method, penalty: penalty}
}

// state is the objective and its derivatives at beta. Its buffers are
// allocated once and reused across iterations.
type state struct {
	beta []float64
	ll   float64 // unpenalized log-likelihood
	obj  float64 // objective (penalized log-likelihood)
	grad []float64
	info *mat.SymDense // I(β), plus λ on the slopes for Ridge
	chol mat.Cholesky  // of info, when cholOK
	// cholOK reports whether info is numerically positive definite.
	cholOK bool
	prob   []float64 // pᵣ
	wv     []float64 // nᵣ max(pᵣ(1−pᵣ), weightFloor)
	z      []float64 // scratch of length k
}

func (pr *problem) newState() *state {
	m, k := pr.t.len(), pr.k
	return &state{
		beta: make([]float64, k),
		grad: make([]float64, k),
		info: mat.NewSymDense(k, nil),
		prob: make([]float64, m),
		wv:   make([]float64, m),
		z:    make([]float64, k),
	}
}

// evaluate sets st to the objective at beta (copied) and, unless only the
// objective is wanted, its gradient. It reports whether the objective is
// finite; a Firth objective is −∞ where I(β) is singular.
//
// One pass over the rows accumulates ℓ, the score Σᵣ (aᵣ − nᵣpᵣ) x̃ᵣ and
// the upper triangle of I(β). Firth needs a second pass for the hat values
// (see firthGradient).
func (pr *problem) evaluate(st *state, beta []float64, withGrad bool) bool {
	t, k, p := pr.t, pr.k, pr.t.p
	copy(st.beta, beta)
	info := st.info.RawSymmetric()
	h := info.Data
	for i := range h {
		h[i] = 0
	}
	grad := st.grad
	for i := range grad {
		grad[i] = 0
	}
	b0, b := beta[0], beta[1:k]
	var ll float64
	for r := 0; r < t.len(); r++ {
		x := t.x[r*p : r*p+p]
		eta := b0
		for j, v := range x {
			eta += b[j] * v
		}
		// Stable forms with e = exp(−|η|) ≤ 1.
		e := math.Exp(-math.Abs(eta))
		l1 := math.Log1p(e)
		var prob, logP, logQ float64
		if eta >= 0 {
			prob = 1 / (1 + e)
			logP, logQ = -l1, -eta-l1
		} else {
			prob = e / (1 + e)
			logP, logQ = eta-l1, -l1
		}
		won, lost, n := t.won[r], t.lost[r], t.n[r]
		if won > 0 {
			ll += won * logP
		}
		if lost > 0 {
			ll += lost * logQ
		}
		v := e / ((1 + e) * (1 + e))
		if v < weightFloor {
			v = weightFloor
		}
		wv := n * v
		st.prob[r] = prob
		st.wv[r] = wv
		res := won - n*prob
		grad[0] += res
		h[0] += wv
		h0 := h[1:k]
		for j, v := range x {
			grad[1+j] += res * v
			h0[j] += wv * v
		}
		for a, va := range x {
			wa := wv * va
			row := h[(a+1)*k+a+1 : (a+1)*k+k]
			xa := x[a:]
			row = row[:len(xa)]
			for c, vc := range xa {
				row[c] += wa * vc
			}
		}
	}
	st.ll = ll
	st.obj = ll
	if pr.method == Ridge {
		for j := 1; j < k; j++ {
			pen := pr.penalty[j]
			h[j*k+j] += pen
			grad[j] -= pen * beta[j]
			st.obj -= pen / 2 * beta[j] * beta[j]
		}
	}
	st.cholOK = st.chol.Factorize(st.info)
	if pr.method == Firth {
		if !st.cholOK {
			st.obj = math.Inf(-1)
			return false
		}
		st.obj += st.chol.LogDet() / 2
		if withGrad {
			pr.firthGradient(st)
		}
	}
	return !math.IsNaN(st.obj) && !math.IsInf(st.obj, 0)
}
