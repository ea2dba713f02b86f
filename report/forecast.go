package report

// Forecast weights open pipeline by each tier's historical win rate, so
// that a Tier 1 deal counts for more than a Tier 3 deal of the same size.
// It ignores stage and timing: it is the value the open deals are worth
// at their tiers' win rates, not a forecast for a period.
type Forecast struct {
	Tiers []ForecastRow // one per Report.Tiers entry

	// Weighted sums the tiers whose win rate is known (ICP-weighted);
	// Unweighted applies the overall win rate to every open deal.
	Weighted   ForecastRow
	Unweighted ForecastRow

	// Unpriced is the open value of tiers without closed deals: it is in
	// neither forecast's Expected (Unweighted leaves it out too, so the
	// two compare like for like).
	Unpriced float64
}

// ForecastRow is the expected value of a group of open deals.
//
//	Expected     = Value × WinRate
//	ExpectedLow  = Value × Low,  ExpectedHigh = Value × High
//
// where WinRate, Low and High are the group's historical win rate and its
// Wilson interval (Settings.Confidence). The Weighted row's band sums the
// tiers' bands: it is wider than an interval of the sum would be.
type ForecastRow struct {
	Tier                                string
	Deals                               int
	Value                               float64 // known amounts of the open deals
	WinRate, Low, High                  Figure
	Expected, ExpectedLow, ExpectedHigh Figure
}

func buildForecast(r *Report) Forecast {
	var f Forecast
	var exp, lo, hi, priced float64
	deals := 0
	anyPriced := false
	for i, pt := range r.Pipeline.Tiers {
		wr := r.WinRate.Tiers[i]
		row := ForecastRow{Tier: pt.Tier, Deals: pt.Deals, Value: pt.Value, WinRate: wr.Rate, Low: wr.Low, High: wr.High}
		row.Expected = wr.Rate.times(pt.Value)
		row.ExpectedLow = wr.Low.times(pt.Value)
		row.ExpectedHigh = wr.High.times(pt.Value)
		if row.Expected.Known {
			exp += row.Expected.Value
			lo += row.ExpectedLow.Value
			hi += row.ExpectedHigh.Value
			priced += pt.Value
			deals += pt.Deals
			anyPriced = true
		} else {
			f.Unpriced += pt.Value
		}
		f.Tiers = append(f.Tiers, row)
	}
	f.Weighted = ForecastRow{Tier: "ICP-weighted", Deals: deals, Value: priced}
	f.Unweighted = ForecastRow{Tier: "Unweighted", Deals: deals, Value: priced,
		WinRate: r.WinRate.All.Rate, Low: r.WinRate.All.Low, High: r.WinRate.All.High}
	if anyPriced {
		f.Weighted.Expected, f.Weighted.ExpectedLow, f.Weighted.ExpectedHigh = known(exp), known(lo), known(hi)
		f.Weighted.WinRate = ratio(exp, priced, "no open deal has an amount")
	} else {
		f.Weighted.Expected = unknown(noClosedNote)
		f.Weighted.ExpectedLow, f.Weighted.ExpectedHigh = f.Weighted.Expected, f.Weighted.Expected
		f.Weighted.WinRate = f.Weighted.Expected
	}
	u := &f.Unweighted
	u.Expected, u.ExpectedLow, u.ExpectedHigh = u.WinRate.times(priced), u.Low.times(priced), u.High.times(priced)
	return f
}
