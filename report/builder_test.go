package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/report"
)

// rendered is everything a review writes, as bytes.
type rendered struct {
	xlsx, summary []byte
	pngs          [][]byte
}

func render(t *testing.T, r *report.Report) rendered {
	t.Helper()
	var out rendered
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	out.xlsx = buf.Bytes()
	for _, c := range r.Charts() {
		var p bytes.Buffer
		if err := r.WritePNG(&p, c.Name); err != nil {
			t.Fatalf("WritePNG(%q): %v", c.Name, err)
		}
		out.pngs = append(out.pngs, p.Bytes())
	}
	js, err := json.Marshal(r.Summary())
	if err != nil {
		t.Fatalf("json.Marshal(Summary()): %v", err)
	}
	out.summary = js
	return out
}

// stream builds the review of in with a Builder the way a file reader
// feeds it: one reused Opportunity whose slices are overwritten after
// each Add. With noAsOf the builder is given no as-of date, and the
// customers, the sources and the calibration only once every deal is
// added.
func stream(t *testing.T, in report.Input, s report.Settings, noAsOf bool) *report.Report {
	t.Helper()
	start := report.Input{Model: in.Model, Period: in.Period, AsOf: in.AsOf,
		Customers: in.Customers, Sources: in.Sources, Rejects: in.Rejects, Calibration: in.Calibration}
	if noAsOf {
		start = report.Input{Model: in.Model, Period: in.Period}
	}
	b, err := report.NewBuilder(start, s)
	if err != nil {
		t.Fatalf("NewBuilder: %v", err)
	}
	var o icp.Opportunity
	for i := range in.Deals {
		o = in.Deals[i]
		if o.Prospect.TechStack != nil { // nil is unknown, empty is none
			o.Prospect.TechStack = append([]string{}, o.Prospect.TechStack...)
		}
		if o.Prospect.Triggers != nil {
			o.Prospect.Triggers = append([]icp.Event{}, o.Prospect.Triggers...)
		}
		if err := b.Add(&o); err != nil {
			t.Fatalf("Add(%q): %v", o.ID, err)
		}
		for j := range o.Prospect.TechStack {
			o.Prospect.TechStack[j] = "reused"
		}
		for j := range o.Prospect.Triggers {
			o.Prospect.Triggers[j] = icp.Event{Kind: "reused"}
		}
	}
	if noAsOf {
		b.SetCustomers(in.Customers)
		b.SetSources(in.Sources, in.Rejects)
		b.SetCalibration(in.Calibration)
	}
	r, err := b.Report()
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	return r
}

// latestDate is the latest date of in's deals and customers: the as-of
// date of a Builder given none.
func latestDate(in report.Input) time.Time {
	var latest time.Time
	for _, d := range in.Deals {
		for _, t := range []time.Time{d.Created, d.Closed, d.LastStageChange} {
			if t.After(latest) {
				latest = t
			}
		}
	}
	for _, c := range in.Customers {
		for _, t := range []time.Time{c.Start, c.Churn} {
			if t.After(latest) {
				latest = t
			}
		}
	}
	return latest
}

// TestBuilderMatchesBuild checks that the streaming path writes the same
// workbook, charts and summary, byte for byte, as Build on the same deals:
// given the as-of date, and given none (then it is the latest date in the
// data), with an aging list short enough that most open deals are
// dropped while they stream.
func TestBuilderMatchesBuild(t *testing.T) {
	t.Parallel()
	cal, _ := calInput(t)
	early := testInput(nil)
	early.AsOf = day(2026, 9, 15) // before some deals were created or closed
	month := testInput(nil)
	month.Period = report.Month
	tests := []struct {
		name string
		in   report.Input
		s    report.Settings
	}{
		{"test", testInput(nil), report.Settings{}},
		{"as of before the last deals", early, report.Settings{}},
		{"month", month, report.Settings{}},
		{"calibrated demo", cal, report.Settings{}},
		{"scale", scaleInput(5_000, 500), report.Settings{}},
		{"scale, 7 aging rows", scaleInput(5_000, 500), report.Settings{MaxAgingRows: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, noAsOf := range []bool{false, true} {
				in := tt.in
				if noAsOf {
					in.AsOf = latestDate(in)
				}
				r, err := report.Build(in, tt.s)
				if err != nil {
					t.Fatalf("Build: %v", err)
				}
				want := render(t, r)
				got := render(t, stream(t, in, tt.s, noAsOf))
				if !bytes.Equal(got.xlsx, want.xlsx) {
					t.Errorf("no as-of %v: workbook differs from Build's (%d and %d bytes)", noAsOf, len(got.xlsx), len(want.xlsx))
				}
				if !bytes.Equal(got.summary, want.summary) {
					t.Errorf("no as-of %v: summary differs from Build's:\n%s\n%s", noAsOf, got.summary, want.summary)
				}
				if len(got.pngs) != len(want.pngs) {
					t.Fatalf("no as-of %v: %d charts; want %d", noAsOf, len(got.pngs), len(want.pngs))
				}
				for i := range got.pngs {
					if !bytes.Equal(got.pngs[i], want.pngs[i]) {
						t.Errorf("no as-of %v: chart %d differs from Build's", noAsOf, i)
					}
				}
			}
		})
	}
}

func TestBuilderErrors(t *testing.T) {
	in := testInput(nil)
	deals := in.Deals
	in.Deals = nil

	b, err := report.NewBuilder(in, report.Settings{})
	if err != nil {
		t.Fatalf("NewBuilder: %v", err)
	}
	bad := deals[3]
	bad.Amount = icp.Num(math.NaN())
	var ie *report.InputError
	if err := b.Add(&bad); !errors.As(err, &ie) || ie.Line != 5 {
		t.Errorf("Add(NaN amount) = %v; want an *InputError at line 5", err)
	}
	if err := b.Add(&deals[0]); err == nil {
		t.Errorf("Add after a bad deal = nil; want the bad deal's error")
	}
	if _, err := b.Report(); !errors.As(err, &ie) || ie.ID != "D0004" {
		t.Errorf("Report() = %v; want the *InputError of D0004", err)
	}

	b, err = report.NewBuilder(report.Input{Model: in.Model}, report.Settings{})
	if err != nil {
		t.Fatalf("NewBuilder(no as-of): %v", err)
	}
	b.Add(&icp.Opportunity{ID: "undated", Outcome: icp.Open})
	if _, err := b.Report(); err == nil || !errors.Is(err, report.ErrInvalid) || !strings.Contains(err.Error(), "as-of date") {
		t.Errorf("Report() with no as-of date and no date in the data = %v; want an error about the as-of date wrapping ErrInvalid", err)
	}

	for _, tt := range []struct {
		name string
		in   report.Input
		want string
	}{
		{"no model", report.Input{AsOf: asOf}, "no model"},
		{"period", report.Input{Model: in.Model, Period: 7}, "period 7"},
	} {
		if _, err := report.NewBuilder(tt.in, report.Settings{}); err == nil || !errors.Is(err, report.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewBuilder(%s) = %v; want an error containing %q wrapping ErrInvalid", tt.name, err, tt.want)
		}
	}
}
