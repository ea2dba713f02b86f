package metric

import (
	"fmt"
	"math"
)

// Newton iteration settings of CalibrationSlope.
const (
	// newtonTol stops the iteration when every component of the full Newton
	// step is smaller than this, on the logit scale.
	newtonTol = 1e-10
	// newtonMaxIter bounds the Newton iterations of each fit.
	newtonMaxIter = 100
	// newtonMaxHalvings bounds the step halvings within one iteration.
	newtonMaxHalvings = 60
	// newtonSlack is the relative fall in log-likelihood a step may cause
	// and still be taken without halving, so that rounding near the
	// optimum does not stall the iteration.
	newtonSlack = 1e-12
)

// CalibrationSlope fits the two logistic recalibration models (Cox 1958,
// Biometrika 45:562–565; Steyerberg, Clinical Prediction Models) by
// maximum weighted likelihood, with xᵢ = logit(pᵢ) = ln(pᵢ/(1-pᵢ)) and
// yᵢ = 1 for a won deal:
//
//	calibration-in-the-large:  logit P(yᵢ=1) = intercept + xᵢ        (xᵢ as offset)
//	calibration slope:         logit P(yᵢ=1) = a + slope·xᵢ
//
// A well-calibrated model has intercept 0 and slope 1. An intercept below
// 0 means the predictions are too high on average; a slope below 1 means
// they are too extreme (overfitting), above 1 too modest. The intercept of
// the slope model, a, is not returned. Both fits use Newton's method with
// step halving, started from perfect calibration, and stop when the
// largest Newton step is below 1e-10 or after 100 iterations.
//
// pred must hold probabilities strictly between 0 and 1, since logit(0)
// and logit(1) are infinite. w holds optional non-negative case weights;
// nil means all 1. CalibrationSlope panics if the lengths differ.
//
// Errors: a *ValueError wrapping ErrInvalid for a NaN prediction, one
// outside (0, 1), or a negative, NaN or +Inf weight; ErrNoWeight when the
// weights sum to 0 (including empty input); ErrOneClass when all weighted
// deals were won or all lost. In these cases both numbers are NaN. When
// the intercept was fitted but the slope cannot be, intercept is returned
// with slope NaN and an error wrapping ErrConstant (all predictions
// equal), ErrSeparation (every won deal is predicted at least as high as
// every lost deal, or the reverse, so the slope is infinite) or
// ErrNotConverged.
func CalibrationSlope(pred []float64, won []bool, w []float64) (intercept, slope float64, err error) {
	checkLen("CalibrationSlope", pred, won, w)
	nan := math.NaN()
	if err := checkRows(pred, w, func(p float64) bool { return p > 0 && p < 1 }); err != nil {
		return nan, nan, fmt.Errorf("metric: calibration slope: %w", err)
	}
	var d logitData
	var wPos, wNeg float64
	for i, p := range pred {
		wi := weightAt(w, i)
		if wi == 0 {
			continue
		}
		d.x = append(d.x, math.Log(p)-math.Log1p(-p))
		d.y = append(d.y, won[i])
		d.w = append(d.w, wi)
		if won[i] {
			wPos += wi
		} else {
			wNeg += wi
		}
	}
	switch {
	case wPos+wNeg == 0:
		return nan, nan, fmt.Errorf("metric: calibration slope: %w", ErrNoWeight)
	case wPos == 0 || wNeg == 0:
		return nan, nan, fmt.Errorf("metric: calibration slope: %w", ErrOneClass)
	}

	intercept, iter, ok := d.fitIntercept()
	if !ok {
		return nan, nan, fmt.Errorf("metric: calibration intercept: stopped after %d iterations: %w", iter, ErrNotConverged)
	}
	if err := d.slopeDefined(); err != nil {
		return intercept, nan, fmt.Errorf("metric: calibration slope: %w", err)
	}
	_, slope, iter, ok = d.fitSlope()
	if !ok {
		return intercept, nan, fmt.Errorf("metric: calibration slope: stopped after %d iterations: %w", iter, ErrNotConverged)
	}
	return intercept, slope, nil
}

// logitData holds the rows with positive weight, predictions on the logit
// scale.
type logitData struct {
	x []float64
	y []bool
	w []float64
}

