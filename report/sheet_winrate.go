package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Layout of the win rate sheet: the main table from column A, the score
// distribution and the chart from column M, headers on one row.
const (
	wrHeader  = 3  // header row of both tables
	wrSideCol = 12 // first column of the score table
)

func (r *Report) winRateSheet() *grid {
	g := newGrid(sheetWinRate)
	conf := confText(r.Settings.Confidence)
	g.title("Win rate by ICP tier",
		fmt.Sprintf("Closed deals by the ICP tier each deal had when it was created: win rate = won ÷ (won + lost) with its %s Wilson score interval; "+
			"average won deal = mean amount of won deals; cycle = days from created to closed, median of won deals. An empty cell has a comment saying why.", conf))
	g.freeze(wrHeader+1, 2)
	cur := r.Model.Currency
	names := []string{"Period", "Tier", "Closed deals", "Won", "Lost", "Win rate", "Low " + conf, "High " + conf,
		"Average won deal" + currencySuffix(cur), "Median cycle (days)", "Flag"}
	g.header(wrHeader, 0, names,
		"Close period of the deal (by close date)", "ICP tier at the deal's creation", "won + lost", "", "",
		"won ÷ (won + lost)",
		fmt.Sprintf("Lower end of the %s Wilson score interval: (p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) ÷ (1 + z²/n)", conf),
		fmt.Sprintf("Upper end of the %s Wilson score interval", conf),
		"Mean amount of the won deals with a known amount",
		"Median of (close date − created date) in days over the won deals",
		"A tier that wins more often than the tier above it, or whose interval overlaps the next tier's, or that rests on too few deals")
	for c, w := range []float64{12, 14, 10, 9, 9, 10, 10, 10, 16, 12, 62} {
		g.width(c, w)
	}
	nm := len(r.Model.Tiers)
	row := wrHeader + 1
	put := func(t TierRate, tier int, st func(style) style) {
		period := t.Period
		if period == "" {
			period = "All periods"
		}
		g.set(row, 0, period, st(stText))
		if tier >= 0 {
			g.tierCell(row, 1, t.Tier, tier, nm, st(stText).bold)
		} else {
			g.set(row, 1, t.Tier, st(stText))
		}
		g.set(row, 2, t.Closed, st(stInt))
		g.set(row, 3, t.Won, st(stInt))
		g.set(row, 4, t.Lost, st(stInt))
		g.fig(row, 5, t.Rate, st(stPct))
		g.fig(row, 6, t.Low, st(stPct))
		g.fig(row, 7, t.High, st(stPct))
		g.fig(row, 8, t.AvgWon, st(stMoney))
		g.fig(row, 9, t.MedianCycle, st(stDays))
		if t.Flag != "" {
			g.set(row, 10, t.Flag, stFlag)
		}
		row++
	}
	firstTier := row
	for i, t := range r.WinRate.Tiers {
		put(t, i, style.b)
	}
	put(r.WinRate.All, -1, style.total)
	for i, t := range r.WinRate.ByPeriod {
		put(t, i%len(r.Tiers), plain)
	}

	// Score distribution.
	sc := wrSideCol
	g.section(wrHeader-1, sc, "Score at creation: won vs lost")
	g.header(wrHeader, sc, []string{"Score", "Won", "Lost", "Win rate"}, "5-point bins of the ICP score at creation; the last bin includes 100")
	for c, w := range []float64{10, 9, 9, 10} {
		g.width(sc+c, w)
	}
	for i, b := range r.Scores.Bins {
		rr := wrHeader + 1 + i
		g.set(rr, sc, fmt.Sprintf("%g–%g", b.Low, b.High), stText)
		g.set(rr, sc+1, b.Won, stInt)
		g.set(rr, sc+2, b.Lost, stInt)
		g.fig(rr, sc+3, b.Rate, stPct)
	}

	// Native chart: one series per tier, so each tier keeps its colour.
	var series []excelize.ChartSeries
	for i := range r.WinRate.Tiers {
		c := tierColor(i, nm)
		series = append(series, excelize.ChartSeries{
			Name:       absRef(g.name, firstTier+i, 1),
			Categories: absRef(g.name, wrHeader, 5),
			Values:     absRef(g.name, firstTier+i, 5),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(c)}},
		})
	}
	zero, one := 0.0, 1.0
	g.chart(wrHeader+len(r.Scores.Bins)+3, sc, &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     chartTitle("Win rate by tier (tier at creation)"),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Maximum: &one, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		XAxis:     excelize.ChartAxis{None: true},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
		Dimension: excelize.ChartDimension{Width: 560, Height: 320},
		Format:    excelize.GraphicOptions{AltText: "Win rate by ICP tier"},
	})
	return g
}

func chartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Bold: true, Size: 12, Color: titleColor}}}}
}

// currencySuffix labels a money column: " (USD)".
func currencySuffix(cur string) string {
	if cur == "" {
		return ""
	}
	return " (" + cur + ")"
}
