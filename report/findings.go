package report

import (
	"fmt"
	"strings"
)

// Sheet names, in workbook order.
const (
	sheetSummary     = "Summary"
	sheetReview      = "Review findings"
	sheetWinRate     = "Win rate by tier"
	sheetPipeline    = "Pipeline mix"
	sheetForecast    = "Forecast by tier"
	sheetAging       = "Aging pipeline"
	sheetCohorts     = "Cohorts"
	sheetCalibration = "Calibration"
	sheetQuality     = "Data quality"
)

// Thresholds of the findings.
const (
	rejectShareWarn  = 0.05 // a source rejecting more than this share of rows
	missingShareWarn = 0.25 // a criterion unknown for at least this share of deals
)

// findings writes the review's sentences from the computed tables.
func (r *Report) findings() []Finding {
	var fs []Finding
	add := func(sheet, format string, args ...any) {
		fs = append(fs, Finding{Sheet: sheet, Text: fmt.Sprintf(format, args...)})
	}
	cur := r.Model.Currency
	money := func(v float64) string { return fmtMoney(v, cur) }

	// Win rate.
	w := &r.WinRate
	nm := len(r.Model.Tiers)
	if w.All.Closed == 0 {
		add(sheetWinRate, "There are no closed deals: win rates, the forecast and the score distribution are empty.")
	} else {
		ordered := true
		for i := 0; i < nm; i++ {
			t := &w.Tiers[i]
			switch {
			case t.Closed == 0:
				add(sheetWinRate, "%s has no closed deals; its win rate is unknown.", t.Tier)
				ordered = false
			case t.Closed < r.Settings.MinClosedDeals:
				add(sheetWinRate, "%s has only %d closed deals: its win rate (%s, %s interval %s) is too uncertain to act on.",
					t.Tier, t.Closed, fmtPct(t.Rate.Value), confText(r.Settings.Confidence), fmtPctRange(t.Low.Value, t.High.Value))
				ordered = false
			}
		}
		for i := 0; i+1 < nm; i++ {
			a, b := &w.Tiers[i], &w.Tiers[i+1]
			switch {
			case strings.Contains(b.Flag, "converts better than "+a.Tier):
				add(sheetWinRate, "%s converts better than %s (%s vs %s of closed deals): the tiers are out of order; review the tier thresholds and the criteria.",
					b.Tier, a.Tier, fmtPct(b.Rate.Value), fmtPct(a.Rate.Value))
				ordered = false
			case strings.Contains(a.Flag, "does not convert meaningfully better than "+b.Tier):
				add(sheetWinRate, "%s does not convert meaningfully better than %s (%s vs %s; the %s intervals %s and %s overlap): the tier definitions are wrong or the criteria do not predict.",
					a.Tier, b.Tier, fmtPct(a.Rate.Value), fmtPct(b.Rate.Value), confText(r.Settings.Confidence),
					fmtPctRange(a.Low.Value, a.High.Value), fmtPctRange(b.Low.Value, b.High.Value))
				ordered = false
			}
		}
		if ordered && nm > 1 {
			parts := make([]string, nm)
			for i := range nm {
				parts[i] = w.Tiers[i].Tier + " " + fmtPct(w.Tiers[i].Rate.Value)
			}
			add(sheetWinRate, "Win rates fall tier by tier, with intervals apart: %s.", strings.Join(parts, ", "))
		}
		if len(r.Tiers) > nm {
			d := &w.Tiers[nm]
			if d.Won > 0 {
				add(sheetWinRate, "%s %s won (%s of %s closed): look for a segment the disqualifiers exclude by mistake.",
					count(d.Won, strings.ToLower(d.Tier)+" deal"), wasWere(d.Won), fmtPct(d.Rate.Value), fmtInt(d.Closed))
			}
		}
	}

	// Pipeline.
	p := &r.Pipeline
	switch {
	case p.Total.Deals == 0:
		add(sheetPipeline, "There are no open deals.")
	case p.LowerShare.Known && p.LowerShare.Value > 0.5:
		add(sheetPipeline, "%s hold %s of open pipeline value (%s: %s). A pipeline dominated by %s is a sourcing problem, not a closing problem.",
			tierList(p.LowerTiers), fmtPct(p.LowerShare.Value), tierList(p.TopTiers), fmtPct(p.TopShare.Value), tierList(p.LowerTiers))
	case p.TopShare.Known:
		add(sheetPipeline, "%s hold %s of open pipeline value.", tierList(p.TopTiers), fmtPct(p.TopShare.Value))
	}
	if p.Total.NoAmount > 0 {
		add(sheetPipeline, "%s no amount and %s left out of pipeline value and the forecast.", count(p.Total.NoAmount, "open deal")+" "+hasHave(p.Total.NoAmount), isAre(p.Total.NoAmount))
	}

	// Forecast.
	f := &r.Forecast
	if f.Weighted.Expected.Known && f.Unweighted.Expected.Known {
		diff := f.Weighted.Expected.Value - f.Unweighted.Expected.Value
		add(sheetForecast, "The ICP-weighted forecast is %s (band %s–%s), %s %s the unweighted %s (open value × the overall win rate of %s).",
			money(f.Weighted.Expected.Value), money(f.Weighted.ExpectedLow.Value), money(f.Weighted.ExpectedHigh.Value),
			money(abs(diff)), aboveBelow(diff), money(f.Unweighted.Expected.Value), fmtPct(f.Unweighted.WinRate.Value))
	}
	for _, t := range f.Tiers {
		if !t.Expected.Known && t.Value > 0 {
			add(sheetForecast, "%s has no closed deals, so its open value of %s is in neither forecast.", t.Tier, money(t.Value))
		}
	}

	// Aging.
	a := &r.Aging
	if a.Total.Stalled > 0 {
		add(sheetAging, "%s worth %s %s not moved stage for %s days or more: re-qualify or close %s.",
			count(a.Total.Stalled, "open deal"), money(a.Total.StalledValue), hasHave(a.Total.Stalled), fmtInt(int(a.NoMovementDays)), itThem(a.Total.Stalled))
	}
	if a.Total.RescoreDue > 0 {
		add(sheetAging, "%s %s due for re-scoring (checkpoints at %s days after creation).",
			count(a.Total.RescoreDue, "open deal"), isAre(a.Total.RescoreDue), joinDays(a.RescoreDays))
	}
	if a.Omitted > 0 {
		add(sheetAging, "The aging sheet lists the %s oldest of %s aging deals.", fmtInt(len(a.Deals)), fmtInt(a.Total.Deals))
	}

	// Cohorts.
	c := &r.Cohorts
	last := len(horizons) - 1
	if r.Customers > 0 && nm > 1 {
		top, bottom := &c.Tiers[0], &c.Tiers[nm-1]
		if top.Logo[last].Known && bottom.Logo[last].Known && top.Customers > 0 && bottom.Customers > 0 {
			add(sheetCohorts, "%d-month logo retention: %s %s vs %s %s.", horizons[last],
				top.Tier, fmtPct(top.Logo[last].Value), bottom.Tier, fmtPct(bottom.Logo[last].Value))
			if bottom.Logo[last].Value > top.Logo[last].Value {
				add(sheetCohorts, "%s customers retain better than %s customers: the attributes that predicted retention may have changed.", bottom.Tier, top.Tier)
			}
		}
		if top.NRR[last].Known && bottom.NRR[last].Known && top.Customers > 0 && bottom.Customers > 0 {
			add(sheetCohorts, "%d-month net revenue retention: %s %s vs %s %s.", horizons[last],
				top.Tier, fmtPct(top.NRR[last].Value), bottom.Tier, fmtPct(bottom.NRR[last].Value))
		}
	}
	if r.Customers > 0 && !c.All.Logo[last].Known {
		add(sheetCohorts, "No cohort is %d months old yet: %d-month retention, annual churn and LTV are not yet known.", horizons[last], horizons[last])
	}

	// Data quality.
	for _, s := range r.Quality.Sources {
		if s.Read > 0 && float64(s.Rejected)/float64(s.Read) > rejectShareWarn {
			add(sheetQuality, "%s: %s of %s rows were rejected (%s).", s.Name, fmtInt(s.Rejected), fmtInt(s.Read), fmtPct(float64(s.Rejected)/float64(s.Read)))
		}
	}
	for _, m := range r.Quality.Missing {
		if m.Rate.Known && m.Rate.Value >= missingShareWarn {
			add(sheetQuality, "%s is unknown for %s of deals: an unknown attribute earns no points, so those deals score lower than they may deserve.", m.Label, fmtPct(m.Rate.Value))
		}
	}
	return fs
}

// confText writes a confidence level: "95%".
func confText(c float64) string {
	s := fmtPct(c)
	if t, ok := strings.CutSuffix(s, ".0%"); ok {
		return t + "%"
	}
	return s
}

func aboveBelow(d float64) string {
	if d < 0 {
		return "below"
	}
	return "above"
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func joinDays(ds []float64) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = fmt.Sprintf("%g", d)
	}
	return tierList(s)
}

// count writes "1 open deal" or "3 open deals".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmtInt(n) + " " + noun + "s"
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func wasWere(n int) string { return pick(n, "was", "were") }
func isAre(n int) string   { return pick(n, "is", "are") }
func hasHave(n int) string { return pick(n, "has", "have") }
func itThem(n int) string  { return pick(n, "it", "them") }
