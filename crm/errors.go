package crm

import (
	"errors"
	"strconv"
	"strings"
)

// ParseError is a problem with one place in an input table. Line is the
// 1-based line (CSV) or row (XLSX) where the record starts; Column is the
// 1-based cell index within the row (the spreadsheet column: 3 is C), or 0
// when the problem is the whole row or file. Field is the canonical field
// name ("employees") or, for header problems, the header text; Value is
// the offending cell as it was read.
//
// Err wraps one of the Err… sentinels: use errors.Is to classify.
type ParseError struct {
	File   string
	Line   int
	Column int
	Field  string
	Value  string
	Err    error
}

// Error formats the error as
//
//	file:line:column: field "employees": "12k" is not a number
//
// leaving out what is unknown. Without a file name the position reads
// "line 3, column 5".
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Line))
			if e.Column > 0 {
				b.WriteByte(':')
				b.WriteString(strconv.Itoa(e.Column))
			}
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(e.Column))
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString("field ")
		b.WriteString(strconv.Quote(e.Field))
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString(strconv.Quote(e.Value))
		b.WriteByte(' ')
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

// Sentinels wrapped by ParseError. Those about values read after the
// quoted value: "12k" is not a number.
var (
	// Syntax of the file.
	ErrEmpty        = errors.New("empty input: no header row")
	ErrNoRows       = errors.New("header has no data rows")
	ErrBadUTF8      = errors.New("is not valid UTF-8")
	ErrUTF16        = errors.New("input is UTF-16; save it as UTF-8")
	ErrBareQuote    = errors.New(`bare " in an unquoted field`)
	ErrQuote        = errors.New(`extraneous or missing " in a quoted field`)
	ErrFieldTooLong = errors.New("cell is longer than the limit (Options.MaxFieldBytes)")
	ErrRowTooLong   = errors.New("row is longer than the limit (64 × Options.MaxFieldBytes, or 16384 cells)")
	ErrRagged       = errors.New("ragged row")
	ErrNoSheet      = errors.New("no such sheet")

	// Header and mapping.
	ErrMissingColumn   = errors.New("missing column")
	ErrDuplicateColumn = errors.New("is a duplicate column")
	ErrUnknownField    = errors.New("is not a field of this table")

	// Values.
	ErrRequired          = errors.New("value is required")
	ErrNotNumber         = errors.New("is not a number")
	ErrNonFinite         = errors.New("is not finite")
	ErrNegative          = errors.New("is negative")
	ErrFraction          = errors.New("is not a whole number")
	ErrRange             = errors.New("is out of range")
	ErrBadDate           = errors.New("is not a date")
	ErrAmbiguousDate     = errors.New("is ambiguous: day/month or month/day; set Options.DateOrder")
	ErrNotFlag           = errors.New("is not yes/no")
	ErrBadEvent          = errors.New("is not an event list")
	ErrUnknownOutcome    = errors.New("is not a known outcome")
	ErrCloseBeforeCreate = errors.New("is before the created date")
	ErrChurnBeforeStart  = errors.New("is before the start date")
	ErrDuplicateID       = errors.New("is a duplicate id")

	// Joining.
	ErrNoAccount        = errors.New("has no matching account")
	ErrAmbiguousAccount = errors.New("matches more than one account by name")
)
