package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
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
	body := s.header(fmt.Sprintf("Share of each outcome's closed deals by ICP score at creation (5-point bins), %s. A predictive model puts won deals to the right.",
		asOfText(r.AsOf)), legend)
	if won+lost == 0 {
		message(body, "No closed deals yet")
		return nil
	}
	p := newPlot("ICP score at deal creation", "Share of deals")
	p.Y.Tick.Marker = percentTicks{}
	// x is in bins: bin i is centred on i, so score s sits at s/width − 0.5.
	width := bins[0].High - bins[0].Low
	atScore := func(s float64) float64 { return s/width - 0.5 }
	unit := body.Size().X * 0.9 / vg.Length(len(bins)) // about one bin, in points
	bw := unit * 0.8 / 2
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
	p.X.Min, p.X.Max = -0.5, float64(len(bins))-0.5
	p.X.Tick.Marker = scoreTicks{width: width, bins: len(bins)}

	// Tier thresholds, best tier first; a label too close to the one
	// before it drops below it.
	ls := textStyle(labelSize, false, greyInk)
	var xs, ys []float64
	var texts []string
	prevX, prevW := math.Inf(1), vg.Length(0)
	for i, t := range r.Model.Tiers[:max(len(r.Model.Tiers)-1, 0)] {
		x := atScore(t.Min)
		text := fmt.Sprintf("%s ≥ %g", t.Name, t.Min)
		w := ls.Width(text)
		y := top * 1.1
		if i > 0 && vg.Length(prevX-x)*unit < (w+prevW)/2+vg.Points(6) && ys[len(ys)-1] == top*1.1 {
			y = top * 1.01
		}
		prevX, prevW = x, w
		ln, err := plotter.NewLine(plotter.XYs{{X: x, Y: 0}, {X: x, Y: y}})
		if err != nil {
			return err
		}
		ln.LineStyle = draw.LineStyle{Color: greyInk, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
		p.Add(ln)
		xs, ys = append(xs, x), append(ys, y)
		texts = append(texts, text)
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

// scoreTicks labels a bin axis with scores at every other bin edge.
type scoreTicks struct {
	width float64
	bins  int
}

func (s scoreTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for i := 0; i <= s.bins; i++ {
		t := plot.Tick{Value: float64(i) - 0.5}
		if score := float64(i) * s.width; math.Mod(score, 10) == 0 {
			t.Label = fmt.Sprintf("%g", score)
		}
		ts = append(ts, t)
	}
	return ts
}
