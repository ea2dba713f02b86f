package report

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
)

// Input is what the review is built from. Build does not modify it.
type Input struct {
	Model *icp.Model

	// Deals holds closed and open opportunities, each with its Prospect
	// filled in (joined with the account). Build scores each deal as of
	// its Created date; the Prospect's Opened, Channel, ScoredAt and
	// LastStageChange are taken from the deal, not from the Prospect.
	// A Builder takes the deals one at a time instead (Builder.Add).
	Deals []icp.Opportunity

	// Customers are the accounts that bought, scored as of their Start.
	Customers []icp.Customer

	// AsOf is the date the review describes: open deals age, and
	// cohorts mature, up to it. Build requires it; a Builder given none
	// uses the latest date in the data (NewBuilder). The report never
	// reads the clock.
	AsOf time.Time

	// Period groups closed deals (by close date) and cohorts (by start
	// date).
	Period Period

	// Sources and Rejects describe the input files, for the data quality
	// sheet.
	Sources []Source
	Rejects []Reject

	// Calibration is the model's calibration against the closed deals
	// (calibrate.Run), shown on the Calibration and Review findings
	// sheets and charts; nil when it was not run, which they say. Build
	// copies the figures it shows.
	Calibration *calibrate.Result
}

// Source counts the rows read from one input file or system.
type Source struct {
	Name     string
	Read     int // rows read
	Rejected int // rows rejected (listed in Input.Rejects)
}

// Reject is an input row that could not be used.
type Reject struct {
	File   string
	Line   int
	Reason string
}

// ErrInvalid is wrapped by every error about Input or Settings.
var ErrInvalid = errors.New("invalid input")

// InputError is a record Build cannot use: a non-finite or out-of-range
// number. It wraps ErrInvalid.
type InputError struct {
	Record string // "deal" or "customer"
	ID     string // deal ID or customer account
	Line   int    // input line, 0 when unknown
	Field  string
	Reason string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("report: ")
	b.WriteString(e.Record)
	if e.ID != "" {
		fmt.Fprintf(&b, " %q", e.ID)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", e.Line)
	}
	fmt.Fprintf(&b, ": field %q: %s", e.Field, e.Reason)
	return b.String()
}

func (e *InputError) Unwrap() error { return ErrInvalid }

// Report is the computed review. Its exported fields are the typed tables
// the workbook, the charts and the summary are written from; Tiers lists
// the tier names every per-tier slice follows.
type Report struct {
	Model    ModelInfo
	AsOf     time.Time
	Period   Period
	Settings Settings // with defaults filled in

	// Tiers are the model's tiers, best first, followed by
	// icp.TierDisqualified when the model has disqualifiers.
	Tiers []string

	Deals     DealCounts
	Customers int

	WinRate  WinRate
	Scores   ScoreDistribution
	Pipeline Pipeline
	Forecast Forecast
	Aging    Aging
	Cohorts  Cohorts
	Quality  Quality

	// Calibration is the calibration of the model; nil when
	// Input.Calibration is nil.
	Calibration *Calibration

	// Findings are the review's warnings and observations as sentences,
	// in sheet order.
	Findings []Finding
}

// ModelInfo describes the model the deals were scored with.
type ModelInfo struct {
	Name, Version, File string
	Currency            string // from the model file; may be empty
	Tiers               []icp.Tier
	Disqualifiers       int
	NoMovementDays      float64
	RescoreDays         []float64
}

// DealCounts counts the deals by outcome.
type DealCounts struct {
	Total, Won, Lost, Open int
}

// Closed returns Won + Lost.
func (d DealCounts) Closed() int { return d.Won + d.Lost }

// Finding is a sentence of the review: a warning about a figure or an
// observation, with the sheet that holds the detail.
type Finding struct {
	Sheet string
	Text  string
}

// Build checks the input, scores every deal and customer once and
// computes every table: it is a Builder fed with in.Deals in order.
// Errors wrap ErrInvalid; a bad record is an *InputError.
//
// Work is O(deals + customers) apart from sorting the won deals' cycle
// times (for medians) and the aging deals; memory beyond the input is
// about 40 bytes per deal.
func Build(in Input, s Settings) (*Report, error) {
	if _, err := s.resolve(); err != nil {
		return nil, err
	}
	if err := validate(&in); err != nil {
		return nil, err
	}
	deals := in.Deals
	in.Deals = nil
	b, err := NewBuilder(in, s)
	if err != nil {
		return nil, err
	}
	for i := range deals {
		if err := b.Add(&deals[i]); err != nil {
			return nil, err
		}
	}
	return b.Report()
}

// validate rejects what Build cannot compute with: no model, no as-of
// date, non-finite or negative numbers.
func validate(in *Input) error {
	if in.Model == nil {
		return fmt.Errorf("report: no model: %w", ErrInvalid)
	}
	if in.AsOf.IsZero() {
		return fmt.Errorf("report: the as-of date is required: %w", ErrInvalid)
	}
	if in.Period > Month {
		return fmt.Errorf("report: period %d is not quarter or month: %w", in.Period, ErrInvalid)
	}
	for i := range in.Deals {
		d := &in.Deals[i]
		if err := checkAmount(d.Amount, "amount"); err != "" {
			return &InputError{Record: "deal", ID: d.ID, Line: d.Line, Field: "amount", Reason: err}
		}
	}
	return validateRest(in)
}

// validateRest checks the customers and sources.
func validateRest(in *Input) error {
	for i := range in.Customers {
		c := &in.Customers[i]
		for _, f := range []struct {
			name string
			v    icp.Number
		}{{"start_arr", c.StartARR}, {"current_arr", c.CurrentARR}, {"cac", c.CAC}} {
			if err := checkAmount(f.v, f.name); err != "" {
				return &InputError{Record: "customer", ID: c.Account, Line: c.Line, Field: f.name, Reason: err}
			}
		}
		if g := c.GrossMargin; g.Known && !(g.Value >= 0 && g.Value <= 1) {
			return &InputError{Record: "customer", ID: c.Account, Line: c.Line, Field: "gross_margin", Reason: fmt.Sprintf("%g is outside 0–1", g.Value)}
		}
	}
	for _, s := range in.Sources {
		if s.Read < 0 || s.Rejected < 0 {
			return fmt.Errorf("report: source %q: negative row count: %w", s.Name, ErrInvalid)
		}
	}
	return nil
}

func checkAmount(n icp.Number, name string) string {
	switch {
	case !n.Known:
		return ""
	case !finite(n.Value):
		return fmt.Sprintf("%g is not a finite number", n.Value)
	case n.Value < 0:
		return fmt.Sprintf("%g is negative", n.Value)
	}
	return ""
}

// topTiers returns how many tiers count as the top of the model for the
// "share of value in Tier 1–2" figure: the first two, or one when the
// model has one tier.
func (r *Report) topTiers() int { return min(2, len(r.Model.Tiers)) }

// tierList joins tier names: "Tier 2 and Tier 3", "Tier 2, Tier 3 and Disqualified".
func tierList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
