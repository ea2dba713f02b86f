package calibrate_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/icp"
)

var day0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// synth makes n closed deals whose win probability follows a known
// logistic model on two criteria of the reference model, linear in
// x = points/max as the regression assumes: company size (+2 log-odds at
// full points; the partial bands earn 12 of 25, x = 0.48) and a trigger
// event (+1.5), intercept -1.5. Every other attribute is random noise.
func synth(n int, seed uint64) []icp.Opportunity {
	r := rand.New(rand.NewPCG(seed, 7))
	inds := []string{"Software", "Retail", "Financial Services", "Healthcare"}
	ctry := []string{"US", "Germany", "UK", "France"}
	out := make([]icp.Opportunity, n)
	for i := range out {
		created := day0.AddDate(0, 0, r.IntN(540))
		p := icp.Prospect{
			Employees:     icp.Num(float64(20 + r.IntN(900))),
			Industry:      inds[r.IntN(len(inds))],
			Country:       ctry[r.IntN(len(ctry))],
			DecisionMaker: icp.FlagOf(r.IntN(2) == 0),
			TechStack:     []string{},
			Triggers:      []icp.Event{},
		}
		if r.IntN(2) == 0 {
			p.TechStack = []string{"Salesforce"}
		}
		trig := r.IntN(3) == 0
		if trig {
			p.Triggers = []icp.Event{{Kind: "funding", Date: created.AddDate(0, 0, -10)}}
		}
		eta := -1.5
		switch e := p.Employees.Value; {
		case e >= 100 && e <= 500:
			eta += 2
		case e >= 50 && e <= 1000:
			eta += 2 * 12.0 / 25
		}
		if trig {
			eta += 1.5
		}
		won := r.Float64() < 1/(1+math.Exp(-eta))
		o := icp.Opportunity{ID: "D", Prospect: p, Created: created, Closed: created.AddDate(0, 0, 30+r.IntN(60)), Outcome: icp.Lost, Amount: icp.Num(10000)}
		if won {
			o.Outcome = icp.Won
		}
		out[i] = o
	}
	return out
}

