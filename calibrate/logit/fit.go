package logit

import (
	"fmt"
	"math"
	"strings"
)

// minEventsPerPredictor is the rule of thumb (Peduzzi et al. 1996) below
// which Fit warns: fewer than 10 cases of the rarer outcome per predictor.
const minEventsPerPredictor = 10

// InterceptName is the Name of Result.Intercept.
const InterceptName = "(Intercept)"

// Coef is one fitted coefficient on the log-odds scale.
type Coef struct {
	Name     string
	Estimate float64
	// StdError is √ of the diagonal of the inverse information at the
	// estimate (for Ridge, of the penalized information I + λD).
	StdError float64
	// Z = Estimate/StdError and PValue = 2(1 − Φ(|Z|)) are Wald
	// statistics whatever the interval kind.
	Z, PValue float64
	// CILow and CIHigh bound the confidence interval of Settings.Level,
	// profile-likelihood or Wald as Result.Interval says.
	CILow, CIHigh float64
	// OddsRatio = exp(Estimate), clamped to math.MaxFloat64.
	OddsRatio float64
	// Aliased reports a predictor that is constant or a linear
	// combination of the intercept and earlier predictors (R's glm
	// reports NA for it). ML and Firth leave it out of the fit: its
	// Estimate, StdError, Z and interval are 0, PValue is 1 and OddsRatio
	// is 1. Ridge fits it.
	Aliased bool
}

// Result is a fitted logistic regression.
//
// Every float in a Result is finite.
type Result struct {
	Method Method
	// N, Won and Lost are total case weights.
	N, Won, Lost float64
	// Rows is the number of distinct (x, won) rows after merging.
	Rows int

	Intercept    Coef
	Coefficients []Coef // in the order of Design.Names

	// AdjustedIntercept is, for Firth, the FLIC intercept of Puhr et al.
	// (2017): the intercept re-fitted by maximum likelihood with the
	// slopes fixed as an offset, so that the mean predicted probability
	// equals the observed base rate (Firth's estimates shrink it towards
	// ½). For ML and Ridge it equals Intercept.Estimate. Predict and
	// Linear use it.
	AdjustedIntercept float64

	// LogLikelihood is the unpenalized log-likelihood at the estimate,
	//
	//	ℓ(β̂) = Σᵢ wᵢ (yᵢ log p̂ᵢ + (1−yᵢ) log(1−p̂ᵢ)),
	//
	// Deviance = −2ℓ(β̂), NullDeviance = −2ℓ of the intercept-only ML
	// model, and AIC = Deviance + 2·(number of fitted parameters), all as
	// R's glm reports them for 0/1 outcomes with case weights.
	LogLikelihood, Deviance, NullDeviance, AIC float64

	Iterations int
	Converged  bool
	Reason     string // "converged", "iteration limit", "separation: estimates diverge", ...

	Separation Separation
	// SeparatedBy names the predictors without which the data would not
	// be separated, when there are such.
	SeparatedBy []string
	// Warnings are caveats that do not stop the fit: separation, constant,
	// identical or aliased predictors, too few events per predictor,
	// non-convergence, unreliable standard errors or intervals.
	Warnings []string
	// Interval is "profile" or "wald".
	Interval string
}

