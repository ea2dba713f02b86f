package calibrate

import (
	"fmt"
	"math"
	"strings"

	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/calibrate/metric"
	"github.com/icpkit/icpkit/icp"
)

// Run calibrates profile s.Profile of m against deals. Closed deals (won or
// lost) are fitted; open deals only enter the drift check. Deals need
// their Prospect filled (joined with their account). It is a Builder fed
// with every deal; use a Builder directly to stream deals from a file.
//
// Degenerate data does not fail silently: no closed deal is ErrNoDeals;
// all won or all lost returns a Result with the counts, the review's
// sample-size finding and no fit (the regression needs both outcomes);
// separation, constant criteria and small samples are warnings.
func Run(m *icp.Model, deals []icp.Opportunity, s Settings) (*Result, error) {
	b, err := NewBuilder(m, s)
	if err != nil {
		return nil, err
	}
	for i := range deals {
		b.Add(&deals[i])
	}
	return b.Result()
}

// Builder calibrates deals fed one at a time, keeping only what the fit
// and the review need per deal (about 200 bytes plus 8 per criterion), so
// a million deals calibrate in a few hundred megabytes whatever their
// attributes hold.
type Builder struct {
	m *icp.Model
	s Settings
	d *design
}

// NewBuilder starts a calibration of profile s.Profile of m.
func NewBuilder(m *icp.Model, s Settings) (*Builder, error) {
	s = s.withDefaults()
	d, err := newDesign(m, s.Profile)
	if err != nil {
		return nil, err
	}
	return &Builder{m: m, s: s, d: d}, nil
}

// Add scores a deal as of its creation and keeps it; deals created after
// Settings.AsOf (when set) are passed over. The deal is not retained.
func (b *Builder) Add(o *icp.Opportunity) {
	if !b.s.AsOf.IsZero() && o.Created.After(b.s.AsOf) {
		return
	}
	b.d.add(o)
}

// Result fits and reviews the deals added so far.
func (b *Builder) Result() (*Result, error) {
	m, s, d := b.m, b.s, b.d
	if d.n() == 0 {
		return nil, ErrNoDeals
	}
	res := &Result{Model: m.Name(), Profile: m.Profiles()[s.Profile], Method: s.Method, N: d.n(), Open: len(d.openScores)}
	for _, w := range d.won {
		if w {
			res.Won++
		}
	}
	res.Lost = res.N - res.Won
	res.Tiers = tierRates(m.Tiers(), d.tier, d.won, d.amount, nil)
	res.Curve = curve(d)
	res.Criteria = describeCriteria(d)

	if res.Won == 0 || res.Lost == 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("all %d closed deals are %s: a win/loss regression needs both outcomes", res.N, map[bool]string{true: "won", false: "lost"}[res.Won > 0]))
		res.Findings = review(m, d, res, s)
		return res, nil
	}
	fit, err := fitCriteria(d, nil, s)
	if err != nil {
		return nil, err
	}
	res.Fit = fit
	res.Warnings = append(res.Warnings, fit.Warnings...)
	for j := range res.Criteria {
		res.Criteria[j].Coef = fit.Coefficients[j]
	}

	pts, sumPos, err := suggestPoints(fit, d.total)
	if err != nil {
		res.Warnings = append(res.Warnings, err.Error())
	} else {
		for j := range res.Criteria {
			c := &res.Criteria[j]
			c.Suggested = pts[j]
			c.NegativeICP = fit.Coefficients[j].Estimate < 0 && fit.Coefficients[j].CIHigh < 0
		}
		res.PointsToDouble = d.total * math.Ln2 / sumPos
		sugScore := pointsScore(d, toFloats(pts))
		res.Thresholds = suggestThresholds(m.Tiers(), sugScore, d.won)
		res.Suggested, err = suggestSpec(m, s.Profile, pts, res.Thresholds)
		if err != nil {
			res.Warnings = append(res.Warnings, err.Error())
		}
		res.Capacity = capacity(d.score, sugScore, d.won)
	}
	for j := range res.Criteria {
		res.Criteria[j].Warning = criterionWarning(&res.Criteria[j])
	}
	res.Validation = evaluate(m, d, s)
	res.Segments = segments(d, s, res)
	res.Findings = review(m, d, res, s)
	if f, ok := noSignal(res); ok {
		// Points fitted to noise are not a model: say so, suggest nothing.
		res.Findings = append([]Finding{f}, res.Findings...)
		res.Warnings = append(res.Warnings, "no criterion predicts winning: no model is suggested")
		res.Suggested, res.Thresholds, res.PointsToDouble = nil, nil, 0
	}
	return res, nil
}

// noSignal reports, as a finding, data in which no criterion predicts
// winning: no effect's 95% interval excludes zero, or the suggestion's
// cross-validated AUC interval includes 0.5 (no better than chance).
func noSignal(res *Result) (Finding, bool) {
	sig := false
	for _, c := range res.Criteria {
		if c.Coef.StdError > 0 && c.Coef.CILow > 0 {
			sig = true
		}
	}
	auc := "not available"
	for _, e := range res.Validation {
		if e.Model == ModelSuggested && e.AUC > 0 && strings.Contains(e.Split, "cross-validation") {
			auc = fmt.Sprintf("%.2f (95%% CI %.2f–%.2f)", e.AUC, e.AUCLow, e.AUCHigh)
			if e.AUCLow <= 0.5 {
				sig = false
			}
		}
	}
	if sig {
		return Finding{}, false
	}
	return Finding{Kind: "no_signal", Severity: Action,
		Title: "None of the criteria predicts winning: the data do not support reweighting this model, and no points or tiers are suggested",
		Evidence: []string{"no criterion's 95% interval lies above zero", "cross-validated AUC of a refitted model: " + auc + "; 0.5 is chance",
			"look for other signals (trigger events, intent, who decides) before changing the points"}}, true
}

