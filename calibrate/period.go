package calibrate

import (
	"fmt"
	"time"
)

// Period is the length of a reporting period.
type Period uint8

const (
	Quarter Period = iota
	Month
)

func (p Period) String() string {
	if p == Month {
		return "month"
	}
	return "quarter"
}

// ParsePeriod reads "quarter" or "month".
func ParsePeriod(s string) (Period, error) {
	switch s {
	case "quarter", "q", "":
		return Quarter, nil
	case "month", "m":
		return Month, nil
	}
	return Quarter, fmt.Errorf("period %q is not quarter or month", s)
}

// Label names the period t falls in: "2026-Q3" or "2026-07".
func (p Period) Label(t time.Time) string {
	if p == Month {
		return t.Format("2006-01")
	}
	return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

// Start returns the first day of the period t falls in.
func (p Period) Start(t time.Time) time.Time {
	m := t.Month()
	if p == Quarter {
		m = (m-1)/3*3 + 1
	}
	return time.Date(t.Year(), m, 1, 0, 0, 0, 0, time.UTC)
}