// Fit fits a logistic regression of d.Won on an intercept and the
// predictors of d, with case weights, by the method of s:
//
//	P(won | x) = 1 / (1 + exp(−(β₀ + Σⱼ βⱼxⱼ))).
//
// Identical predictor rows are merged first, so the cost per iteration is
// O(m p²) for m distinct rows. The estimate maximizes the objective of
// s.Method by Newton's method with step-halving; see Method.
//
// Fit returns an error wrapping ErrEmpty when no case has positive weight,
// ErrNoVariation when every case won or every case lost, ErrSettings for
// invalid settings, and a *DataError (wrapping ErrNonFinite or
// ErrNegativeWeight) for a NaN or infinite value or a negative weight.
// Constant, identical and aliased predictors, separation and
// non-convergence give a finite Result with Warnings instead. Fit panics
// if len(d.X) != len(d.Won)*len(d.Names) or d.Weight is neither nil nor
// of length len(d.Won). It does not modify d.
func Fit(d Design, s Settings) (*Result, error) {
	s, err := s.resolve()
	if err != nil {
		return nil, err
	}
	t, err := merge(d)
	if err != nil {
		return nil, err
	}
	switch {
	case t.len() == 0:
		return nil, fmt.Errorf("logit: %d cases: %w", len(d.Won), ErrEmpty)
	case t.wLost == 0:
		return nil, fmt.Errorf("logit: all %d cases won: %w", len(d.Won), ErrNoVariation)
	case t.wWon == 0:
		return nil, fmt.Errorf("logit: all %d cases lost: %w", len(d.Won), ErrNoVariation)
	}
	if math.IsInf(t.wWon+t.wLost, 0) {
		return nil, fmt.Errorf("logit: total weight overflows: %w", ErrNonFinite)
	}
	scales := t.scale()
	res := &Result{
		Method: s.Method,
		N:      t.wWon + t.wLost,
		Won:    t.wWon,
		Lost:   t.wLost,
		Rows:   t.rows,
	}
	p0 := t.wWon / res.N
	res.NullDeviance = -2 * (t.wWon*math.Log(p0) + t.wLost*math.Log1p(-p0))

	cols := checkColumns(t, d.Names)
	res.Warnings = append(res.Warnings, cols.warnings...)
	fitCols := cols.keep
	if s.Method == Ridge {
		fitCols = make([]int, t.p)
		for j := range fitCols {
			fitCols[j] = j
		}
	}

	estimable := t.columns(cols.keep)
	res.Separation, err = separation(estimable)
	if err != nil {
		res.Warnings = append(res.Warnings, fmt.Sprintf("separation check failed: %v", err))
	}
	if res.Separation != None {
		for _, c := range separatingColumns(estimable) {
			res.SeparatedBy = append(res.SeparatedBy, d.Names[cols.keep[c]])
		}
		res.Warnings = append(res.Warnings, separationWarning(res.Separation, res.SeparatedBy, s.Method))
	}
	if events := math.Min(t.wWon, t.wLost); len(cols.keep) > 0 && events < minEventsPerPredictor*float64(len(cols.keep)) {
		rarer := "won"
		if t.wLost < t.wWon {
			rarer = "lost"
		}
		plural := "s"
		if len(cols.keep) == 1 {
			plural = ""
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("only %g %s cases for %d predictor%s, fewer than %d per predictor: estimates may be unstable",
			events, rarer, len(cols.keep), plural, minEventsPerPredictor))
	}

	ft := t.columns(fitCols)
	var penalty []float64
	if s.Method == Ridge {
		penalty = make([]float64, len(fitCols)+1)
		for c, j := range fitCols {
			// Capped so that adding it to the information cannot overflow.
			penalty[c+1] = math.Min(s.Lambda*(1/scales[j])*(1/scales[j]), math.MaxFloat64/4)
		}
	}
	pr := newProblem(ft, s.Method, penalty)
	sv := pr.newSolver()
	start := make([]float64, pr.k)
	start[0] = math.Log(p0 / (1 - p0))
	mlSeparated := s.Method == ML && res.Separation != None
	nr := sv.newton(start, -1, s.MaxIter, s.Tolerance, mlSeparated)
	res.Iterations, res.Converged, res.Reason = nr.iterations, nr.converged, nr.reason
	if !nr.converged && !mlSeparated {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%v fit did not converge: %s after %d iterations", s.Method, nr.reason, nr.iterations))
	}
	est := sv.cur
	if nr.iterations == 0 && !nr.converged {
		// Even the starting point failed; report the starting values.
		pr.evaluate(est, start, true)
	}
	beta := append([]float64(nil), est.beta...)
	objHat := est.obj
	res.LogLikelihood = est.ll
	res.Deviance = -2 * est.ll
	res.AIC = res.Deviance + 2*float64(pr.k)

	cov, exact := covariance(est)
	if !exact {
		res.Warnings = append(res.Warnings, "information matrix is numerically singular: standard errors are unreliable")
	}
	se := make([]float64, pr.k)
	for j := range se {
		se[j] = finite(math.Sqrt(cov.At(j, j)))
	}

	// unscale maps a parameter from the scaled coordinates of the fit
	// back to the caller's.
	unscale := func(j int, v float64) float64 {
		if j == 0 {
			return v
		}
		return finite(v / scales[fitCols[j-1]])
	}
	z := normalQuantile(s.Level)
	coefs := make([]Coef, pr.k)
	for j := range coefs {
		name := InterceptName
		if j > 0 {
			name = d.Names[fitCols[j-1]]
		}
		coefs[j] = Coef{Name: name, Estimate: unscale(j, beta[j]), StdError: unscale(j, se[j])}
		coefs[j].wald(z)
	}
	res.Interval = "wald"
	if s.profile() {
		res.Interval = "profile"
		bounds, found := pr.profileBounds(beta, objHat, cov, z, s, mlSeparated)
		for j := range coefs {
			side := [2]string{"lower", "upper"}
			for b := range 2 {
				if !found[j][b] {
					res.Warnings = append(res.Warnings, fmt.Sprintf("profile interval of %s: %s bound not found; Wald bound reported", coefs[j].Name, side[b]))
					continue
				}
				if b == 0 {
					coefs[j].CILow = unscale(j, bounds[j][b])
				} else {
					coefs[j].CIHigh = unscale(j, bounds[j][b])
				}
			}
		}
	}

	res.Intercept = coefs[0]
	res.AdjustedIntercept = beta[0]
	if s.Method == Firth {
		res.AdjustedIntercept = flicIntercept(ft, beta[1:], beta[0], s.Tolerance)
	}
	res.Coefficients = make([]Coef, t.p)
	for j, name := range d.Names {
		res.Coefficients[j] = Coef{Name: name, PValue: 1, OddsRatio: 1, Aliased: cols.aliased[j]}
	}
	for c, j := range fitCols {
		aliased := res.Coefficients[j].Aliased
		res.Coefficients[j] = coefs[c+1]
		res.Coefficients[j].Aliased = aliased
	}
	if err := res.checkFinite(); err != nil {
		return nil, err
	}
	return res, nil
}

