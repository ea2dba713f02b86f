package report

import (
	"fmt"
	"image/color"
	"math"

	"github.com/icpkit/icpkit/calibrate"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawReliability: for the current (left) and the suggested model
// (right), the observed win rate of held-out deals against their
// predicted win rate, bin by bin under cross-validation, with Wilson
// intervals and the diagonal of perfect calibration.
func (r *Report) drawReliability(s *slide) error {
	c := r.Calibration
	if c == nil {
		body := s.header("", nil)
		message(body, "Calibration was not run: see icp-report calibrate")
		return nil
	}
	legend := []legendItem{
		{label: "Current model", color: currentColor},
		{label: "Suggested model", color: suggestedColor},
		{label: "95% Wilson interval", color: inkColor, kind: legendWhisker},
		{label: "Perfect calibration", color: neutral, kind: legendLine},
	}
	if len(c.Reliability) == 0 {
		body := s.header(fmt.Sprintf("Calibration on %s closed deals ran without cross-validation (fewer than 2 folds, or too few deals).", fmtInt(c.Deals)), legend)
		message(body, "No cross-validation")
		return nil
	}
	deals := 0
	for _, b := range c.Reliability[0].Bins {
		deals += b.Deals
	}
	body := s.header(fmt.Sprintf("Held-out deals of the %s in %d bins of about %s by predicted win rate (the score mapped to a win rate on the training folds). "+
		"Points above the diagonal: the model under-predicts; below it: over-predicts.",
		c.CrossValidation, len(c.Reliability[0].Bins), fmtInt(deals/max(len(c.Reliability[0].Bins), 1))), legend)

	top := 0.0
	for _, rc := range c.Reliability {
		for _, b := range rc.Bins {
			top = max(top, b.High, b.To)
		}
	}
	top = math.Min(1, math.Ceil(top*10+0.25)/10)
	var plots []*plot.Plot
	var captions []string
	for _, rc := range c.Reliability {
		col, name := currentColor, "Current model"
		if rc.Model == calibrate.ModelSuggested {
			col, name = suggestedColor, "Suggested model"
		}
		p, err := reliabilityPlot(rc, col, top)
		if err != nil {
			return err
		}
		plots = append(plots, p)
		if v := c.crossValidated(rc.Model); v != nil && v.AUC.Known {
			name += fmt.Sprintf(": AUC %.3f", v.AUC.Value)
			if v.Slope.Known {
				name += fmt.Sprintf(", slope %.2f", v.Slope.Value)
			}
		}
		captions = append(captions, name)
	}
	sideBySide(body, plots, captions)
	return nil
}

// reliabilityPlot draws one model's bins on a square 0–top range.
func reliabilityPlot(rc ReliabilityCurve, col color.Color, top float64) (*plot.Plot, error) {
	p := newGridPlot("Predicted win rate", "Observed win rate", false)
	p.X.Tick.Marker, p.Y.Tick.Marker = percentTicks{}, percentTicks{}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, top, 0, top
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: top, Y: top}})
	if err != nil {
		return nil, err
	}
	diag.LineStyle = draw.LineStyle{Color: neutral, Width: vg.Points(1.4)}
	p.Add(diag)
	if len(rc.Bins) == 0 {
		return p, nil
	}
	errs := errorPoints{}
	xy := make(plotter.XYs, len(rc.Bins))
	for i, b := range rc.Bins {
		errs.add(b.Predicted, b.Observed, b.Low, b.High)
		xy[i] = plotter.XY{X: b.Predicted, Y: b.Observed}
	}
	eb, err := plotter.NewYErrorBars(errs)
	if err != nil {
		return nil, err
	}
	eb.LineStyle = draw.LineStyle{Color: inkColor, Width: vg.Points(1)}
	eb.CapWidth = vg.Points(5)
	ln, err := plotter.NewLine(xy)
	if err != nil {
		return nil, err
	}
	ln.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.2)}
	sc, err := plotter.NewScatter(xy)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3.6), Shape: draw.CircleGlyph{}}
	p.Add(eb, ln, sc)
	return p, nil
}
