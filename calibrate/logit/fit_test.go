package logit_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// refTol is the relative tolerance of estimates and standard errors
// against R.
const refTol = 1e-6

// profileTol is the relative tolerance of profile-likelihood bounds
// against the R computation by hand.
const profileTol = 1e-3

// ref is one coefficient of an R reference fit.
type ref struct {
	Name               string
	Estimate, StdError float64
}

// refs returns the intercept and coefficients of r as refs.
func refs(r *logit.Result) []ref {
	var out []ref
	for _, c := range append([]logit.Coef{r.Intercept}, r.Coefficients...) {
		out = append(out, ref{c.Name, c.Estimate, c.StdError})
	}
	return out
}

// R 4.2.2, simDesign written to sim.csv (won,fit,size,intent,points):
//
//	glm(won ~ ., data = d, family = binomial,
//	    control = glm.control(epsilon = 1e-14, maxit = 100))
var (
	simML = []ref{
		{"(Intercept)", -1.77682953012258, 0.327531442587046},
		{"fit", 2.39807425077991, 0.367022947752537},
		{"size", -0.317036191892561, 0.0724999571989121},
		{"intent", 0.940091965895162, 0.201670894613183},
		{"points", 0.254301567120601, 0.0597411415091026},
	}
	simMLLogLik       = -294.122123626349
	simMLNullDeviance = 689.943758458399
	simMLAIC          = 598.244247252698
)

// R 4.2.2 with brglm2 0.9, same data:
//
//	glm(won ~ ., data = d, family = binomial, method = "brglmFit",
//	    type = "AS_mean", control = brglmControl(epsilon = 1e-14, maxit = 1000))
//
// Standard errors are summary()'s, from the inverse expected information.
var (
	simFirth = []ref{
		{"(Intercept)", -1.75446480248783, 0.326461831243992},
		{"fit", 2.36699510170432, 0.365717753083716},
		{"size", -0.312929877879649, 0.0722892328243003},
		{"intent", 0.929278151062614, 0.201151993640738},
		{"points", 0.251066034580977, 0.0595717620470494},
	}
	simFirthLogLik = -294.12855276756
)

// R 4.2.2, same data, ridge with λ = 1 on the slopes by Newton's method
// to a gradient below 1e-13, SE = sqrt(diag(solve(X'WX + λD))):
//
//	for (i in 1:50) { p <- plogis(X %*% b)
//	  b <- b + solve(crossprod(X * sqrt(p*(1-p))) + D, crossprod(X, y-p) - D %*% b) }
var simRidge = []ref{
	{"(Intercept)", -1.61372148758769, 0.313879054211849},
	{"fit", 2.11160925081295, 0.337103946022841},
	{"size", -0.306285147825801, 0.071193412408663},
	{"intent", 0.886966577262802, 0.194827640452656},
	{"points", 0.248524898132196, 0.0588245045726883},
}

// R 4.2.2 with brglm2 0.9 on testdata/endometrial.csv (HG ~ NV + PI + EH),
// the brglmFit call above. They agree with the published Firth fit
// (Heinze & Schemper 2002, Table III; brglm2's vignette): (Intercept)
// 3.775, NV 2.929, PI −0.0347, EH −2.604.
var (
	endoFirth = []ref{
		{"(Intercept)", 3.77455971364711, 1.48869166343567},
		{"NV", 2.92927335319712, 1.55076372945305},
		{"PI", -0.0347517598704366, 0.0395781473477635},
		{"EH", -2.60416392529368, 0.776017642501567},
	}
	endoFirthLogLik = -28.287697325521
)

// Profile penalized-likelihood 95% intervals of the endometrial Firth
// fit, as logistf computes them, by hand in R 4.2.2: for βⱼ = c the other
// coefficients maximize ℓ + ½ log det(XᵀWX) (optim BFGS with the
// analytic modified score, reltol 1e-15), and uniroot (tol 1e-12) solves
// 2(ℓ*(β̂) − ℓ*ₚ(c)) = qchisq(0.95, 1). NV's agrees with logistf's
// published (0.6097, 7.8546) (Heinze & Schemper 2002).
var endoProfile = [][2]float64{
	{1.082537108, 7.209280498},
	{0.6097244363, 7.854631714},
	{-0.1244587209, 0.04045547318},
	{-4.365183247, -1.232721057},
}