// checkFinite guards the promise that every float of a Result is finite.
func (r *Result) checkFinite() error {
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }
	for _, c := range append([]Coef{r.Intercept}, r.Coefficients...) {
		for _, v := range []float64{c.Estimate, c.StdError, c.Z, c.PValue, c.CILow, c.CIHigh, c.OddsRatio} {
			if bad(v) {
				return fmt.Errorf("logit: %v fit: coefficient %s: %w", r.Method, c.Name, ErrNumerical)
			}
		}
	}
	for _, v := range []float64{r.AdjustedIntercept, r.LogLikelihood, r.Deviance, r.NullDeviance, r.AIC} {
		if bad(v) {
			return fmt.Errorf("logit: %v fit: %w", r.Method, ErrNumerical)
		}
	}
	return nil
}

func separationWarning(sep Separation, by []string, m Method) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v separation", sep)
	if len(by) > 0 {
		fmt.Fprintf(&b, " by %s", strings.Join(by, ", "))
	}
	switch m {
	case ML:
		b.WriteString(": maximum likelihood estimates do not exist and the reported ones are where the iterations stopped; use Firth")
	case Firth:
		b.WriteString(": maximum likelihood estimates would diverge; Firth's estimates are finite but driven by the penalty")
	case Ridge:
		b.WriteString(": maximum likelihood estimates would diverge; ridge estimates are finite but driven by the penalty")
	}
	return b.String()
}

// Linear returns the linear predictor (log-odds) of the predictor values
// x, in the order of Design.Names:
//
//	η = AdjustedIntercept + Σⱼ βⱼ xⱼ.
//
// It panics if len(x) != len(r.Coefficients).
func (r *Result) Linear(x []float64) float64 {
	if len(x) != len(r.Coefficients) {
		panic("logit: len(x) != len(Coefficients)")
	}
	eta := r.AdjustedIntercept
	for j, c := range r.Coefficients {
		eta += c.Estimate * x[j]
	}
	return eta
}

// Predict returns the predicted probability of winning, 1/(1+exp(−η))
// with η = r.Linear(x). NaN in x gives NaN.
func (r *Result) Predict(x []float64) float64 {
	eta := r.Linear(x)
	if eta >= 0 {
		return 1 / (1 + math.Exp(-eta))
	}
	e := math.Exp(eta)
	return e / (1 + e)
}
