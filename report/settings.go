package report

import "fmt"

// Settings tunes the report. The zero value of each field means its
// default, given by DefaultSettings; Build reports a negative or
// out-of-range value as an error wrapping ErrInvalid.
type Settings struct {
	// Confidence is the level of the Wilson intervals of win rates and of
	// the forecast band; 0 means 0.95. It must lie strictly between 0
	// and 1.
	Confidence float64

	// MinClosedDeals is the number of closed deals below which a tier's
	// win rate is flagged as too uncertain to act on; 0 means 30.
	MinClosedDeals int

	// MaxAgingRows caps the deals listed on the aging sheet (oldest
	// first); the counts by tier always cover every deal. 0 means 5000.
	MaxAgingRows int

	// MaxRejectRows caps the rejected input rows listed on the data
	// quality sheet, in input order; 0 means 10000.
	MaxRejectRows int

	// CurveMonths is the length, in months since start, of the cohort
	// retention curves; 0 means 24.
	CurveMonths int

	// MinCurveCustomers is the fewest customers a point of a retention
	// curve is computed from; fewer leave the point unknown. 0 means 10.
	MinCurveCustomers int

	// GrossMargin (0–1) is used for customers whose gross margin is
	// unknown. 0 means none: such customers have no LTV or CAC payback.
	GrossMargin float64
}

// DefaultSettings are the values the zero Settings stand for.
var DefaultSettings = Settings{
	Confidence:        0.95,
	MinClosedDeals:    30,
	MaxAgingRows:      5000,
	MaxRejectRows:     10000,
	CurveMonths:       24,
	MinCurveCustomers: 10,
}

// horizons are the months after a customer's start at which the cohort
// sheet measures retention.
var horizons = [3]int{3, 6, 12}

// churnWindowDays is the window of the early-churn rate: customers lost
// within this many days of their start.
const churnWindowDays = 90

// resolve fills in defaults and checks ranges.
func (s Settings) resolve() (Settings, error) {
	d := DefaultSettings
	if s.Confidence != 0 {
		if !(s.Confidence > 0 && s.Confidence < 1) {
			return s, fmt.Errorf("report: settings: confidence %g is not between 0 and 1: %w", s.Confidence, ErrInvalid)
		}
		d.Confidence = s.Confidence
	}
	ints := []struct {
		name string
		v    int
		dst  *int
	}{
		{"min closed deals", s.MinClosedDeals, &d.MinClosedDeals},
		{"max aging rows", s.MaxAgingRows, &d.MaxAgingRows},
		{"max reject rows", s.MaxRejectRows, &d.MaxRejectRows},
		{"curve months", s.CurveMonths, &d.CurveMonths},
		{"min curve customers", s.MinCurveCustomers, &d.MinCurveCustomers},
	}
	for _, f := range ints {
		if f.v < 0 {
			return s, fmt.Errorf("report: settings: %s %d is negative: %w", f.name, f.v, ErrInvalid)
		}
		if f.v > 0 {
			*f.dst = f.v
		}
	}
	if d.MaxAgingRows > maxSheetRows || d.MaxRejectRows > maxSheetRows {
		return s, fmt.Errorf("report: settings: at most %d rows fit a sheet: %w", maxSheetRows, ErrInvalid)
	}
	if !(s.GrossMargin >= 0 && s.GrossMargin <= 1) {
		return s, fmt.Errorf("report: settings: gross margin %g is outside 0–1: %w", s.GrossMargin, ErrInvalid)
	}
	d.GrossMargin = s.GrossMargin
	return d, nil
}

// maxSheetRows leaves room under Excel's 1,048,576 rows for the title,
// note and header rows.
const maxSheetRows = 1_000_000
