package calibrate

import (
	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/calibrate/metric"
	"github.com/icpkit/icpkit/icp"
)

// Result is a calibration: the fit, the suggested model, the out-of-sample
// comparison and the review findings.
type Result struct {
	Model   string // model name
	Profile string // profile calibrated
	Method  logit.Method

	N, Won, Lost int // closed deals used
	Open         int // open deals seen (drift only)

	Fit      *logit.Result
	Criteria []Criterion

	// Suggested is the suggested model file, nil when no criterion has a
	// positive effect. PointsToDouble is how many suggested points double
	// the odds of winning (0 when undefined).
	Suggested      *icp.Spec
	PointsToDouble float64

	// Curve is the win rate by 10-point score band of the current model,
	// observed and fitted. Capacity is the share of deals and of wins at
	// or above each threshold, for the current and the suggested score.
	Curve    []CurvePoint
	Capacity []Capacity
	// Thresholds suggested for the tiers on the suggested score, best first.
	Thresholds []icp.Tier

	Tiers      []TierRate // win rate by current tier, in sample
	Validation []Evaluation
	Segments   []Segment
	Findings   []Finding
	Warnings   []string
}

// Criterion is one criterion's current and suggested points with its evidence.
type Criterion struct {
	Name, Label string
	Current     float64 // current maximum points
	Suggested   int     // suggested points; 0 for negative or null effects
	Coef        logit.Coef
	// Share is the share of deals earning any points on it; Known the
	// share whose attribute is known.
	Share, Known float64
	// WinRateWith and WinRateWithout are the observed win rates of deals
	// earning full points and no points on it.
	WinRateWith, WinRateWithout float64
	NegativeICP                 bool   // negative coefficient: a negative-ICP candidate
	Warning                     string // interval includes zero, never varies, …
}

// CurvePoint is the win rate of deals whose current score is in [Low, High).
type CurvePoint struct {
	Low, High       float64
	Deals, Won      int
	Observed        float64 // won / deals; 0 when no deals
	ObsLow, ObsHigh float64 // Wilson 95% interval
	Fitted          float64 // logistic fit of won on score, at the band's mean score
}

// Capacity is what a threshold keeps: deals at or above Score.
type Capacity struct {
	Score float64
	// Current model.
	DealsShare, WinsShare, WinRateAbove, WinRateBelow float64
	// Suggested model.
	SuggestedDealsShare, SuggestedWinsShare, SuggestedWinRateAbove float64
}

// TierRate is the win rate of one tier.
type TierRate struct {
	Tier         string
	Deals, Won   int
	WinRate      float64
	Low, High    float64 // Wilson 95% interval
	AvgWonAmount float64 // 0 when no won deal has an amount
}

// Evaluation is one model's out-of-sample performance under one split.
type Evaluation struct {
	Split   string // "5-fold cross-validation" or "time split: test 2026-Q3"
	Model   string // "current", "suggested" or "equal weights"
	N, Won  int
	AUC     float64
	AUCLow  float64
	AUCHigh float64
	LogLoss float64
	Brier   float64
	// Calibration of the probabilities (score mapped to a win rate by a
	// logistic fit on the training part): slope 1 and intercept 0 are perfect.
	CalibrationIntercept, CalibrationSlope float64
	Reliability                            []metric.Bin
	Lift                                   []metric.Decile
	Tiers                                  []TierRate
	Note                                   string // why a figure is missing
}

// Segment is a candidate predictor: a value of a field the model may miss.
type Segment struct {
	Field, Value string
	Deals, Won   int
	WinRate      float64
	// Expected is the wins the fitted model predicts for the segment; Z
	// and PValue test observed against expected (a score test for adding
	// the segment as a predictor): a positive Z means the segment wins
	// more than its criteria explain.
	Expected  float64
	Z, PValue float64
	MeanScore float64 // average current score of the segment's deals
}

// Severity ranks findings.
type Severity uint8

const (
	Info Severity = iota
	Warning
	Action
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Action:
		return "action"
	}
	return "info"
}

// Finding is one result of the quarterly review, with its evidence.
type Finding struct {
	Kind     string // tiers_not_separated, tiers_not_monotone, out_of_icp_wins, win_rate_decline, score_drift, disqualifier_blocks_wins, sample_size, negative_icp_candidate, segment_missed, weak_criterion
	Severity Severity
	Title    string   // one sentence a sales leader reads
	Evidence []string // the numbers behind it
}