// R 4.2.2 glm (epsilon 1e-14) on endometrial: NV diverges (R stops at
// 32.19 with SE 1.9e7 and warns "fitted probabilities numerically 0 or 1
// occurred") but the other coefficients and the log-likelihood converge.
var (
	endoMLFinite = []ref{
		{"(Intercept)", 4.30451778305782, 1.63729864184595},
		{"PI", -0.0421834032567899, 0.0443319653185221},
		{"EH", -2.90260561377758, 0.845551562100502},
	}
	endoMLLogLik = -27.6966301785906
)

func approx(tol float64) cmp.Option { return cmpopts.EquateApprox(tol, 0) }

func TestFitMatchesR(t *testing.T) {
	tests := []struct {
		name   string
		design logit.Design
		method logit.Method
		want   []ref
		loglik float64
	}{
		{"ml/sim", simDesign(), logit.ML, simML, simMLLogLik},
		{"firth/sim", simDesign(), logit.Firth, simFirth, simFirthLogLik},
		{"ridge/sim", simDesign(), logit.Ridge, simRidge, math.NaN()},
		{"firth/endometrial", endometrial(t), logit.Firth, endoFirth, endoFirthLogLik},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := logit.Fit(tt.design, logit.Settings{Method: tt.method, Wald: true})
			if err != nil {
				t.Fatalf("Fit: %v", err)
			}
			if !r.Converged || r.Reason != "converged" {
				t.Errorf("Converged, Reason = %v, %q; want true, converged", r.Converged, r.Reason)
			}
			if diff := cmp.Diff(tt.want, refs(r), approx(refTol)); diff != "" {
				t.Errorf("coefficients differ from R (-want +got):\n%s", diff)
			}
			if !math.IsNaN(tt.loglik) {
				if diff := cmp.Diff(tt.loglik, r.LogLikelihood, approx(refTol)); diff != "" {
					t.Errorf("LogLikelihood differs from R (-want +got):\n%s", diff)
				}
			}
			checkFinite(t, r)
		})
	}
}

func TestFitMLDeviance(t *testing.T) {
	r, err := logit.Fit(simDesign(), logit.Settings{Method: logit.ML})
	if err != nil {
		t.Fatal(err)
	}
	got := []float64{r.Deviance, r.NullDeviance, r.AIC}
	want := []float64{-2 * simMLLogLik, simMLNullDeviance, simMLAIC}
	if diff := cmp.Diff(want, got, approx(refTol)); diff != "" {
		t.Errorf("Deviance, NullDeviance, AIC differ from R (-want +got):\n%s", diff)
	}
	if r.N != 500 || r.Won != 230 || r.Lost != 270 || r.Rows != 500 {
		t.Errorf("N, Won, Lost, Rows = %v, %v, %v, %v; want 500, 230, 270, 500", r.N, r.Won, r.Lost, r.Rows)
	}
}

