package calibrate

import (
	"time"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// Settings control Run. The zero value means the defaults.
type Settings struct {
	// Method is the regression method; the zero value is Firth.
	Method logit.Method
	// Lambda is the ridge penalty (Method Ridge only); 0 means 1.
	Lambda float64
	// Profile is the index of the model profile to calibrate.
	Profile int
	// Folds for cross-validation; 0 means 5. Fewer than 2 turns it off.
	Folds int
	// Seed for the fold assignment; 0 means 1.
	Seed uint64
	// Period groups deals for the time split, decline and drift checks.
	Period Period
	// ReviewLine is the score below which a won deal counts as an
	// out-of-ICP win; 0 means the model's written-reason line (60 in the
	// reference model).
	ReviewLine float64
	// Candidates are fields tried as extra one-hot predictors to find
	// segments the model misses: "industry", "country", "region",
	// "funding_stage", "size_band". Nil means all of them; an empty
	// non-nil slice turns the search off.
	Candidates []string
	// MinSegment is the fewest deals a candidate segment needs; 0 means 20.
	MinSegment int
	// AsOf, when set, drops deals created after it.
	AsOf time.Time
}

// Limits and defaults of the review.
const (
	DefaultFolds      = 5
	DefaultMinSegment = 20
	// MinWins is the fewest won (and lost) deals before the playbook's
	// "acknowledge your sample size is limited" warning.
	MinWins = 20
	// ProfileMaxDeals is the most closed deals for which Firth fits get
	// profile-likelihood intervals; larger samples get Wald intervals.
	ProfileMaxDeals = 20000
	// Alpha is the significance level of the review's tests.
	Alpha = 0.05
	bins  = 10
)

func (s Settings) withDefaults() Settings {
	if s.Folds == 0 {
		s.Folds = DefaultFolds
	}
	if s.Seed == 0 {
		s.Seed = 1
	}
	if s.Lambda == 0 {
		s.Lambda = 1
	}
	if s.MinSegment == 0 {
		s.MinSegment = DefaultMinSegment
	}
	if s.Candidates == nil {
		s.Candidates = []string{"industry", "country", "region", "funding_stage", "size_band"}
	}
	return s
}
