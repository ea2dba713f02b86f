package logit

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

const (
	// maxHalvings bounds the step-halvings of one Newton iteration.
	maxHalvings = 30
	// objNoise is the relative decrease of the objective accepted as
	// rounding noise when a step is tried.
	objNoise = 1e-13
	// curvature is the constant of the curvature condition on a step δ:
	// ∇ℓ*(β+δ)ᵀδ ≥ −curvature·∇ℓ*(β)ᵀδ.
	curvature = 0.9
)

// Reasons a fit stopped.
const (
	reasonConverged = "converged"
	reasonIterLimit = "iteration limit"
	reasonSeparated = "separation: estimates diverge"
	reasonSingular  = "singular information matrix"
	reasonHalving   = "step-halving found no improvement"
)

// solver holds the two states Newton's method alternates between and the
// scratch for steps with one coefficient held fixed.
type solver struct {
	pr         *problem
	cur, trial *state
	step       []float64
	next       []float64
	sub        *mat.SymDense // information without the fixed row and column
	subChol    mat.Cholesky
	subRHS     *mat.VecDense
	subStep    *mat.VecDense
}

func (pr *problem) newSolver() *solver {
	k := pr.k
	sv := &solver{pr: pr, cur: pr.newState(), trial: pr.newState(), step: make([]float64, k), next: make([]float64, k)}
	if k > 1 {
		sv.sub = mat.NewSymDense(k-1, nil)
		sv.subRHS = mat.NewVecDense(k-1, nil)
		sv.subStep = mat.NewVecDense(k-1, nil)
	}
	return sv
}

// newtonResult is how a run of Newton's method ended.
type newtonResult struct {
	iterations int
	converged  bool
	reason     string
}

// newton maximizes the objective from start by Newton's method with the
// expected information (Fisher scoring, which is Newton's method for ML
// and Ridge and the quasi-Newton scheme of logistf for Firth), halving
// steps that do not increase the objective. When fixed ≥ 0 coefficient
// fixed stays at start[fixed], as profiling needs.
//
// It stops when every step component satisfies |Δβⱼ| ≤ tol·(1+|βⱼ|) and
// the objective changes by at most tol·(|objective|+0.05), the deviance
// criterion of R's glm.control. When separated is true the ML estimate
// does not exist, and the objective criterion alone ends the run, as it
// ends R's glm. The final state is in sv.cur.
func (sv *solver) newton(start []float64, fixed, maxIter int, tol float64, separated bool) newtonResult {
	pr := sv.pr
	cur := sv.cur
	if !pr.evaluate(cur, start, true) {
		return newtonResult{reason: reasonSingular}
	}
	for it := 1; it <= maxIter; it++ {
		if !sv.solveStep(fixed) {
			return newtonResult{iterations: it - 1, reason: reasonSingular}
		}
		small := true
		for j, d := range sv.step {
			if math.Abs(d) > tol*(1+math.Abs(cur.beta[j])) {
				small = false
				break
			}
		}
		// slope is the derivative of the objective along the step at
		// the current point, gᵀI⁻¹g > 0.
		var slope float64
		for j, d := range sv.step {
			slope += cur.grad[j] * d
		}
		beta := sv.next
		accepted := false
		for h := 0; h <= maxHalvings; h++ {
			for j, b := range cur.beta {
				beta[j] = b + sv.step[j]
			}
			ok := pr.evaluate(sv.trial, beta, true)
			if ok && small {
				accepted = true
				break
			}
			if ok && sv.trial.obj >= cur.obj-objNoise*(1+math.Abs(cur.obj)) {
				// Curvature condition: the step must not overshoot the
				// maximum along its line by as much as it climbed, which
				// stops the two-cycles Fisher scoring can fall into for
				// Firth's penalty.
				var trialSlope float64
				for j, d := range sv.step {
					trialSlope += sv.trial.grad[j] * d
				}
				if trialSlope >= -curvature*slope {
					accepted = true
					break
				}
			}
			for j := range sv.step {
				sv.step[j] /= 2
			}
			slope /= 2
		}
		if !accepted {
			return newtonResult{iterations: it, converged: small, reason: reasonHalving}
		}
		change := math.Abs(sv.trial.obj - cur.obj)
		sv.cur, sv.trial = sv.trial, sv.cur
		cur = sv.cur
		objSmall := change <= tol*(math.Abs(cur.obj)+0.05)
		if small && objSmall {
			return newtonResult{iterations: it, converged: true, reason: reasonConverged}
		}
		if separated && objSmall {
			return newtonResult{iterations: it, reason: reasonSeparated}
		}
	}
	return newtonResult{iterations: maxIter, reason: reasonIterLimit}
}

// solveStep sets sv.step to I⁻¹g for the current state, with the fixed
// coordinate (if any) held at zero. It reports whether the information
// was positive definite.
func (sv *solver) solveStep(fixed int) bool {
	cur, k := sv.cur, sv.pr.k
	if fixed < 0 {
		if !cur.cholOK {
			return false
		}
		g := mat.NewVecDense(k, cur.grad)
		d := mat.NewVecDense(k, sv.step)
		err := cur.chol.SolveVecTo(d, g)
		return err == nil || isCondition(err)
	}
	for j := range sv.step {
		sv.step[j] = 0
	}
	if k == 1 {
		return true
	}
	src := cur.info.RawSymmetric()
	dst := sv.sub.RawSymmetric()
	for a, ia := 0, 0; a < k; a++ {
		if a == fixed {
			continue
		}
		for b, ib := a, ia; b < k; b++ {
			if b == fixed {
				continue
			}
			dst.Data[ia*dst.Stride+ib] = src.Data[a*src.Stride+b]
			ib++
		}
		sv.subRHS.SetVec(ia, cur.grad[a])
		ia++
	}
	if !sv.subChol.Factorize(sv.sub) {
		return false
	}
	if err := sv.subChol.SolveVecTo(sv.subStep, sv.subRHS); err != nil && !isCondition(err) {
		return false
	}
	for a, ia := 0, 0; a < k; a++ {
		if a == fixed {
			continue
		}
		sv.step[a] = sv.subStep.AtVec(ia)
		ia++
	}
	return true
}

func isCondition(err error) bool {
	_, ok := err.(mat.Condition)
	return ok
}
