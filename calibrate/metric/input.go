package metric

import (
	"errors"
	"fmt"
	"math"
)

// Confidence is the confidence level of the intervals reported by DeLong
// and Reliability.
const Confidence = 0.95

// Sentinel errors wrapped by the errors of this package; test for them
// with errors.Is.
var (
	// ErrInvalid is wrapped by a *ValueError: a NaN, an infinity, a negative
	// weight or a probability outside its allowed range.
	ErrInvalid = errors.New("invalid value")
	// ErrOneClass means the data hold no won deal or no lost deal (with
	// positive weight), so the statistic is undefined.
	ErrOneClass = errors.New("need both won and lost deals")
	// ErrTooFew means there are too few deals of one class for a variance.
	ErrTooFew = errors.New("too few won or lost deals")
	// ErrNoWeight means the weights sum to zero, or there are none.
	ErrNoWeight = errors.New("no positive weight")
	// ErrConstant means the predictions do not vary, so a slope is undefined.
	ErrConstant = errors.New("predictions do not vary")
	// ErrSeparation means the predictions separate won from lost deals
	// perfectly, so the maximum-likelihood slope is infinite.
	ErrSeparation = errors.New("won and lost deals are separated by the predictions")
	// ErrNotConverged means an iterative fit stopped at its iteration limit.
	ErrNotConverged = errors.New("did not converge")
)

// ValueError reports an invalid input value and its position.
type ValueError struct {
	Arg   string  // argument name: "pred", "w", "weights"
	Index int     // position in the argument
	Value float64 // the offending value
	Err   error   // ErrInvalid
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%s[%d] = %v: %v", e.Arg, e.Index, e.Value, e.Err)
}

func (e *ValueError) Unwrap() error { return e.Err }

// checkLen panics when the slices of one call differ in length.
func checkLen(fn string, pred []float64, won []bool, w []float64) {
	if len(pred) != len(won) {
		panic(fmt.Sprintf("metric: %s: len(pred) = %d != len(won) = %d", fn, len(pred), len(won)))
	}
	if w != nil && len(w) != len(pred) {
		panic(fmt.Sprintf("metric: %s: len(w) = %d != len(pred) = %d", fn, len(w), len(pred)))
	}
}

// weightAt returns w[i], or 1 when w is nil.
func weightAt(w []float64, i int) float64 {
	if w == nil {
		return 1
	}
	return w[i]
}

// validWeight reports whether x is a usable case weight.
func validWeight(x float64) bool { return x >= 0 && !math.IsInf(x, 1) }

// validProb reports whether x is a probability in [0, 1].
func validProb(x float64) bool { return x >= 0 && x <= 1 }

// checkRows validates pred against ok and the weights, returning the first
// bad value as a *ValueError.
func checkRows(pred, w []float64, ok func(float64) bool) error {
	for i, p := range pred {
		if !ok(p) {
			return &ValueError{Arg: "pred", Index: i, Value: p, Err: ErrInvalid}
		}
	}
	for i, x := range w {
		if !validWeight(x) {
			return &ValueError{Arg: "w", Index: i, Value: x, Err: ErrInvalid}
		}
	}
	return nil
}

// notNaN reports whether x is not NaN; ±Inf are ordered scores.
func notNaN(x float64) bool { return !math.IsNaN(x) }
