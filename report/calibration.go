package report

import (
	"math"
	"strings"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
)

// Calibration is the calibration of the model against its won and lost
// deals (package calibrate) as the review shows it: the figures of
// Input.Calibration, with each figure calibrate leaves at 0 because it is
// undefined (a win rate above a threshold no deal reaches, an AUC of test
// deals that all won) turned into an unknown Figure with its reason.
// Build copies it; the renderers never read the calibrate.Result.
type Calibration struct {
	Model, Profile string // the model and profile calibrated
	Method         string // "firth", "ml" or "ridge"
	Deals          int    // closed deals fitted
	Won, Lost      int

	// Fit is the logistic regression; nil when none could be fitted
	// (every deal won, or every deal lost).
	Fit *Fit

	Criteria []CriterionFit

	// Suggested reports whether calibration suggested a model: at least
	// one criterion has a positive effect. NoSuggestion says why not.
	Suggested    bool
	NoSuggestion string
	// PointsToDouble is how many suggested points double the odds of
	// winning:
	//
	//	PointsToDouble = total points × ln 2 / Σ positive effects
	PointsToDouble Figure
	// Thresholds are the suggested tier minimums on the suggested score,
	// best first; Current the model's.
	Thresholds, Current []icp.Tier

	// Capacity is what each threshold keeps, on the current and the
	// suggested score, every 5 points.
	Capacity []CapacityRow

	// Validation compares the current model, the suggestion and equal
	// weights out of sample, split by split.
	Validation []Validation
	// CrossValidation names the cross-validation split ("5-fold
	// cross-validation"); empty when none was run. Reliability holds
	// the reliability bins of the current and the suggested model under
	// it, in that order, when it was run.
	CrossValidation string
	Reliability     []ReliabilityCurve

	// Findings are the review's findings, most severe first; Warnings
	// the caveats of the calibration (separation, too few deals, …).
	Findings []calibrate.Finding
	Warnings []string
}

// Fit summarizes the logistic regression.
type Fit struct {
	Converged     bool
	Reason        string // "converged", "iteration limit", …
	Iterations    int
	LogLikelihood float64
	AIC           float64
	Separation    string   // "none", "quasi-complete" or "complete"
	SeparatedBy   []string // predictors without which there is no separation
	Interval      string   // "profile" or "wald"
}

// CriterionFit is one criterion's effect on the log-odds of winning and
// its current and suggested points:
//
//	Z = Effect / StdError, P = 2(1 − Φ(|Z|)), OddsRatio = exp(Effect)
//
// Low and High bound the 95% interval of the effect (Fit.Interval says
// which kind). A criterion the fit leaves out (constant, or aliased with
// others) has unknown effect figures.
type CriterionFit struct {
	Name, Label string
	Share       Figure // share of deals earning any points on it
	Effect      Figure
	StdError    Figure
	Z, P        Figure
	Low, High   Figure
	OddsRatio   Figure
	Current     float64 // current maximum points
	Suggested   Figure  // suggested points; unknown when there is no suggestion
	NegativeICP bool
	Warning     string // qualifies the effect and the suggested points
}

// CapacityRow is what keeping the deals scored at or above Score keeps,
// for the current and the suggested score:
//
//	DealsShare   = deals at or above ÷ deals
//	WinsShare    = wins at or above ÷ wins
//	WinRateAbove = wins at or above ÷ deals at or above
//	WinRateBelow = wins below ÷ deals below
//
// A win rate with no deal on its side of the threshold is unknown.
type CapacityRow struct {
	Score                                             float64
	DealsShare, WinsShare, WinRateAbove, WinRateBelow Figure
	SuggestedDealsShare, SuggestedWinsShare           Figure
	SuggestedWinRateAbove, SuggestedWinRateBelow      Figure
}

// Validation is one model's performance on held-out deals under one
// split. AUC is the area under the ROC curve of the score, with its
// DeLong 95% interval; LogLoss and Brier score the win probabilities
// (the score mapped to a win rate on the training deals); a calibration
// slope of 1 and intercept of 0 are perfect.
type Validation struct {
	Split, Model         string
	Deals, Won           int
	AUC, AUCLow, AUCHigh Figure
	LogLoss, Brier       Figure
	Slope, Intercept     Figure
	Note                 string // why a figure is unknown, from calibrate
}

