package logit

import (
	"fmt"
	"math"
)

const (
	defaultLambda    = 1
	defaultMaxIter   = 100
	defaultTolerance = 1e-10
	defaultLevel     = 0.95
)

// Settings control Fit. The zero value means DefaultSettings: Firth's
// method with profile-likelihood 95% intervals.
type Settings struct {
	// Method is the estimator. The zero value is Firth.
	Method Method

	// Lambda is the ridge penalty λ in ℓ(β) − λ/2 Σⱼ βⱼ², on the raw
	// (unstandardized) slopes; the intercept is not penalized. Used only
	// by Ridge. Zero means 1; negative is an error.
	Lambda float64

	// MaxIter bounds the Newton iterations of a fit. Zero means 100.
	MaxIter int

	// Tolerance ends the iterations when every step satisfies
	// |Δβⱼ| ≤ Tolerance·(1+|βⱼ|) and the objective (deviance, penalized
	// for Firth and Ridge) changes by at most Tolerance relative to
	// |deviance|+0.1, the criterion of R's glm.control. Zero means 1e-10.
	Tolerance float64

	// Profile asks for profile-likelihood intervals for ML and Ridge too.
	// Firth always gets them unless Wald is set.
	Profile bool

	// Wald asks for Wald intervals (estimate ± z·SE) for Firth as well.
	// Profile intervals cost two constrained fits per coefficient, which
	// on large continuous data is many times the cost of the fit itself.
	// Profile takes precedence over Wald.
	Wald bool

	// Level is the confidence level of the intervals. Zero means 0.95.
	Level float64
}

// DefaultSettings are the settings the zero Settings value stands for.
var DefaultSettings = Settings{
	Method:    Firth,
	Lambda:    defaultLambda,
	MaxIter:   defaultMaxIter,
	Tolerance: defaultTolerance,
	Level:     defaultLevel,
}

// resolve replaces zero fields by their defaults and checks the rest.
func (s Settings) resolve() (Settings, error) {
	if s.Lambda == 0 {
		s.Lambda = defaultLambda
	}
	if s.MaxIter == 0 {
		s.MaxIter = defaultMaxIter
	}
	if s.Tolerance == 0 {
		s.Tolerance = defaultTolerance
	}
	if s.Level == 0 {
		s.Level = defaultLevel
	}
	switch {
	case s.Method > Ridge:
		return s, fmt.Errorf("logit: method %v: %w", s.Method, ErrSettings)
	case !(s.Lambda > 0) || math.IsInf(s.Lambda, 1):
		return s, fmt.Errorf("logit: lambda %v is not positive and finite: %w", s.Lambda, ErrSettings)
	case s.MaxIter < 0:
		return s, fmt.Errorf("logit: max iterations %d is negative: %w", s.MaxIter, ErrSettings)
	case !(s.Tolerance > 0) || !(s.Tolerance < 1):
		return s, fmt.Errorf("logit: tolerance %v is not in (0, 1): %w", s.Tolerance, ErrSettings)
	case !(s.Level > 0) || !(s.Level < 1):
		return s, fmt.Errorf("logit: level %v is not in (0, 1): %w", s.Level, ErrSettings)
	}
	return s, nil
}

// profile reports whether the resolved settings ask for profile intervals.
func (s Settings) profile() bool {
	return s.Profile || (s.Method == Firth && !s.Wald)
}