func TestRunRecoversDrivers(t *testing.T) {
	deals := synth(4000, 1)
	res, err := calibrate.Run(icp.Reference(), deals, calibrate.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Fit.Converged {
		t.Fatalf("fit did not converge: %s", res.Fit.Reason)
	}
	got := map[string]calibrate.Criterion{}
	sum := 0
	for _, c := range res.Criteria {
		got[c.Name] = c
		sum += c.Suggested
	}
	if sum != 100 {
		t.Errorf("suggested points add up to %d; want 100", sum)
	}
	// The true effects are 2 and 1.5; the tolerances are about three
	// standard errors at 4,000 deals.
	if c := got["company_size"]; math.Abs(c.Coef.Estimate-2) > 0.6 {
		t.Errorf("company_size effect = %.2f; want 2 ± 0.6", c.Coef.Estimate)
	}
	if c := got["trigger_event"]; math.Abs(c.Coef.Estimate-1.5) > 0.4 {
		t.Errorf("trigger_event effect = %.2f; want 1.5 ± 0.4", c.Coef.Estimate)
	}
	if got["company_size"].Suggested+got["trigger_event"].Suggested < 70 {
		t.Errorf("the two real drivers get %d points; want most of the 100", got["company_size"].Suggested+got["trigger_event"].Suggested)
	}
	for _, name := range []string{"industry", "geography"} {
		if c := got[name]; c.Coef.CILow > 0 {
			t.Errorf("%s: interval %.2f..%.2f excludes zero for a noise attribute", name, c.Coef.CILow, c.Coef.CIHigh)
		}
	}
	if res.Suggested == nil {
		t.Fatal("no suggested model")
	}
	data, err := res.Suggested.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := icp.Parse("suggested.yaml", data); err != nil {
		t.Fatalf("suggested model does not parse back: %v", err)
	}
	var cv, ts bool
	for _, e := range res.Validation {
		cv = cv || strings.Contains(e.Split, "cross-validation")
		ts = ts || strings.HasPrefix(e.Split, "time split")
		if e.Model == calibrate.ModelSuggested && e.AUC < 0.6 {
			t.Errorf("%s: suggested AUC %.3f; want > 0.6 on data with real signal", e.Split, e.AUC)
		}
	}
	if !cv || !ts {
		t.Errorf("validation splits: cross-validation %v, time split %v; want both", cv, ts)
	}
}

func TestRunDegenerate(t *testing.T) {
	base := synth(200, 2)
	allWon := append([]icp.Opportunity(nil), base...)
	for i := range allWon {
		allWon[i].Outcome = icp.Won
	}
	allLost := append([]icp.Opportunity(nil), base...)
	for i := range allLost {
		allLost[i].Outcome = icp.Lost
	}
	separated := append([]icp.Opportunity(nil), base...)
	for i := range separated {
		e := separated[i].Prospect.Employees.Value
		separated[i].Outcome = icp.Lost
		if e >= 100 && e <= 500 {
			separated[i].Outcome = icp.Won
		}
	}
	constant := append([]icp.Opportunity(nil), base...)
	for i := range constant {
		constant[i].Prospect.Country = "US"
	}
	open := append([]icp.Opportunity(nil), base...)
	for i := range open {
		open[i].Outcome = icp.Open
	}
	tests := []struct {
		name    string
		deals   []icp.Opportunity
		method  logit.Method
		wantErr bool
		warn    string // a substring one of the warnings or findings must have
	}{
		{name: "all won", deals: allWon, warn: "both outcomes"},
		{name: "all lost", deals: allLost, warn: "both outcomes"},
		{name: "one deal", deals: base[:1], warn: "both outcomes"},
		{name: "no closed deal", deals: open, wantErr: true},
		{name: "none", deals: nil, wantErr: true},
		{name: "perfect separation firth", deals: separated, warn: "separat"},
		{name: "perfect separation ml", deals: separated, method: logit.ML, warn: "separat"},
		{name: "constant criterion", deals: constant, warn: "never varies"},
		{name: "more criteria than deals", deals: base[:5]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := calibrate.Run(icp.Reference(), tt.deals, calibrate.Settings{Method: tt.method})
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Run = nil error; want an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkFinite(t, res)
			if tt.warn == "" {
				return
			}
			var all []string
			all = append(all, res.Warnings...)
			for _, c := range res.Criteria {
				all = append(all, c.Warning)
			}
			for _, f := range res.Findings {
				all = append(all, f.Title)
			}
			if !strings.Contains(strings.ToLower(strings.Join(all, "\n")), tt.warn) {
				t.Errorf("warnings %q; want one containing %q", all, tt.warn)
			}
		})
	}
}

// checkFinite fails on any NaN or Inf a report could show.
func checkFinite(t *testing.T, res *calibrate.Result) {
	t.Helper()
	bad := func(what string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s = %v", what, v)
		}
	}
	bad("PointsToDouble", res.PointsToDouble)
	if res.Fit != nil {
		bad("log-likelihood", res.Fit.LogLikelihood)
		for _, c := range append(res.Fit.Coefficients, res.Fit.Intercept) {
			for _, v := range []float64{c.Estimate, c.StdError, c.Z, c.PValue, c.CILow, c.CIHigh, c.OddsRatio} {
				bad(c.Name, v)
			}
		}
	}
	for _, e := range res.Validation {
		for _, v := range []float64{e.AUC, e.AUCLow, e.AUCHigh, e.LogLoss, e.Brier, e.CalibrationIntercept, e.CalibrationSlope} {
			bad(e.Split+" "+e.Model, v)
		}
	}
	for _, c := range res.Curve {
		bad("curve", c.Fitted)
		bad("curve", c.Observed)
	}
	for _, s := range res.Segments {
		bad("segment "+s.Value, s.Z)
	}
}
