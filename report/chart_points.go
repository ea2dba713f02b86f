package report

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawPoints: each criterion's current and suggested points as grouped
// horizontal bars, the model's first criterion on top, with the points
// at the end of each bar.
func (r *Report) drawPoints(s *slide) error {
	c := r.Calibration
	legend := []legendItem{{label: "Current points", color: currentColor}}
	if c != nil && c.Suggested {
		legend = append(legend, legendItem{label: "Suggested points", color: suggestedColor})
	}
	var sub string
	switch {
	case c == nil:
		body := s.header("", nil)
		message(body, "Calibration was not run: see icp-report calibrate")
		return nil
	case !c.Suggested:
		sub = fmt.Sprintf("Maximum points per criterion in the current model; calibration on %s closed deals suggests none (%s).", fmtInt(c.Deals), c.NoSuggestion)
	default:
		sub = fmt.Sprintf("Maximum points per criterion in the current model and as a logistic fit of %s closed deals (%s won) suggests, with the same total; "+
			"every %s suggested points double the odds of winning. Criteria whose effect the data do not show get 0.",
			fmtInt(c.Deals), fmtInt(c.Won), strings.TrimSuffix(fmt.Sprintf("%.1f", c.PointsToDouble.Value), ".0"))
	}
	body := s.header(sub, legend)
	if len(c.Criteria) == 0 {
		message(body, "The model has no criteria")
		return nil
	}
	p := newGridPlot("Points", "", true)
	n := len(c.Criteria)
	// Category y = n−1−i puts criterion i at position i from the top.
	names := make([]string, n)
	for i, cr := range c.Criteria {
		names[n-1-i] = truncate(cr.Label, 30)
	}
	series := []struct {
		vals  func(CriterionFit) Figure
		color color.Color
	}{{func(cr CriterionFit) Figure { return known(cr.Current) }, currentColor}}
	if c.Suggested {
		series = append(series, struct {
			vals  func(CriterionFit) Figure
			color color.Color
		}{func(cr CriterionFit) Figure { return cr.Suggested }, suggestedColor})
	}
	bw := barWidth(body.Size().Y*0.9, n, len(series))
	top := 0.0
	var lx, ly []float64
	var texts []string
	var offs []vg.Length
	for k, se := range series {
		vs := make(plotter.Values, n)
		for i, cr := range c.Criteria {
			f := se.vals(cr)
			if f.Known {
				vs[n-1-i] = f.Value
				top = max(top, f.Value)
			}
		}
		b, err := plotter.NewBarChart(vs, bw)
		if err != nil {
			return err
		}
		b.Horizontal = true
		b.Color = se.color
		b.LineStyle.Width = 0
		// The first series above the second: y grows upwards.
		off := bw * (vg.Length(len(series)-1)/2 - vg.Length(k))
		b.Offset = off
		p.Add(b)
		for y, v := range vs {
			lx, ly = append(lx, v), append(ly, float64(y))
			texts = append(texts, fmt.Sprintf("%g", v))
			offs = append(offs, off)
		}
	}
	p.Add(barEndLabels{xs: lx, ys: ly, texts: texts, offs: offs})
	p.X.Min, p.X.Max = 0, math.Ceil(max(top*1.1, 1)/5)*5
	p.X.Tick.Marker = intTicks{}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Label.Font = sans(tickSize+1, false)
	p.Y.Tick.Length = 0
	p.Draw(body)
	return nil
}

// barEndLabels write each value just right of the end of its horizontal
// bar, centred on the bar (offset from its category by offs).
type barEndLabels struct {
	xs, ys []float64
	texts  []string
	offs   []vg.Length
}

func (l barEndLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ts := textStyle(labelSize, false, inkColor)
	ts.XAlign, ts.YAlign = draw.XLeft, draw.YCenter
	for i, t := range l.texts {
		c.FillText(ts, vg.Point{X: trX(l.xs[i]) + vg.Points(3), Y: trY(l.ys[i]) + l.offs[i]}, t)
	}
}
