package icp

import (
	"errors"
	"fmt"
)

// Errors a model file can fail with. A *ModelError wraps one of them, so
// callers test with errors.Is.
var (
	ErrSyntax     = errors.New("not valid YAML or JSON")
	ErrUnknownKey = errors.New("unknown key")
	ErrType       = errors.New("wrong type")
	ErrInvalid    = errors.New("invalid value")
	ErrTooLarge   = errors.New("document too large")
)

// ModelError is a problem in a model file, at a position. Its message reads
//
//	file:line:column: field criteria[2].bands[0].min: invalid value: ...
//
// leaving out the column when it is not known, the position when neither is
// (an empty file), and the field when the problem is not in one (syntax).
type ModelError struct {
	File   string // as given to ParseSpec; may be empty
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Field  string // path of the field, e.g. criteria[2].bands[0].min
	Err    error
}

func (e *ModelError) Error() string {
	s := e.File
	if s == "" {
		s = "model"
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		s += fmt.Sprintf(":%d:%d", e.Line, e.Column)
	case e.Line > 0:
		s += fmt.Sprintf(":%d", e.Line)
	}
	s += ": "
	if e.Field != "" {
		s += fmt.Sprintf("field %s: ", e.Field)
	}
	return s + e.Err.Error()
}

func (e *ModelError) Unwrap() error { return e.Err }

// invalidf reports an impossible value at pos.
func invalidf(file string, pos Pos, field, format string, args ...any) error {
	return &ModelError{File: file, Line: pos.Line, Column: pos.Column, Field: field,
		Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}