func TestFirthProfileEndometrial(t *testing.T) {
	r, err := logit.Fit(endometrial(t), logit.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Interval != "profile" {
		t.Errorf("Interval = %q; want profile", r.Interval)
	}
	var got [][2]float64
	for _, c := range append([]logit.Coef{r.Intercept}, r.Coefficients...) {
		got = append(got, [2]float64{c.CILow, c.CIHigh})
	}
	if diff := cmp.Diff(endoProfile, got, approx(profileTol)); diff != "" {
		t.Errorf("profile intervals differ from R (-want +got):\n%s", diff)
	}
	for _, w := range r.Warnings {
		if strings.Contains(w, "profile") {
			t.Errorf("unexpected warning %q", w)
		}
	}
}

func TestMLSeparationEndometrial(t *testing.T) {
	r, err := logit.Fit(endometrial(t), logit.Settings{Method: logit.ML})
	if err != nil {
		t.Fatal(err)
	}
	if r.Separation != logit.Quasi {
		t.Errorf("Separation = %v; want %v", r.Separation, logit.Quasi)
	}
	if !slices.Equal(r.SeparatedBy, []string{"NV"}) {
		t.Errorf("SeparatedBy = %q; want [NV]", r.SeparatedBy)
	}
	if r.Converged || !strings.HasPrefix(r.Reason, "separation") {
		t.Errorf("Converged, Reason = %v, %q; want false, separation...", r.Converged, r.Reason)
	}
	if !hasWarning(r, "quasi-complete separation by NV") {
		t.Errorf("Warnings = %q; want a separation warning naming NV", r.Warnings)
	}
	if nv := r.Coefficients[0]; nv.Estimate < 15 || nv.StdError < 1e3 {
		t.Errorf("NV = %v ± %v; want a diverging estimate (> 15) with a huge SE", nv.Estimate, nv.StdError)
	}
	got := refs(r)
	got = append(got[:1], got[2:]...)
	if diff := cmp.Diff(endoMLFinite, got, approx(refTol)); diff != "" {
		t.Errorf("non-separated coefficients differ from R (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(endoMLLogLik, r.LogLikelihood, approx(refTol)); diff != "" {
		t.Errorf("LogLikelihood differs from R (-want +got):\n%s", diff)
	}
	checkFinite(t, r)
}

func TestFirthSeparationWarned(t *testing.T) {
	r, err := logit.Fit(endometrial(t), logit.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Separation != logit.Quasi || !r.Converged || !hasWarning(r, "separation") {
		t.Errorf("Separation, Converged, Warnings = %v, %v, %q; want quasi-complete, true, a separation warning",
			r.Separation, r.Converged, r.Warnings)
	}
}

// TestFLIC checks the defining property of the FLIC intercept (Puhr et
// al. 2017): the mean predicted probability equals the base rate.
func TestFLIC(t *testing.T) {
	for _, d := range []logit.Design{simDesign(), endometrial(t)} {
		r, err := logit.Fit(d, logit.Settings{Wald: true})
		if err != nil {
			t.Fatal(err)
		}
		p := len(d.Names)
		var sum float64
		for i := range d.Won {
			sum += r.Predict(d.X[i*p : (i+1)*p])
		}
		if got, want := sum/r.N, r.Won/r.N; math.Abs(got-want) > 1e-9 {
			t.Errorf("mean Predict = %v; want base rate %v", got, want)
		}
		if r.AdjustedIntercept == r.Intercept.Estimate {
			t.Errorf("AdjustedIntercept = Intercept.Estimate = %v; want the FLIC re-fit to move it", r.AdjustedIntercept)
		}
	}
}

// TestWeightsMatchExpandedRows fits integer case weights and the same
// cases repeated, in shuffled order: the fits must agree.
func TestWeightsMatchExpandedRows(t *testing.T) {
	for _, d := range []logit.Design{simDesign(), endometrial(t)} {
		p := len(d.Names)
		weighted := d
		weighted.Weight = make([]float64, len(d.Won))
		expanded := logit.Design{Names: d.Names}
		for i := range d.Won {
			w := i % 4 // 0 drops the case
			weighted.Weight[i] = float64(w)
			for range w {
				expanded.X = append(expanded.X, d.X[i*p:(i+1)*p]...)
				expanded.Won = append(expanded.Won, d.Won[i])
			}
		}
		for _, m := range []logit.Method{logit.ML, logit.Firth, logit.Ridge} {
			s := logit.Settings{Method: m, Profile: true}
			rw, err := logit.Fit(weighted, s)
			if err != nil {
				t.Fatal(err)
			}
			re, err := logit.Fit(expanded, s)
			if err != nil {
				t.Fatal(err)
			}
			if rw.Rows != re.Rows || rw.N != re.N || re.Rows >= len(expanded.Won) {
				t.Errorf("%v: weighted Rows, N = %d, %v; expanded %d, %v of %d cases", m, rw.Rows, rw.N, re.Rows, re.N, len(expanded.Won))
			}
			ignore := cmpopts.IgnoreFields(logit.Result{}, "Iterations", "Warnings", "Reason", "Converged")
			if diff := cmp.Diff(re, rw, approx(1e-8), ignore); diff != "" {
				t.Errorf("%v: weighted fit differs from expanded (-expanded +weighted):\n%s", m, diff)
			}
		}
	}
}

func TestRidgeShrinks(t *testing.T) {
	d := simDesign()
	ml, err := logit.Fit(d, logit.Settings{Method: logit.ML})
	if err != nil {
		t.Fatal(err)
	}
	tiny, err := logit.Fit(d, logit.Settings{Method: logit.Ridge, Lambda: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(refs(ml), refs(tiny), approx(1e-9)); diff != "" {
		t.Errorf("ridge with λ = 1e-12 differs from ML (-ml +ridge):\n%s", diff)
	}
	big, err := logit.Fit(d, logit.Settings{Method: logit.Ridge, Lambda: 1e6})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range big.Coefficients {
		if math.Abs(c.Estimate) > 1e-3 {
			t.Errorf("ridge λ = 1e6: %s = %v; want ≈ 0", c.Name, c.Estimate)
		}
	}
}

func TestProfileMatchesWaldForML(t *testing.T) {
	// With 500 cases the ML log-likelihood is nearly quadratic: profile
	// and Wald intervals agree to a few per cent of their width.
	r, err := logit.Fit(simDesign(), logit.Settings{Method: logit.ML, Profile: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append([]logit.Coef{r.Intercept}, r.Coefficients...) {
		width := 2 * 1.959963984540054 * c.StdError
		lo, hi := c.Estimate-width/2, c.Estimate+width/2
		if math.Abs(c.CILow-lo) > 0.05*width || math.Abs(c.CIHigh-hi) > 0.05*width {
			t.Errorf("%s: profile [%v, %v]; Wald [%v, %v]", c.Name, c.CILow, c.CIHigh, lo, hi)
		}
	}
}

func TestFitDoesNotMutate(t *testing.T) {
	d := endometrial(t)
	d.Weight = make([]float64, len(d.Won))
	for i := range d.Weight {
		d.Weight[i] = 1 + float64(i%2)
	}
	x, won, w, names := slices.Clone(d.X), slices.Clone(d.Won), slices.Clone(d.Weight), slices.Clone(d.Names)
	for _, m := range []logit.Method{logit.ML, logit.Firth, logit.Ridge} {
		if _, err := logit.Fit(d, logit.Settings{Method: m}); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(x, d.X) || !slices.Equal(won, d.Won) || !slices.Equal(w, d.Weight) || !slices.Equal(names, d.Names) {
		t.Error("Fit modified its Design")
	}
}

func TestFitDegenerate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		d    logit.Design
		err  error  // for every method
		warn string // a warning every method gives, if no error
		sep  logit.Separation
	}{
		{name: "zero rows", d: logit.Design{Names: []string{"a"}}, err: logit.ErrEmpty},
		{name: "zero weights", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2}, Won: []bool{true, false}, Weight: []float64{0, 0}}, err: logit.ErrEmpty},
		{name: "all won", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2, 3}, Won: []bool{true, true, true}}, err: logit.ErrNoVariation},
		{name: "all lost", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2, 3}, Won: []bool{false, false, false}}, err: logit.ErrNoVariation},
		{name: "lost only by weight", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2}, Won: []bool{true, false}, Weight: []float64{1, 0}}, err: logit.ErrNoVariation},
		{name: "one row", d: logit.Design{Names: []string{"a"}, X: []float64{1}, Won: []bool{true}}, err: logit.ErrNoVariation},
		{name: "NaN predictor", d: logit.Design{Names: []string{"a"}, X: []float64{1, nan}, Won: []bool{true, false}}, err: logit.ErrNonFinite},
		{name: "Inf predictor", d: logit.Design{Names: []string{"a"}, X: []float64{-inf, 1}, Won: []bool{true, false}}, err: logit.ErrNonFinite},
		{name: "NaN weight", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2}, Won: []bool{true, false}, Weight: []float64{1, nan}}, err: logit.ErrNonFinite},
		{name: "Inf weight", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2}, Won: []bool{true, false}, Weight: []float64{inf, 1}}, err: logit.ErrNonFinite},
		{name: "negative weight", d: logit.Design{Names: []string{"a"}, X: []float64{1, 2}, Won: []bool{true, false}, Weight: []float64{1, -1}}, err: logit.ErrNegativeWeight},
		{name: "intercept only", d: logit.Design{Won: []bool{true, false, false, true, false}}},
		{name: "two rows", d: logit.Design{Names: []string{"a"}, X: []float64{0, 1}, Won: []bool{false, true}}, sep: logit.Complete, warn: "complete separation by a"},
		{name: "constant predictor", d: overlapping([]string{"a", "c"}, func(i int) []float64 { return []float64{float64(i % 3), 7} }, nil),
			warn: `constant predictor "c"`},
		{name: "only a constant predictor", d: overlapping([]string{"c"}, func(i int) []float64 { return []float64{-2} }, nil),
			warn: `constant predictor "c"`},
		{name: "identical predictors", d: overlapping([]string{"a", "b"}, func(i int) []float64 { return []float64{float64(i % 3), float64(i % 3)} }, nil),
			warn: `"b" is identical to "a"`},
		{name: "linear combination", d: overlapping([]string{"a", "b", "c"}, func(i int) []float64 { return []float64{float64(i % 3), float64(i % 5), float64(i%3 + 2*(i%5) - 1)} }, nil),
			warn: `"c" is a linear combination`},
		{name: "more predictors than rows", d: logit.Design{Names: []string{"a", "b", "c", "d"}, X: []float64{1, 0, 3, 1, 2, 1, 0, 0, 0, 5, 1, 1}, Won: []bool{true, false, true}},
			sep: logit.Complete, warn: "aliased"},
		{name: "complete separation", d: overlapping([]string{"a"}, func(i int) []float64 { return []float64{float64(i)} }, func(i int) bool { return i > 20 }),
			sep: logit.Complete, warn: "complete separation by a"},
		{name: "quasi separation", d: overlapping([]string{"a", "b"}, func(i int) []float64 { return []float64{float64(i % 3), float64(i % 2)} }, func(i int) bool { return i%3 == 2 || (i%3 == 1 && i%5 < 2) }),
			sep: logit.Quasi, warn: "quasi-complete separation by a"},
		{name: "tiny scale", d: overlapping([]string{"a"}, func(i int) []float64 { return []float64{1e-300 * float64(i%7)} }, nil)},
		{name: "huge scale", d: overlapping([]string{"a"}, func(i int) []float64 { return []float64{1e300 * float64(i%7)} }, nil)},
	}
	for _, tt := range tests {
		for _, m := range []logit.Method{logit.ML, logit.Firth, logit.Ridge} {
			t.Run(tt.name+"/"+m.String(), func(t *testing.T) {
				r, err := logit.Fit(tt.d, logit.Settings{Method: m, Profile: true})
				if tt.err != nil {
					if !errors.Is(err, tt.err) {
						t.Fatalf("Fit error = %v; want %v", err, tt.err)
					}
					if !strings.HasPrefix(err.Error(), "logit: ") {
						t.Errorf("error %q does not start with \"logit: \"", err)
					}
					return
				}
				if err != nil {
					t.Fatalf("Fit error = %v; want a fit", err)
				}
				checkFinite(t, r)
				if m != logit.ML && !r.Converged {
					t.Errorf("Converged = false (%s); want true", r.Reason)
				}
				if r.Separation != tt.sep {
					t.Errorf("Separation = %v; want %v", r.Separation, tt.sep)
				}
				if tt.warn != "" && !hasWarning(r, tt.warn) {
					t.Errorf("Warnings = %q; want one containing %q", r.Warnings, tt.warn)
				}
			})
		}
	}
}

