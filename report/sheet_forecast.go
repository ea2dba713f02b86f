package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

const fcHeader = 3

func (r *Report) forecastSheet() *grid {
	g := newGrid(sheetForecast)
	f := &r.Forecast
	cur := r.Model.Currency
	conf := confText(r.Settings.Confidence)
	g.title("Forecast by ICP tier",
		fmt.Sprintf("Open value × the tier's historical win rate (tier at creation), with a low–high band from the %s Wilson interval, "+
			"against the unweighted forecast (open value × the overall win rate). Stage and timing are not modelled.", conf))
	g.freeze(fcHeader+1, 1)
	names := []string{"Tier", "Open deals", "Open value" + currencySuffix(cur), "Win rate", "Low " + conf, "High " + conf,
		"Forecast" + currencySuffix(cur), "Forecast low", "Forecast high"}
	g.header(fcHeader, 0, names,
		"ICP tier at the deal's creation", "", "Sum of the known amounts of the open deals",
		"Historical win rate of the tier: won ÷ (won + lost) of its closed deals",
		"Wilson interval of the win rate", "Wilson interval of the win rate",
		"open value × win rate", "open value × low end of the win rate interval", "open value × high end of the win rate interval")
	for c, w := range []float64{34, 11, 16, 10, 10, 10, 16, 16, 16} {
		g.width(c, w)
	}
	nm := len(r.Model.Tiers)
	row := fcHeader + 1
	put := func(fr ForecastRow, st func(style) style) {
		g.set(row, 1, fr.Deals, st(stInt))
		g.set(row, 2, fr.Value, st(stMoney))
		g.fig(row, 3, fr.WinRate, st(stPct))
		g.fig(row, 4, fr.Low, st(stPct))
		g.fig(row, 5, fr.High, st(stPct))
		g.fig(row, 6, fr.Expected, st(stMoney))
		g.fig(row, 7, fr.ExpectedLow, st(stMoney))
		g.fig(row, 8, fr.ExpectedHigh, st(stMoney))
		row++
	}
	first := row
	for i, fr := range f.Tiers {
		g.tierCell(row, 0, fr.Tier, i, nm, false)
		put(fr, plain)
	}
	last := row - 1
	g.set(row, 0, "ICP-weighted (sum of the tiers)", stText.total())
	g.comment(row, 0, "The sum of the tiers with closed deals; its band sums the tiers' bands, so it is wider than an interval of the sum. Its win rate is the forecast ÷ open value.")
	put(f.Weighted, style.total)
	g.set(row, 0, "Unweighted (overall win rate)", stText.total())
	g.comment(row, 0, "The same open value × the win rate of all closed deals, whatever their tier.")
	put(f.Unweighted, style.b)
	g.set(row, 0, "ICP-weighted − unweighted", stText)
	if f.Weighted.Expected.Known && f.Unweighted.Expected.Known {
		g.set(row, 6, f.Weighted.Expected.Value-f.Unweighted.Expected.Value, stMoney)
	} else {
		g.fig(row, 6, unknown(noClosedNote), stMoney)
	}
	row++
	if f.Unpriced > 0 {
		g.set(row, 0, "Open value of tiers without closed deals (in neither forecast)", stText)
		g.set(row, 2, f.Unpriced, stMoney)
		row++
	}

	zero := 0.0
	g.chart(row+2, 0, &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: absRef(g.name, fcHeader, 2), Categories: absRange(g.name, first, 0, last, 0), Values: absRange(g.name, first, 2, last, 2),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(neutral)}}},
			{Name: absRef(g.name, fcHeader, 6), Categories: absRange(g.name, first, 0, last, 0), Values: absRange(g.name, first, 6, last, 6),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(tierDark)}}},
		},
		Title:     chartTitle("Open value and ICP-weighted forecast by tier"),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Dimension: excelize.ChartDimension{Width: 620, Height: 340},
		Format:    excelize.GraphicOptions{AltText: "Open value and ICP-weighted forecast by tier"},
	})
	return g
}
