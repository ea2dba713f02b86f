package report

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// drawWinRate: one bar per tier (tier at creation) with its Wilson
// interval as a whisker and "rate, n closed" above it.
func (r *Report) drawWinRate(s *slide) error {
	conf := confText(r.Settings.Confidence)
	w := &r.WinRate
	nm := len(r.Model.Tiers)
	legend := []legendItem{
		{label: "Win rate (bar, in the tier's colour)", color: tierDark},
		{label: conf + " Wilson interval", color: inkColor, kind: legendWhisker},
	}
	body := s.header(fmt.Sprintf("Won ÷ closed deals by the tier each deal had when it was created, %s; overall %s of %s closed deals.",
		asOfText(r.AsOf), pctOr(w.All.Rate, "–"), fmtInt(w.All.Closed)), legend)
	if w.All.Closed == 0 {
		message(body, "No closed deals yet")
		return nil
	}
	p := newPlot("ICP tier at deal creation", "Win rate")
	p.Y.Tick.Marker = percentTicks{}
	p.Y.Min = 0
	top := 0.0
	var xs, ys []float64
	var texts []string
	errs := errorPoints{}
	shown := r.shownTiers(func(i int) bool { return w.Tiers[i].Closed > 0 })
	bw := barWidth(body.Size().X*0.85, len(shown), 1)
	var names []string
	for x, i := range shown {
		t := w.Tiers[i]
		names = append(names, t.Tier)
		if !t.Rate.Known {
			xs, ys, texts = append(xs, float64(x)), append(ys, 0), append(texts, "no closed deals")
			continue
		}
		b, err := plotter.NewBarChart(plotter.Values{t.Rate.Value}, bw)
		if err != nil {
			return err
		}
		b.XMin = float64(x)
		b.Color = tierColor(i, nm)
		b.LineStyle.Width = 0
		p.Add(b)
		errs.add(float64(x), t.Rate.Value, t.Low.Value, t.High.Value)
		xs, ys = append(xs, float64(x)), append(ys, t.High.Value)
		texts = append(texts, fmt.Sprintf("%s  (n = %s)", fmtPct(t.Rate.Value), fmtInt(t.Closed)))
		top = max(top, t.High.Value)
	}
	eb, err := plotter.NewYErrorBars(errs)
	if err != nil {
		return err
	}
	eb.LineStyle.Color = inkColor
	eb.LineStyle.Width = vg.Points(1.3)
	eb.CapWidth = bw * 0.35
	p.Add(eb)
	lb, err := labels(xs, ys, texts, inkColor)
	if err != nil {
		return err
	}
	p.Add(lb)
	p.Y.Max = min(1, top*1.18+0.02)
	if p.Y.Max < top+0.06 {
		p.Y.Max = top + 0.06 // room for the labels above a whisker at 100%
	}
	nominal(p, names)
	p.X.Tick.Label.Font = sans(tickSize+1, true)
	p.Draw(body)
	return nil
}

// errorPoints feeds plotter.YErrorBars: a rate with its interval.
type errorPoints struct {
	xy  plotter.XYs
	err plotter.YErrors
}

func (e *errorPoints) add(x, y, lo, hi float64) {
	e.xy = append(e.xy, plotter.XY{X: x, Y: y})
	e.err = append(e.err, struct{ Low, High float64 }{y - lo, hi - y})
}

func (e errorPoints) Len() int                        { return len(e.xy) }
func (e errorPoints) XY(i int) (float64, float64)     { return e.xy[i].X, e.xy[i].Y }
func (e errorPoints) YError(i int) (float64, float64) { return e.err[i].Low, e.err[i].High }

func pctOr(f Figure, none string) string {
	if !f.Known {
		return none
	}
	return fmtPct(f.Value)
}
