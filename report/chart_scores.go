package report

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawScores: for won and lost deals, the share of each outcome's closed
// deals in each 10-point score bin, side by side, with the tier
// thresholds marked.
func (r *Report) drawScores(s *slide) error {
	bins := r.Scores.Bins
	won, lost := 0, 0
	for _, b := range bins {
		won += b.Won
		lost += b.Lost
	}
	legend := []legendItem{
		{label: fmt.Sprintf("Won (%s deals)", fmtInt(won)), color: wonColor},
		{label: fmt.Sprintf("Lost (%s deals)", fmtInt(lost)), color: lostColor},
		{label: "Tier threshold", color: greyInk, kind: legendLine},
	}
	body := s.header(fmt.Sprintf("Share of each outcome's closed deals by ICP score at creation (10-point bins), %s. A predictive model puts won deals to the right.",
		asOfText(r.AsOf)), legend)
	if won+lost == 0 {
		message(body, "No closed deals yet")
		return nil
	}
	p := newPlot("ICP score at deal creation", "Share of deals")
	p.Y.Tick.Marker = percentTicks{}
	bw := barWidth(body.Size().X*0.88, len(bins), 2)
	top := 0.0
	for k, series := range []struct {
		total int
		count func(ScoreBin) int
		color color.Color
	}{
		{won, func(b ScoreBin) int { return b.Won }, wonColor},
		{lost, func(b ScoreBin) int { return b.Lost }, lostColor},
	} {
		vs := make(plotter.Values, len(bins))
		for i, b := range bins {
			if series.total > 0 {
				vs[i] = float64(series.count(b)) / float64(series.total)
			}
			top = max(top, vs[i])
		}
		bc, err := plotter.NewBarChart(vs, bw)
		if err != nil {
			return err
		}
		bc.Color = series.color
		bc.LineStyle.Width = 0
		bc.Offset = bw * (vg.Length(k) - 0.5)
		p.Add(bc)
	}
	p.Y.Min, p.Y.Max = 0, top*1.22
	names := make([]string, len(bins))
	for i, b := range bins {
		names[i] = fmt.Sprintf("%g–%g", b.Low, b.High)
	}
	nominal(p, names)

	// Tier thresholds: bin i spans x in [i-0.5, i+0.5].
	width := bins[0].High - bins[0].Low
	var xs, ys []float64
	var texts []string
	for _, t := range r.Model.Tiers[:max(len(r.Model.Tiers)-1, 0)] {
		x := t.Min/width - 0.5
		ln, err := plotter.NewLine(plotter.XYs{{X: x, Y: 0}, {X: x, Y: top * 1.1}})
		if err != nil {
			return err
		}
		ln.LineStyle = draw.LineStyle{Color: greyInk, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
		p.Add(ln)
		xs, ys = append(xs, x), append(ys, top*1.1)
		texts = append(texts, fmt.Sprintf("%s ≥ %g", t.Name, t.Min))
	}
	if len(xs) > 0 {
		lb, err := labels(xs, ys, texts, greyInk)
		if err != nil {
			return err
		}
		p.Add(lb)
	}
	p.Draw(body)
	return nil
}