func TestDataErrorPosition(t *testing.T) {
	d := logit.Design{Names: []string{"a", "employees"}, X: []float64{1, 2, 3, math.NaN()}, Won: []bool{true, false}}
	_, err := logit.Fit(d, logit.Settings{})
	var de *logit.DataError
	if !errors.As(err, &de) || de.Row != 1 || de.Column != "employees" {
		t.Fatalf("Fit error = %v; want a *DataError at row 1, column employees", err)
	}
	if got, want := err.Error(), `logit: row 1, column "employees": NaN: non-finite value`; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

func TestFitPanicsOnBadLengths(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Fit with len(X) != n*p did not panic")
		}
	}()
	logit.Fit(logit.Design{Names: []string{"a"}, X: []float64{1}, Won: []bool{true, false}}, logit.Settings{})
}

func TestSettingsErrors(t *testing.T) {
	d := simDesign()
	for _, s := range []logit.Settings{
		{Method: 9},
		{Lambda: -1},
		{Lambda: math.NaN()},
		{MaxIter: -1},
		{Tolerance: -1e-3},
		{Tolerance: math.NaN()},
		{Level: 1},
	} {
		if _, err := logit.Fit(d, s); !errors.Is(err, logit.ErrSettings) {
			t.Errorf("Fit(%+v) error = %v; want ErrSettings", s, err)
		}
	}
}