// ReliabilityCurve is a model's reliability diagram: held-out deals in
// bins of about equal size by predicted win rate.
type ReliabilityCurve struct {
	Model string
	Bins  []ReliabilityBin
}

// ReliabilityBin compares the mean predicted win rate of a bin with its
// observed win rate and that rate's 95% Wilson interval.
type ReliabilityBin struct {
	Deals               int
	From, To            float64 // smallest and largest prediction in the bin
	Predicted, Observed float64
	Low, High           float64
}

// Notes of unknown calibration figures.
const (
	noSuggestionNote = "no suggestion: no criterion has a positive effect"
	noFitNote        = "no regression: it needs both won and lost deals"
	noDealAboveNote  = "no deal scores at or above this threshold"
	noDealBelowNote  = "no deal scores below this threshold"
	notFittedNote    = "left out of the fit: the criterion never varies or duplicates others"
	noSlopeNote      = "the calibration slope cannot be fitted on these predictions (one outcome, constant or separated predictions)"
)

// buildCalibration copies c into the review's tables; nil gives nil.
func buildCalibration(m *icp.Model, c *calibrate.Result) *Calibration {
	if c == nil {
		return nil
	}
	cal := &Calibration{
		Model: c.Model, Profile: c.Profile, Method: c.Method.String(),
		Deals: c.N, Won: c.Won, Lost: c.Lost,
		Suggested:  c.Suggested != nil,
		Current:    m.Tiers(),
		Thresholds: append([]icp.Tier(nil), c.Thresholds...),
		Warnings:   append([]string(nil), c.Warnings...),
	}
	if f := c.Fit; f != nil {
		cal.Fit = &Fit{
			Converged: f.Converged, Reason: f.Reason, Iterations: f.Iterations,
			LogLikelihood: f.LogLikelihood, AIC: f.AIC,
			Separation: f.Separation.String(), SeparatedBy: append([]string(nil), f.SeparatedBy...),
			Interval: f.Interval,
		}
	}
	switch {
	case cal.Suggested:
	case c.Fit == nil:
		cal.NoSuggestion = noFitNote
	default:
		cal.NoSuggestion = noSuggestionNote
	}
	cal.PointsToDouble = unknown(cal.NoSuggestion)
	if c.PointsToDouble > 0 {
		cal.PointsToDouble = known(c.PointsToDouble)
	}
	for _, cr := range c.Criteria {
		cf := CriterionFit{
			Name: cr.Name, Label: cr.Label, Current: cr.Current,
			Share: known(cr.Share), NegativeICP: cr.NegativeICP, Warning: cr.Warning,
			Suggested: unknown(cal.NoSuggestion),
		}
		if cf.Label == "" {
			cf.Label = cr.Name
		}
		if cal.Suggested {
			cf.Suggested = known(float64(cr.Suggested))
		}
		switch k := cr.Coef; {
		case c.Fit == nil, k.Aliased:
			u := unknown(notFittedNote)
			if c.Fit == nil {
				u = unknown(noFitNote)
			}
			cf.Effect, cf.StdError, cf.Z, cf.P, cf.Low, cf.High, cf.OddsRatio = u, u, u, u, u, u, u
		default:
			cf.Effect, cf.StdError, cf.Z, cf.P = known(k.Estimate), known(k.StdError), known(k.Z), known(k.PValue)
			cf.Low, cf.High, cf.OddsRatio = known(k.CILow), known(k.CIHigh), known(k.OddsRatio)
		}
		cal.Criteria = append(cal.Criteria, cf)
	}
	for _, cp := range c.Capacity {
		cal.Capacity = append(cal.Capacity, capacityRow(cp, c.N, c.Won))
	}
	for _, e := range c.Validation {
		cal.Validation = append(cal.Validation, validation(e))
		if !isCrossValidation(e.Split) || (e.Model != calibrate.ModelCurrent && e.Model != calibrate.ModelSuggested) {
			continue
		}
		if cal.CrossValidation == "" {
			cal.CrossValidation = e.Split
		}
		if e.Split != cal.CrossValidation {
			continue
		}
		rc := ReliabilityCurve{Model: e.Model}
		for _, b := range e.Reliability {
			rc.Bins = append(rc.Bins, ReliabilityBin{
				Deals: int(math.Round(b.N)), From: b.Low, To: b.High,
				Predicted: b.Predicted, Observed: b.Observed, Low: b.ObsLow, High: b.ObsHigh,
			})
		}
		if e.Model == calibrate.ModelCurrent {
			cal.Reliability = append([]ReliabilityCurve{rc}, cal.Reliability...)
		} else {
			cal.Reliability = append(cal.Reliability, rc)
		}
	}
	for _, f := range c.Findings {
		f.Evidence = append([]string(nil), f.Evidence...)
		cal.Findings = append(cal.Findings, f)
	}
	return cal
}

