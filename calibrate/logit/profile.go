package logit

import (
	"math"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/mat"
)

const (
	// profileMaxEval bounds the constrained fits spent on one bound.
	profileMaxEval = 60
	// profileTol is the accepted error of the signed root statistic at a
	// bound: |r(c) − z| ≤ profileTol.
	profileTol = 1e-9
	// profileMaxWidth bounds the search: a bound farther from the
	// estimate than profileMaxWidth·(1 + |β̂ⱼ| + z·SEⱼ) is not found.
	profileMaxWidth = 1e3
	// epsilon is the float64 machine epsilon; a bracket narrower than a
	// few ulps of the bound ends the search.
	epsilon = 0x1p-52
)

// profileBounds returns profile-likelihood bounds for every parameter:
// the set
//
//	{ c : 2 (ℓ*(β̂) − max_{βⱼ = c} ℓ*(β)) ≤ z² },
//
// ℓ* being the objective of the method (for Firth the penalized
// likelihood with the penalty of the full model, as logistf profiles
// it). Each bound is a root of the signed root statistic
// r(c) = √(2(ℓ*(β̂) − ℓ*ₚ(c))) = z, which is nearly linear in c, found by
// the secant method safeguarded by bisection; each evaluation is a fit
// with βⱼ held at c, started from the previous one. found[j][0] and
// found[j][1] report whether the lower and upper bound were found.
// Parameters are profiled in parallel.
//
// Starting values follow the linear approximation of the profile trace,
// β(c) ≈ β̂ + (c − β̂ⱼ) Σ₍·ⱼ₎/Σⱼⱼ with Σ = cov (the inverse information).
func (pr *problem) profileBounds(est []float64, objHat float64, cov *mat.SymDense, z float64, s Settings, separated bool) (bounds [][2]float64, found [][2]bool) {
	k := pr.k
	bounds = make([][2]float64, k)
	found = make([][2]bool, k)
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), 2*k)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sv := pr.newSolver()
			warm := make([]float64, k)
			trace := make([]float64, k)
			for job := range jobs {
				j, side := job/2, job%2
				dir := float64(2*side - 1)
				sjj := cov.At(j, j)
				for a := range trace {
					trace[a] = cov.At(a, j) / sjj
				}
				bounds[j][side], found[j][side] = sv.bound(est, objHat, j, dir, math.Sqrt(sjj), z, s, separated, warm, trace)
			}
		}()
	}
	for job := 0; job < 2*k; job++ {
		jobs <- job
	}
	close(jobs)
	wg.Wait()
	return bounds, found
}

// bound searches for the profile bound of parameter j in direction dir
// (±1). See profileBounds.
func (sv *solver) bound(est []float64, objHat float64, j int, dir, se, z float64, s Settings, separated bool, warm, trace []float64) (float64, bool) {
	copy(warm, est)
	last := 0.0 // distance from the estimate of the fit in warm
	step := z * se
	if !(step > 0) || math.IsInf(step, 0) {
		step = 1
	}
	limit := profileMaxWidth * (1 + math.Abs(est[j]) + step)
	tPrev, rPrev := 0.0, 0.0
	tLo, tHi := 0.0, math.Inf(1)
	t := step
	for range profileMaxEval {
		for a, v := range trace {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				warm[a] += dir * (t - last) * v
			}
		}
		warm[j] = est[j] + dir*t
		sv.newton(warm, j, s.MaxIter, s.Tolerance, separated)
		copy(warm, sv.cur.beta)
		last = t
		d := 2 * (objHat - sv.cur.obj)
		if math.IsNaN(d) {
			return 0, false
		}
		r := math.Sqrt(math.Max(d, 0))
		if math.Abs(r-z) <= profileTol {
			return est[j] + dir*t, true
		}
		if r < z {
			tLo = t
		} else {
			tHi = t
		}
		var next float64
		if slope := (r - rPrev) / (t - tPrev); slope > 0 {
			next = t + (z-r)/slope
		} else {
			next = 2 * t
		}
		if math.IsInf(tHi, 1) {
			next = math.Min(math.Max(next, t), 4*t)
			if next > limit {
				return 0, false
			}
		} else {
			if !(next > tLo && next < tHi) {
				next = tLo + (tHi-tLo)/2
			}
			if tHi-tLo <= 4*epsilon*(1+math.Abs(est[j])+t) {
				return est[j] + dir*next, true
			}
		}
		tPrev, rPrev, t = t, r, next
	}
	return 0, false
}