// fitCriteria fits won on the criteria predictors plus any extra columns
// (one value per deal each).
func fitCriteria(d *design, extra [][]float64, s Settings) (*logit.Result, error) {
	names := append([]string(nil), d.names...)
	x := d.x
	if len(extra) > 0 {
		p := d.p + len(extra)
		x = make([]float64, 0, d.n()*p)
		for i := 0; i < d.n(); i++ {
			x = append(x, d.row(i)...)
			for _, e := range extra {
				x = append(x, e[i])
			}
		}
		for k := range extra {
			names = append(names, fmt.Sprintf("extra%d", k))
		}
	}
	set := logit.DefaultSettings
	set.Method = s.Method
	if s.Method == logit.Ridge {
		set.Lambda = s.Lambda
	}
	// Profile intervals cost two constrained fits per criterion; past
	// ProfileMaxDeals deals they agree with Wald intervals to the digits a
	// review shows, so Wald is used (Fit.Interval says which).
	set.Wald = d.n() > ProfileMaxDeals
	fit, err := logit.Fit(logit.Design{Names: names, X: x, Won: d.won}, set)
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	return fit, nil
}

// pointsScore scores every deal with the given points per criterion:
// 100 × Σ points_j x_j / Σ points.
func pointsScore(d *design, pts []float64) []float64 {
	total := 0.0
	for _, p := range pts {
		total += p
	}
	out := make([]float64, d.n())
	if total == 0 {
		return out
	}
	for i := range out {
		s := 0.0
		for j, x := range d.row(i) {
			s += pts[j] * x
		}
		out[i] = 100 * s / total
	}
	return out
}

func toFloats(p []int) []float64 {
	out := make([]float64, len(p))
	for i, v := range p {
		out[i] = float64(v)
	}
	return out
}

// describeCriteria computes each criterion's observed shares and win rates.
func describeCriteria(d *design) []Criterion {
	out := make([]Criterion, d.p)
	for j := range out {
		c := &out[j]
		c.Name, c.Label, c.Current = d.names[j], d.labels[j], d.points[j]
		var any, full, fullWon, zero, zeroWon int
		for i := 0; i < d.n(); i++ {
			x := d.row(i)[j]
			if x > 0 {
				any++
			}
			if x >= 1-1e-9 {
				full++
				if d.won[i] {
					fullWon++
				}
			}
			if x <= 0 {
				zero++
				if d.won[i] {
					zeroWon++
				}
			}
		}
		n := float64(d.n())
		c.Share = float64(any) / n
		c.Known = float64(d.known[j]) / n
		c.WinRateWith = rate(fullWon, full)
		c.WinRateWithout = rate(zeroWon, zero)
	}
	return out
}

func criterionWarning(c *Criterion) string {
	switch {
	case c.Share == 0:
		return "no deal earns points on it: it never varies, so the data cannot weigh it"
	case c.Share == 1:
		return "every deal earns points on it: it never varies, so the data cannot weigh it"
	case c.Coef.StdError > 0 && c.Coef.CILow <= 0 && c.Coef.CIHigh >= 0:
		return fmt.Sprintf("95%% interval of the effect (%.2f to %.2f) includes zero: the data do not show it predicts wins", c.Coef.CILow, c.Coef.CIHigh)
	case c.NegativeICP:
		return "deals that match it win less often: a negative-ICP candidate, given no points"
	}
	return ""
}

func rate(won, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(won) / float64(n)
}

// tierRates counts deals and wins per tier (index -1 is Disqualified and
// is listed last when present). sel, when not nil, picks the deals.
func tierRates(tiers []icp.Tier, tier []int, won []bool, amount []float64, sel []int) []TierRate {
	out := make([]TierRate, len(tiers)+1)
	sum := make([]float64, len(tiers)+1)
	cnt := make([]int, len(tiers)+1)
	add := func(i int) {
		k := tier[i]
		if k < 0 {
			k = len(tiers)
		}
		out[k].Deals++
		if won[i] {
			out[k].Won++
			if amount != nil && !math.IsNaN(amount[i]) {
				sum[k] += amount[i]
				cnt[k]++
			}
		}
	}
	if sel == nil {
		for i := range tier {
			add(i)
		}
	} else {
		for _, i := range sel {
			add(i)
		}
	}
	for k := range out {
		if k < len(tiers) {
			out[k].Tier = tiers[k].Name
		} else {
			out[k].Tier = icp.TierDisqualified
		}
		out[k].WinRate = rate(out[k].Won, out[k].Deals)
		out[k].Low, out[k].High = metric.Wilson(float64(out[k].Won), float64(out[k].Deals), metric.Confidence)
		if cnt[k] > 0 {
			out[k].AvgWonAmount = sum[k] / float64(cnt[k])
		}
	}
	if out[len(tiers)].Deals == 0 {
		out = out[:len(tiers)]
	}
	return out
}
