package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/icpkit/icpkit/calibrate"
)

// summarySheet: model, data counts, headline win rates, pipeline and
// forecast, and the findings as sentences.
func (r *Report) summarySheet() *grid {
	g := newGrid(sheetSummary)
	name := strings.TrimSpace(r.Model.Name + " " + versionText(r.Model.Version))
	g.title("ICP review: "+name+", as of "+r.AsOf.Format(time.DateOnly),
		"The headline figures of the review; each sheet has the detail and says how its figures are computed.")
	g.freeze(2, 0)
	g.width(0, 44)
	for c := 1; c <= 5; c++ {
		g.width(c, 14)
	}
	g.width(6, 60)

	row := 3
	kv := func(label string, v any, st style) {
		g.set(row, 0, label, stText)
		switch x := v.(type) {
		case Figure:
			g.fig(row, 1, x, st)
		case time.Time:
			g.date(row, 1, x, st)
		default:
			g.set(row, 1, v, st)
		}
		row++
	}

	g.section(row, 0, "Model")
	row++
	kv("Model", r.Model.Name, stText)
	kv("Version", r.Model.Version, stText)
	kv("Model file", r.Model.File, stText)
	kv("Tiers", tierThresholds(r), stText)
	kv("Deals are scored", "as of their created date: the tier each deal had when it was created", stText)
	kv("As of", r.AsOf.Format(time.DateOnly), stText)
	kv("Period", r.Period.String(), stText)
	row++

	g.section(row, 0, "Data")
	row++
	g.header(row, 0, []string{"Source", "Rows read", "Rejected", "Rejected share"})
	row++
	read, rejected := 0, 0
	for _, s := range r.Quality.Sources {
		g.set(row, 0, s.Name, stText)
		g.set(row, 1, s.Read, stInt)
		g.set(row, 2, s.Rejected, stInt)
		g.fig(row, 3, ratio(float64(s.Rejected), float64(s.Read), "no rows read"), stPct)
		read += s.Read
		rejected += s.Rejected
		row++
	}
	g.set(row, 0, "All sources", stText.total())
	g.set(row, 1, read, stInt.total())
	g.set(row, 2, rejected, stInt.total())
	g.fig(row, 3, ratio(float64(rejected), float64(read), "no rows read"), stPct.total())
	row += 2
	kv("Deals", r.Deals.Total, stInt)
	kv("Closed deals (won + lost)", r.Deals.Closed(), stInt)
	kv("Won", r.Deals.Won, stInt)
	kv("Lost", r.Deals.Lost, stInt)
	kv("Open deals", r.Deals.Open, stInt)
	kv("Customers", r.Customers, stInt)
	row++

	g.section(row, 0, "Win rate by tier (tier at creation)")
	row++
	conf := confText(r.Settings.Confidence)
	g.header(row, 0, []string{"Tier", "Closed deals", "Won", "Win rate", "Low " + conf, "High " + conf, "Flag"},
		"", "", "", "won ÷ (won + lost)", "Wilson score interval", "Wilson score interval")
	row++
	nm := len(r.Model.Tiers)
	for i, t := range r.WinRate.Tiers {
		g.tierCell(row, 0, t.Tier, i, nm, false)
		g.set(row, 1, t.Closed, stInt)
		g.set(row, 2, t.Won, stInt)
		g.fig(row, 3, t.Rate, stPct)
		g.fig(row, 4, t.Low, stPct)
		g.fig(row, 5, t.High, stPct)
		if t.Flag != "" {
			g.set(row, 6, t.Flag, stFlag)
		}
		row++
	}
	a := r.WinRate.All
	g.set(row, 0, a.Tier, stText.total())
	g.set(row, 1, a.Closed, stInt.total())
	g.set(row, 2, a.Won, stInt.total())
	g.fig(row, 3, a.Rate, stPct.total())
	g.fig(row, 4, a.Low, stPct.total())
	g.fig(row, 5, a.High, stPct.total())
	row += 2

	g.section(row, 0, "Open pipeline and forecast")
	row++
	p, f := &r.Pipeline, &r.Forecast
	kv("Open deals", p.Total.Deals, stInt)
	kv("Open value", p.Total.Value, stMoney)
	kv("Share of open value in "+tierList(p.TopTiers), p.TopShare, stPct)
	kv("ICP-weighted forecast", f.Weighted.Expected, stMoney)
	kv("ICP-weighted forecast, low", f.Weighted.ExpectedLow, stMoney)
	kv("ICP-weighted forecast, high", f.Weighted.ExpectedHigh, stMoney)
	kv("Unweighted forecast (open value × overall win rate)", f.Unweighted.Expected, stMoney)
	kv("Aging open deals (no movement or re-score due)", r.Aging.Total.Deals, stInt)
	row++

	row = r.summaryCalibration(g, row)

	g.section(row, 0, "Findings")
	row++
	if len(r.Findings) == 0 {
		g.set(row, 0, "No findings: every check passed.", stText)
	}
	for _, fd := range r.Findings {
		g.set(row, 0, fd.Sheet, stWrap)
		g.set(row, 1, fd.Text, stWrap)
		for c := 2; c <= 6; c++ {
			g.set(row, c, nil, stWrap)
		}
		g.merges = append(g.merges, [2]string{cellName(row, 1), cellName(row, 6)})
		g.heights[row] = textHeight(fd.Text, 125)
		row++
	}
	return g
}