// loglik returns the weighted log-likelihood of logit P(y=1) = a + b·x.
func (d *logitData) loglik(a, b float64) float64 {
	var ll float64
	for i, x := range d.x {
		eta := a + b*x
		if d.y[i] {
			ll += d.w[i] * (eta - softplus(eta))
		} else {
			ll -= d.w[i] * softplus(eta)
		}
	}
	return ll
}

// fitIntercept maximises loglik(a, 1) over a.
func (d *logitData) fitIntercept() (a float64, iter int, ok bool) {
	ll := d.loglik(a, 1)
	for iter = 1; iter <= newtonMaxIter; iter++ {
		var g, h float64
		for i, x := range d.x {
			p := sigmoid(a + x)
			r := -p
			if d.y[i] {
				r = 1 - p
			}
			g += d.w[i] * r
			h += d.w[i] * p * (1 - p)
		}
		if !(h > 0) {
			return a, iter, false
		}
		step := g / h
		if math.Abs(step) < newtonTol {
			return a + step, iter, true
		}
		var t float64
		t, ll = d.lineSearch(a, 1, step, 0, ll)
		a += t * step
	}
	return a, newtonMaxIter, false
}

// slopeDefined reports why the slope model has no finite estimate, if so.
func (d *logitData) slopeDefined() error {
	minPos, maxPos := math.Inf(1), math.Inf(-1)
	minNeg, maxNeg := math.Inf(1), math.Inf(-1)
	for i, x := range d.x {
		if d.y[i] {
			minPos, maxPos = min(minPos, x), max(maxPos, x)
		} else {
			minNeg, maxNeg = min(minNeg, x), max(maxNeg, x)
		}
	}
	switch {
	case min(minPos, minNeg) == max(maxPos, maxNeg):
		return ErrConstant
	case minPos >= maxNeg || maxPos <= minNeg:
		return ErrSeparation
	}
	return nil
}

// fitSlope maximises loglik(a, b) over a and b.
func (d *logitData) fitSlope() (a, b float64, iter int, ok bool) {
	b = 1
	ll := d.loglik(a, b)
	for iter = 1; iter <= newtonMaxIter; iter++ {
		// Score g and Fisher information [[i00, i01], [i01, i11]].
		var g0, g1, i00, i01, i11 float64
		for i, x := range d.x {
			p := sigmoid(a + b*x)
			r := -p
			if d.y[i] {
				r = 1 - p
			}
			v := d.w[i] * p * (1 - p)
			g0 += d.w[i] * r
			g1 += d.w[i] * r * x
			i00 += v
			i01 += v * x
			i11 += v * x * x
		}
		det := i00*i11 - i01*i01
		if !(det > 0) {
			return a, b, iter, false
		}
		da := (i11*g0 - i01*g1) / det
		db := (i00*g1 - i01*g0) / det
		if math.Abs(da) < newtonTol && math.Abs(db) < newtonTol {
			return a + da, b + db, iter, true
		}
		var t float64
		t, ll = d.lineSearch(a, b, da, db, ll)
		a, b = a+t*da, b+t*db
	}
	return a, b, newtonMaxIter, false
}

// lineSearch returns the first t of 1, ½, ¼, … for which the
// log-likelihood at (a, b) + t·(da, db) is not below ll (up to rounding,
// newtonSlack), and that log-likelihood; after newtonMaxHalvings halvings
// it returns the last t.
func (d *logitData) lineSearch(a, b, da, db, ll float64) (t, nll float64) {
	t = 1
	floor := ll - newtonSlack*(1+math.Abs(ll))
	for range newtonMaxHalvings {
		if nll = d.loglik(a+t*da, b+t*db); nll >= floor {
			return t, nll
		}
		t /= 2
	}
	return t, d.loglik(a+t*da, b+t*db)
}

// sigmoid returns 1/(1+e⁻ᵗ) without overflow.
func sigmoid(t float64) float64 {
	if t >= 0 {
		return 1 / (1 + math.Exp(-t))
	}
	e := math.Exp(t)
	return e / (1 + e)
}

// softplus returns ln(1+eᵗ) without overflow.
func softplus(t float64) float64 {
	return max(t, 0) + math.Log1p(math.Exp(-math.Abs(t)))
}