func TestIterationLimit(t *testing.T) {
	r, err := logit.Fit(simDesign(), logit.Settings{Method: logit.ML, MaxIter: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Converged || r.Reason != "iteration limit" || r.Iterations != 2 || !hasWarning(r, "did not converge") {
		t.Errorf("Converged, Reason, Iterations, Warnings = %v, %q, %d, %q; want false, iteration limit, 2, a warning",
			r.Converged, r.Reason, r.Iterations, r.Warnings)
	}
}

func TestParseMethod(t *testing.T) {
	for _, m := range []logit.Method{logit.Firth, logit.ML, logit.Ridge} {
		got, err := logit.ParseMethod(strings.ToUpper(m.String()))
		if err != nil || got != m {
			t.Errorf("ParseMethod(%q) = %v, %v; want %v", strings.ToUpper(m.String()), got, err, m)
		}
	}
	if _, err := logit.ParseMethod("lasso"); !errors.Is(err, logit.ErrSettings) {
		t.Errorf("ParseMethod(%q) error = %v; want ErrSettings", "lasso", err)
	}
	if got := logit.Method(0); got != logit.Firth {
		t.Errorf("zero Method = %v; want firth", got)
	}
	for s, want := range map[logit.Separation]string{logit.None: "none", logit.Quasi: "quasi-complete", logit.Complete: "complete"} {
		if got := s.String(); got != want {
			t.Errorf("Separation(%d).String() = %q; want %q", s, got, want)
		}
	}
}

func TestPredictLinear(t *testing.T) {
	r, err := logit.Fit(simDesign(), logit.Settings{Method: logit.ML})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0.5, 1, 1, 3}
	eta := r.Intercept.Estimate
	for j, c := range r.Coefficients {
		eta += c.Estimate * x[j]
	}
	if got := r.Linear(x); math.Abs(got-eta) > 1e-12 {
		t.Errorf("Linear(%v) = %v; want %v", x, got, eta)
	}
	if got, want := r.Predict(x), 1/(1+math.Exp(-eta)); math.Abs(got-want) > 1e-12 {
		t.Errorf("Predict(%v) = %v; want %v", x, got, want)
	}
}

// overlapping returns a 60-case design with predictors row(i) and
// outcomes won(i); nil won means i%4 ∈ {1, 2}, which no predictor built
// from i%3, i%5 or i%7 separates.
func overlapping(names []string, row func(i int) []float64, won func(i int) bool) logit.Design {
	if won == nil {
		won = func(i int) bool { return i%4 == 1 || i%4 == 2 }
	}
	d := logit.Design{Names: names}
	for i := range 60 {
		d.X = append(d.X, row(i)...)
		d.Won = append(d.Won, won(i))
	}
	return d
}

func hasWarning(r *logit.Result, sub string) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// checkFinite fails t if any float of r is NaN or infinite.
func checkFinite(t *testing.T, r *logit.Result) {
	t.Helper()
	check := func(name string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s = %v; want finite", name, v)
		}
	}
	for _, c := range append([]logit.Coef{r.Intercept}, r.Coefficients...) {
		for _, f := range []struct {
			n string
			v float64
		}{{"Estimate", c.Estimate}, {"StdError", c.StdError}, {"Z", c.Z}, {"PValue", c.PValue},
			{"CILow", c.CILow}, {"CIHigh", c.CIHigh}, {"OddsRatio", c.OddsRatio}} {
			check(c.Name+"."+f.n, f.v)
		}
		if c.CILow > c.Estimate || c.CIHigh < c.Estimate {
			t.Errorf("%s: interval [%v, %v] excludes estimate %v", c.Name, c.CILow, c.CIHigh, c.Estimate)
		}
	}
	check("N", r.N)
	check("AdjustedIntercept", r.AdjustedIntercept)
	check("LogLikelihood", r.LogLikelihood)
	check("Deviance", r.Deviance)
	check("NullDeviance", r.NullDeviance)
	check("AIC", r.AIC)
}