// capacityRow turns calibrate's shares (0 where undefined) into Figures.
// The suggested score's win rate below the threshold is computed from
// the counts the shares stand for:
//
//	deals below = n − round(SuggestedDealsShare·n)
//	wins below  = won − round(SuggestedWinsShare·won)
func capacityRow(c calibrate.Capacity, n, won int) CapacityRow {
	row := CapacityRow{
		Score:               c.Score,
		DealsShare:          known(c.DealsShare),
		SuggestedDealsShare: known(c.SuggestedDealsShare),
		WinsShare:           unknown(noWonNote),
		SuggestedWinsShare:  unknown(noWonNote),
	}
	if won > 0 {
		row.WinsShare, row.SuggestedWinsShare = known(c.WinsShare), known(c.SuggestedWinsShare)
	}
	above := func(share, rate float64) Figure {
		if share == 0 {
			return unknown(noDealAboveNote)
		}
		return known(rate)
	}
	row.WinRateAbove = above(c.DealsShare, c.WinRateAbove)
	row.SuggestedWinRateAbove = above(c.SuggestedDealsShare, c.SuggestedWinRateAbove)
	row.WinRateBelow = unknown(noDealBelowNote)
	if c.DealsShare < 1 {
		row.WinRateBelow = known(c.WinRateBelow)
	}
	dealsBelow := n - int(math.Round(c.SuggestedDealsShare*float64(n)))
	winsBelow := won - int(math.Round(c.SuggestedWinsShare*float64(won)))
	row.SuggestedWinRateBelow = ratio(float64(winsBelow), float64(dealsBelow), noDealBelowNote)
	return row
}

// isCrossValidation reports whether a calibrate split name is the k-fold
// cross-validation ("5-fold cross-validation").
func isCrossValidation(split string) bool { return strings.HasSuffix(split, "cross-validation") }

// validation turns an Evaluation into Figures. calibrate leaves a figure
// at 0 when it is undefined and says why in Note: a log loss of 0 means
// the model could not be scored at all (real predictions lie strictly
// between 0 and 1); a calibration slope and intercept both 0 mean the
// recalibration fit failed.
func validation(e calibrate.Evaluation) Validation {
	v := Validation{
		Split: e.Split, Model: e.Model, Deals: e.N, Won: e.Won, Note: e.Note,
	}
	note := e.Note
	if note == "" {
		note = "not computed"
	}
	if e.LogLoss == 0 {
		u := unknown(note)
		v.AUC, v.AUCLow, v.AUCHigh, v.LogLoss, v.Brier, v.Slope, v.Intercept = u, u, u, u, u, u, u
		return v
	}
	v.LogLoss, v.Brier = known(e.LogLoss), known(e.Brier)
	if e.Won == 0 || e.Won == e.N {
		u := unknown(note)
		v.AUC, v.AUCLow, v.AUCHigh, v.Slope, v.Intercept = u, u, u, u, u
		return v
	}
	v.AUC = known(e.AUC)
	v.AUCLow, v.AUCHigh = unknown(note), unknown(note)
	if e.AUCLow != 0 || e.AUCHigh != 0 {
		v.AUCLow, v.AUCHigh = known(e.AUCLow), known(e.AUCHigh)
	}
	v.Slope, v.Intercept = unknown(noSlopeNote), unknown(noSlopeNote)
	if e.CalibrationSlope != 0 || e.CalibrationIntercept != 0 {
		v.Slope, v.Intercept = known(e.CalibrationSlope), known(e.CalibrationIntercept)
	}
	return v
}

// crossValidated returns the model's cross-validation row, or nil.
func (c *Calibration) crossValidated(model string) *Validation {
	if c == nil {
		return nil
	}
	for i := range c.Validation {
		v := &c.Validation[i]
		if c.CrossValidation != "" && v.Split == c.CrossValidation && v.Model == model {
			return v
		}
	}
	return nil
}
