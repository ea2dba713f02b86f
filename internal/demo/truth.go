package demo

import (
	"fmt"
	"math"
	"time"
)

// Truth is the process behind a Sample: what calibration, retention and
// drift analyses run on the sample should find.
//
// A closed deal follows one of four rules (see Rule). Under RuleLogistic
// its true win probability is
//
//	P(won) = 1 / (1 + exp(−(Intercept + Σ_j Effects[j]·x_j)))
//
// where x_j = points_j / max_j is what criterion j of the reference model
// (icp.Reference) earns when the deal's account is scored as of the deal's
// created date. An unknown attribute earns no points, so its x_j is 0.
// Sample.ClosedBy(RuleLogistic) returns the deals a calibration should
// recover the coefficients from.
type Truth struct {
	// Criteria names the reference model's criteria in model order; it
	// orders Deal.X.
	Criteria []string

	// Intercept and Effects are the logistic model's coefficients: the
	// log-odds of winning per unit of x_j, by criterion name. Company size,
	// industry and trigger event are strong, decision maker medium, tech
	// stack weak; geography and funding stage have no effect at all.
	Intercept float64
	Effects   map[string]float64

	// WinRate is the mean true win probability of the closed deals, which
	// the Intercept is solved for.
	WinRate float64

	// OutOfICPSegment describes the planted segment outside the ICP that
	// wins anyway (RuleOutOfICP): it scores low but wins OutOfICPWinRate of
	// its deals, and its customers retain and expand like ICP customers.
	OutOfICPSegment string
	OutOfICPWinRate float64

	// DecliningTier is the tier whose win rate drops by DeclineDrop (in
	// probability) for deals that close on or after DeclineFrom, the start
	// of the last two quarters (RuleDeclining): a competitor repositioned.
	DecliningTier string
	DeclineFrom   time.Time
	DeclineDrop   float64

	// DisqualifiedWinRate is the win probability of a deal whose account a
	// disqualifier of the reference model matches (too small, competitor).
	DisqualifiedWinRate float64

	Retention Retention

	// Deals holds each opportunity's truth, in Sample.Opportunities order.
	Deals []Deal
}

// Retention is the process behind the customers. A customer is "fit" when
// its first won deal scored Tier 1 or Tier 2 at creation, or its account is
// in the out-of-ICP segment.
type Retention struct {
	// EarlyChurn is the share of customers that churn 14–90 days after
	// they start.
	FitEarlyChurn, OtherEarlyChurn float64

	// MonthlyChurn is the monthly churn hazard of the customers that
	// survive the first 90 days.
	FitMonthlyChurn, OtherMonthlyChurn float64

	// Expansion is the mean annual growth of a customer's ARR (standard
	// deviation ExpansionSD), compounded over its tenure.
	FitExpansion, OtherExpansion float64
	ExpansionSD                  float64
}

// Deal is the truth of one opportunity.
type Deal struct {
	// X holds x_j = points/max of each criterion as of the created date,
	// in Truth.Criteria order.
	X []float64
	// P is the true win probability. For an open deal it is the
	// probability that it will be won.
	P    float64
	Rule Rule
}

// Rule says which part of the process decides a deal.
type Rule uint8

const (
	RuleLogistic     Rule = iota // the logistic model on the criteria
	RuleDisqualified             // a disqualifier matched: DisqualifiedWinRate
	RuleOutOfICP                 // the out-of-ICP segment: OutOfICPWinRate
	RuleDeclining                // the declining tier late in the period: logistic minus DeclineDrop
)

var ruleNames = [...]string{"logistic", "disqualified", "out-of-icp", "declining"}

// String returns "logistic", "disqualified", "out-of-icp" or "declining".
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", uint8(r))
}

// The process's parameters.
const (
	targetWinRate       = 0.30
	outOfICPWinRate     = 0.55
	disqualifiedWinRate = 0.03
	declineDrop         = 0.15
	declineFloor        = 0.02 // a declined probability never falls below this
	decliningTier       = "Tier 1"
	fitMinScore         = 65 // Tier 2 and above: a "fit" customer

	interceptLo, interceptHi = -20.0, 20.0
	interceptIterations      = 100 // bisection steps; the bracket shrinks below 1e-12
)

// effects are the true log-odds effects by criterion of the reference model.
var effects = map[string]float64{
	"company_size":   2.0,
	"industry":       1.5,
	"trigger_event":  1.3,
	"decision_maker": 0.7,
	"tech_stack":     0.35,
	"geography":      0,
	"funding_stage":  0,
}

var retention = Retention{
	FitEarlyChurn: 0.02, OtherEarlyChurn: 0.08,
	FitMonthlyChurn: 0.010, OtherMonthlyChurn: 0.030,
	FitExpansion: 0.15, OtherExpansion: 0.03, ExpansionSD: 0.10,
}

// probability returns the true win probability of a deal under rule with
// linear predictor eta (Σ β_j x_j without the intercept).
func probability(rule Rule, intercept, eta float64) float64 {
	switch rule {
	case RuleDisqualified:
		return disqualifiedWinRate
	case RuleOutOfICP:
		return outOfICPWinRate
	case RuleDeclining:
		return math.Max(logistic(intercept+eta)-declineDrop, declineFloor)
	}
	return logistic(intercept + eta)
}

// solveIntercept returns the intercept at which the mean probability of
// the deals is target, by bisection: the mean increases with the
// intercept. It returns the bracket's end when target is out of reach.
func solveIntercept(rules []Rule, etas []float64, target float64) float64 {
	lo, hi := interceptLo, interceptHi
	for range interceptIterations {
		mid := (lo + hi) / 2
		sum := 0.0
		for i, e := range etas {
			sum += probability(rules[i], mid, e)
		}
		if sum < target*float64(len(etas)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}
