package report

import (
	"fmt"
	"strings"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/xuri/excelize/v2"
)

// calNotRun says that calibration was not run, and how to run it.
const calNotRun = "Calibration was not run for this review. To fit the model to won and lost deals and get suggested points, " +
	"run `icp-report calibrate --model icp.yaml --deals deals.csv`, or build the review with `icp-report report` without --no-calibration."

// Layout of the calibration sheet: sections one below the other from
// column A; the native chart right of the fit summary.
const (
	calFirst    = 3 // first section row
	calChartCol = 4 // column E
	calChartW   = 600
	calChartH   = 300
	calFlagCol  = 11 // column L: warnings and notes
	calFlagW    = 60 // its width
	// calFlagChars is about how many characters a line of the flag
	// column holds.
	calFlagChars = 66
)

// chartFont is the axis font of the sheet's native chart: the default
// light grey is hard to read.
var chartFont = excelize.Font{Color: "262626", Size: 9}

// calibrationSheet: the fit, each criterion's effect with its current and
// suggested points, suggested tier thresholds, the capacity of each
// threshold, the out-of-sample comparison and the reliability of the
// predictions.
func (r *Report) calibrationSheet() *grid {
	g := newGrid(sheetCalibration)
	c := r.Calibration
	g.freeze(2, 0)
	g.width(0, 34)
	for col := 1; col < calFlagCol; col++ {
		g.width(col, 11)
	}
	g.width(calFlagCol, calFlagW)
	if c == nil {
		g.title("Calibration", "Fitting the model to won and lost deals: which criteria predict wins, and the points and tier thresholds the data suggest.")
		g.set(calFirst, 0, calNotRun, stText)
		return g
	}
	g.title("Calibration: "+c.Model,
		fmt.Sprintf("A logistic regression of won on each criterion's share of its points over %s closed deals, scored as of their created date. "+
			"Empty cells have a comment saying why.", fmtInt(c.Deals)))

	row := calFirst
	g.section(row, 0, "Fit")
	row++
	// kv writes a figure; a caveat turns the value red and is its comment.
	kv := func(label string, v any, st style, caveat string) {
		g.set(row, 0, label, stText)
		if caveat != "" {
			st = stFlag
			g.comment(row, 1, caveat)
		}
		switch x := v.(type) {
		case Figure:
			g.fig(row, 1, x, st)
		default:
			g.set(row, 1, v, st)
		}
		row++
	}
	kv("Model calibrated", c.Model, stText, "")
	if c.Profile != "" && c.Profile != c.Model {
		kv("Profile", c.Profile, stText, "")
	}
	kv("Method", methodText(c.Method), stText, "")
	kv("Closed deals", c.Deals, stInt, "")
	kv("Won", c.Won, stInt, "")
	kv("Lost", c.Lost, stInt, "")
	if f := c.Fit; f != nil {
		conv, caveat := "yes", ""
		if !f.Converged {
			conv, caveat = "no: "+f.Reason, "the estimates did not converge: treat the effects and suggested points with care"
		}
		kv("Converged", conv, stText, caveat)
		kv("Iterations", f.Iterations, stInt, "")
		kv("Log-likelihood", f.LogLikelihood, stDec2, "")
		kv("AIC", f.AIC, stDec2, "")
		caveat = ""
		if f.Separation != "none" {
			caveat = "The criteria separate won from lost deals: maximum-likelihood estimates diverge (Firth's method keeps them finite)"
			if len(f.SeparatedBy) > 0 {
				caveat += "; separated by " + strings.Join(f.SeparatedBy, ", ")
			}
		}
		kv("Separation", f.Separation, stText, caveat)
		kv("Intervals", intervalText(f.Interval), stText, "")
	} else {
		kv("Regression", "not fitted", stText, "a win/loss regression needs both won and lost deals")
	}
	kv("Points that double the odds", c.PointsToDouble, stScore, "")
	if c.PointsToDouble.Known {
		g.comment(row-1, 1, "Every this many suggested points multiply the odds of winning by 2: total points × ln 2 ÷ Σ positive effects")
	}
	fitEnd := row

	// Suggested tier thresholds, under the fit.
	row++
	g.section(row, 0, "Tier thresholds")
	row++
	g.header(row, 0, []string{"Tier", "Current minimum", "Suggested minimum"}, "",
		"Minimum current score of the tier", "Minimum suggested score of the tier, chosen on the suggested score")
	row++
	for i, t := range c.Current {
		g.tierCell(row, 0, t.Name, i, len(c.Current), false)
		g.set(row, 1, t.Min, stNum)
		if i < len(c.Thresholds) && c.Thresholds[i].Name == t.Name {
			g.set(row, 2, c.Thresholds[i].Min, stNum)
		} else {
			g.set(row, 2, nil, stNum)
			g.comment(row, 2, c.NoSuggestion)
		}
		row++
	}

	// Native chart right of the fit: current vs suggested points.
	critRow := max(row+1, calFirst+calChartH/20+2, fitEnd+1)
	firstCrit := critRow + 2
	if len(c.Criteria) > 0 {
		last := firstCrit + len(c.Criteria) - 1
		series := []excelize.ChartSeries{{
			Name:       absRef(g.name, critRow+1, 9),
			Categories: absRange(g.name, firstCrit, 0, last, 0),
			Values:     absRange(g.name, firstCrit, 9, last, 9),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(currentColor)}},
		}}
		if c.Suggested {
			series = append(series, excelize.ChartSeries{
				Name:       absRef(g.name, critRow+1, 10),
				Categories: absRange(g.name, firstCrit, 0, last, 0),
				Values:     absRange(g.name, firstCrit, 10, last, 10),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(suggestedColor)}},
			})
		}
		zero, noVary := 0.0, false
		g.chart(calFirst, calChartCol, &excelize.Chart{
			Type:       excelize.Bar,
			Series:     series,
			VaryColors: &noVary,
			Title:      chartTitle("Points per criterion: current vs suggested"),
			Legend:     excelize.ChartLegend{Position: "bottom"},
			XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: chartFont},
			YAxis:      excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Font: chartFont},
			PlotArea:   excelize.ChartPlotArea{ShowVal: true},
			Dimension:  excelize.ChartDimension{Width: calChartW, Height: calChartH},
			Format:     excelize.GraphicOptions{AltText: "Current and suggested points per criterion"},
		})
	}

	// Criteria.
	row = critRow
	g.section(row, 0, "Criteria: effect on the odds of winning")
	row++
	g.header(row, 0, []string{"Criterion", "Deals earning points", "Effect (log-odds)", "Std. error", "z", "p", "Low 95%", "High 95%",
		"Odds ratio", "Current points", "Suggested points", "Warning"},
		"", "Share of closed deals earning any points on the criterion",
		"Change in the log-odds of winning from no points to full points on the criterion",
		"Standard error of the effect", "effect ÷ standard error (Wald)", "2(1 − Φ(|z|))",
		"Lower end of the 95% interval of the effect", "Upper end of the 95% interval of the effect",
		"exp(effect): how many times the odds of winning multiply with full points",
		"The criterion's maximum points in the model", "Positive effects rescaled to the model's total points; 0 for an effect the data do not show",
		"What qualifies the effect and the suggested points")
	row++
	for _, cr := range c.Criteria {
		g.set(row, 0, cr.Label, stText)
		g.fig(row, 1, cr.Share, stPct)
		g.fig(row, 2, cr.Effect, stDec2)
		g.fig(row, 3, cr.StdError, stDec2)
		g.fig(row, 4, cr.Z, stDec2)
		g.fig(row, 5, cr.P, stP)
		g.fig(row, 6, cr.Low, stDec2)
		g.fig(row, 7, cr.High, stDec2)
		g.fig(row, 8, cr.OddsRatio, stDec2)
		g.set(row, 9, cr.Current, stNum)
		g.fig(row, 10, cr.Suggested, stNum.b())
		if cr.Warning != "" {
			g.set(row, calFlagCol, cr.Warning, stFlagW)
			g.heights[row] = textHeight(cr.Warning, calFlagChars)
		}
		row++
	}
	if len(c.Warnings) > 0 {
		row++
		g.section(row, 0, "Warnings")
		row++
		for _, w := range c.Warnings {
			g.set(row, 0, w, stFlag)
			row++
		}
	}

	// Capacity.
	row++
	g.section(row, 0, "Capacity: what each threshold keeps")
	row++
	g.group(row, 1, 4, "Current score")
	g.group(row, 5, 4, "Suggested score")
	row++
	capNames := []string{"Deals kept", "Wins kept", "Win rate above", "Win rate below"}
	capNotes := []string{"Share of closed deals scoring at or above the threshold", "Share of wins scoring at or above the threshold",
		"Win rate of the deals at or above the threshold", "Win rate of the deals below the threshold"}
	g.header(row, 0, append(append([]string{"Score at or above"}, capNames...), capNames...),
		append(append([]string{""}, capNotes...), capNotes...)...)
	row++
	for _, cp := range c.Capacity {
		g.set(row, 0, cp.Score, stNum)
		for k, f := range []Figure{cp.DealsShare, cp.WinsShare, cp.WinRateAbove, cp.WinRateBelow,
			cp.SuggestedDealsShare, cp.SuggestedWinsShare, cp.SuggestedWinRateAbove, cp.SuggestedWinRateBelow} {
			g.fig(row, 1+k, f, stPct)
		}
		row++
	}
	if len(c.Capacity) == 0 {
		g.set(row, 0, "No capacity table: "+c.NoSuggestion+".", stText)
		row++
	}

	// Out of sample, on a new printed page.
	row++
	g.pageBreak(row)
	g.section(row, 0, "Out of sample: current model, suggestion and equal weights")
	row++
	g.header(row, 0, []string{"Split", "Model", "Deals", "Won", "AUC", "AUC low 95%", "AUC high 95%", "Log loss", "Brier", "Calibration slope", "Calibration intercept", "Note"},
		"Cross-validation: each fold held out once, the suggestion and the score-to-win-rate map fitted on the other folds. Time split: the latest close period held out.",
		"", "Held-out deals", "",
		"Area under the ROC curve: the chance a won deal scores above a lost one", "DeLong 95% interval", "DeLong 95% interval",
		"−mean(y log p + (1−y) log(1−p)); lower is better", "mean((p − y)²); lower is better",
		"Slope of logit(observed) on logit(predicted): 1 is perfect, below 1 over-confident",
		"Calibration-in-the-large: 0 is perfect, below 0 predictions too high")
	row++
	for _, v := range c.Validation {
		g.set(row, 0, v.Split, stText)
		g.set(row, 1, v.Model, stText)
		g.set(row, 2, v.Deals, stInt)
		g.set(row, 3, v.Won, stInt)
		g.fig(row, 4, v.AUC, stDec3)
		g.fig(row, 5, v.AUCLow, stDec3)
		g.fig(row, 6, v.AUCHigh, stDec3)
		g.fig(row, 7, v.LogLoss, stDec3)
		g.fig(row, 8, v.Brier, stDec3)
		g.fig(row, 9, v.Slope, stDec2)
		g.fig(row, 10, v.Intercept, stDec2)
		if v.Note != "" {
			g.set(row, calFlagCol, v.Note, stFlagW)
			g.heights[row] = textHeight(v.Note, calFlagChars)
		}
		row++
	}
	if len(c.Validation) == 0 {
		g.set(row, 0, "No out-of-sample comparison: too few deals for cross-validation and a single close period.", stText)
		row++
	}

	// Reliability.
	row++
	split := c.CrossValidation
	if split == "" {
		split = "cross-validation"
	}
	g.section(row, 0, "Reliability of the predicted win rates, "+split)
	row++
	g.header(row, 0, []string{"Model", "Bin", "Deals", "Predicted from", "Predicted to", "Mean predicted", "Observed win rate", "Low 95%", "High 95%"},
		"", "Held-out deals in bins of about equal size by predicted win rate", "",
		"Smallest predicted win rate in the bin", "Largest predicted win rate in the bin", "Mean predicted win rate",
		"won ÷ deals", "Wilson score interval", "Wilson score interval")
	row++
	curves := append([]ReliabilityCurve(nil), c.Reliability...)
	// The suggested model first: the one the sheet recommends.
	for i := range curves {
		if curves[i].Model == calibrate.ModelSuggested && i > 0 {
			curves[0], curves[i] = curves[i], curves[0]
		}
	}
	for _, rc := range curves {
		for i, b := range rc.Bins {
			g.set(row, 0, rc.Model, stText)
			g.set(row, 1, i+1, stInt)
			g.set(row, 2, b.Deals, stInt)
			g.set(row, 3, b.From, stPct)
			g.set(row, 4, b.To, stPct)
			g.set(row, 5, b.Predicted, stPct)
			g.set(row, 6, b.Observed, stPct)
			g.set(row, 7, b.Low, stPct)
			g.set(row, 8, b.High, stPct)
			row++
		}
	}
	if len(curves) == 0 {
		g.set(row, 0, "No cross-validation was run (fewer than 2 folds, or too few deals).", stText)
	}
	return g
}

// methodText describes a calibrate method name.
func methodText(m string) string {
	switch m {
	case "firth":
		return "Firth (bias-reduced)"
	case "ml":
		return "maximum likelihood"
	case "ridge":
		return "ridge (L2 penalty)"
	}
	return m
}

func intervalText(kind string) string {
	switch kind {
	case "profile":
		return "profile likelihood, 95%"
	case "wald":
		return "Wald, 95%"
	}
	return kind
}
