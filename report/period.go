package report

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Period is the length of the periods that deals and customer cohorts are
// grouped by. The zero value is Quarter.
type Period uint8

const (
	Quarter Period = iota // calendar quarters, labelled "2026-Q3"
	Month                 // calendar months, labelled "2026-07"
)

// String returns "quarter" or "month".
func (p Period) String() string {
	switch p {
	case Quarter:
		return "quarter"
	case Month:
		return "month"
	}
	return fmt.Sprintf("Period(%d)", uint8(p))
}

// ParsePeriod reads "quarter" or "month" (also "q", "quarterly", "m",
// "monthly"), ignoring case and surrounding space. An empty string is
// Quarter.
func ParsePeriod(s string) (Period, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "quarter", "quarterly", "q":
		return Quarter, nil
	case "month", "monthly", "m":
		return Month, nil
	}
	return Quarter, fmt.Errorf("report: period %q is not quarter or month: %w", s, ErrInvalid)
}

// periodKey numbers periods so that they sort in time order; noDate sorts
// after every period.
type periodKey int32

const noDate periodKey = math.MaxInt32

// noDateLabel labels the group of records without the date that places
// them in a period.
const noDateLabel = "no date"

// key returns the period t falls in, in t's own location.
func (p Period) key(t time.Time) periodKey {
	if t.IsZero() {
		return noDate
	}
	y, m, _ := t.Date()
	if p == Month {
		return periodKey(y*12 + int(m) - 1)
	}
	return periodKey(y*4 + (int(m)-1)/3)
}

// label writes a period key: "2026-Q3" or "2026-07".
func (p Period) label(k periodKey) string {
	if k == noDate {
		return noDateLabel
	}
	if p == Month {
		return fmt.Sprintf("%04d-%02d", int(k)/12, int(k)%12+1)
	}
	return fmt.Sprintf("%04d-Q%d", int(k)/4, int(k)%4+1)
}