// textHeight estimates the row height, in points, that wrapped text of
// the given line width (in characters) needs.
func textHeight(s string, perLine int) float64 {
	lines := (len([]rune(s)) + perLine - 1) / perLine
	return float64(max(lines, 1)) * 15
}

func versionText(v string) string {
	if v == "" {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(v), "v") {
		return v
	}
	return "v" + v
}

// tierThresholds writes "Tier 1 ≥ 80, Tier 2 ≥ 65, Tier 3 ≥ 0".
func tierThresholds(r *Report) string {
	parts := make([]string, len(r.Model.Tiers))
	for i, t := range r.Model.Tiers {
		parts[i] = fmt.Sprintf("%s ≥ %g", t.Name, t.Min)
	}
	return strings.Join(parts, ", ")
}

// summaryTopFindings is how many calibration findings the summary lists.
const summaryTopFindings = 5

// summaryCalibration writes the calibration's headline figures and its
// most severe findings from row on, and returns the row after them.
func (r *Report) summaryCalibration(g *grid, row int) int {
	g.section(row, 0, "Calibration against won and lost deals")
	row++
	c := r.Calibration
	if c == nil {
		g.set(row, 0, calNotRun, stText)
		return row + 2
	}
	kv := func(label string, v any, st style) {
		g.set(row, 0, label, stText)
		if f, ok := v.(Figure); ok {
			g.fig(row, 1, f, st)
		} else {
			g.set(row, 1, v, st)
		}
		row++
	}
	kv("Method", methodText(c.Method), stText)
	kv("Closed deals fitted", c.Deals, stInt)
	kv("Won", c.Won, stInt)
	kv("Lost", c.Lost, stInt)
	cv := c.CrossValidation
	if cv == "" {
		cv = "cross-validation"
	}
	for _, m := range []string{calibrate.ModelCurrent, calibrate.ModelSuggested} {
		f := unknown("no cross-validation was run")
		if v := c.crossValidated(m); v != nil {
			f = v.AUC
		}
		kv("AUC of the "+m+" model, "+cv, f, stDec3)
	}
	kv("Suggested points that double the odds of winning", c.PointsToDouble, stScore)
	row++

	g.section(row, 0, "Top calibration findings")
	row++
	if len(c.Findings) == 0 {
		g.set(row, 0, "Calibration found nothing to review.", stText)
		row++
	}
	for i, f := range c.Findings {
		if i == summaryTopFindings {
			g.set(row, 1, fmt.Sprintf("%s more on the %s sheet.", count(len(c.Findings)-i, "finding"), sheetReview), stText)
			row++
			break
		}
		g.set(row, 0, severityText(f.Severity), style{kind: severityKind(f.Severity)})
		g.set(row, 1, f.Title, stWrap)
		for col := 2; col <= 6; col++ {
			g.set(row, col, nil, stWrap)
		}
		g.merges = append(g.merges, [2]string{cellName(row, 1), cellName(row, 6)})
		g.heights[row] = textHeight(f.Title, 125)
		row++
	}
	return row + 1
}
