package logit

import (
	"errors"
	"fmt"
)

// Sentinel errors. Fit returns them wrapped in a "logit: ..." message or a
// *DataError; test for them with errors.Is.
var (
	// ErrEmpty reports a design with no rows, or whose weights are all zero.
	ErrEmpty = errors.New("no rows with positive weight")
	// ErrNoVariation reports an outcome that never varies: every row won
	// or every row lost. No logistic model separates a constant outcome.
	ErrNoVariation = errors.New("outcome does not vary")
	// ErrNonFinite reports a NaN or infinite predictor value or weight.
	ErrNonFinite = errors.New("non-finite value")
	// ErrNegativeWeight reports a case weight below zero.
	ErrNegativeWeight = errors.New("negative weight")
	// ErrNumerical reports a fit that overflowed despite valid data, for
	// instance with weights near the largest float64.
	ErrNumerical = errors.New("numerical failure")
	// ErrSettings reports an invalid Settings field.
	ErrSettings = errors.New("invalid settings")
)

// DataError is a bad value in a Design, with its position. Err is
// ErrNonFinite or ErrNegativeWeight.
type DataError struct {
	Row    int     // index of the row in Design.Won, from 0
	Column string  // predictor name, or "weight"
	Value  float64 // the offending value
	Err    error
}

func (e *DataError) Error() string {
	return fmt.Sprintf("logit: row %d, column %q: %v: %v",
		e.Row, e.Column, e.Value, e.Err)
}

func (e *DataError) Unwrap() error { return e.Err }
