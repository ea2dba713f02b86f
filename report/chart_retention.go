package report

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawRetention: logo retention (left) and net revenue retention (right)
// by months since start, one line per tier; unknown points break the
// line.
func (r *Report) drawRetention(s *slide) error {
	c := &r.Cohorts
	nm := len(r.Model.Tiers)
	var legend []legendItem
	for i, t := range r.Tiers {
		if i >= nm && c.Tiers[i].Customers == 0 {
			continue
		}
		legend = append(legend, legendItem{label: fmt.Sprintf("%s (%s customers)", t, fmtInt(c.Tiers[i].Customers)), color: tierColor(i, nm), kind: legendLine})
	}
	body := s.header(fmt.Sprintf("Customers by the tier of their account at start; each point pools the customers observed for that many months (at least %d), %s.",
		r.Settings.MinCurveCustomers, asOfText(r.AsOf)), legend)
	any := false
	for _, cv := range c.Curves {
		for _, f := range cv.Logo {
			any = any || f.Known
		}
	}
	if !any {
		message(body, "Not enough customers observed yet")
		return nil
	}
	logo := newPlot("Months since start", "Customers retained")
	logo.Y.Tick.Marker = percentTicks{}
	nrr := newPlot("Months since start", "ARR retained (with expansion)")
	nrr.Y.Tick.Marker = percentTicks{}
	nrrTop := 1.0
	for k, pl := range []*plot.Plot{logo, nrr} {
		for t, cv := range c.Curves {
			fs := cv.Logo
			if k == 1 {
				fs = cv.NRR
			}
			for _, seg := range knownRuns(fs) {
				ln, err := plotter.NewLine(seg)
				if err != nil {
					return err
				}
				ln.LineStyle = draw.LineStyle{Color: tierColor(t, nm), Width: vg.Points(2.2)}
				pl.Add(ln)
				for _, pt := range seg {
					if k == 1 {
						nrrTop = max(nrrTop, pt.Y)
					}
				}
			}
		}
		pl.X.Min, pl.X.Max = 0, float64(r.Settings.CurveMonths)
		pl.X.Tick.Marker = monthTicks{}
	}
	logo.Y.Min, logo.Y.Max = 0, 1.05
	nrr.Y.Min, nrr.Y.Max = 0, nrrTop*1.08
	sideBySide(body, []*plot.Plot{logo, nrr}, []string{"Logo retention", "Net revenue retention"})
	return nil
}

// knownRuns splits a curve into runs of consecutive known points.
func knownRuns(fs []Figure) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for m, f := range fs {
		if !f.Known {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: float64(m), Y: f.Value})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// monthTicks marks every third month, labelled every sixth.
type monthTicks struct{}

func (monthTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for m := 0; float64(m) <= hi; m += 3 {
		if float64(m) < lo {
			continue
		}
		t := plot.Tick{Value: float64(m)}
		if m%6 == 0 {
			t.Label = fmt.Sprint(m)
		}
		ts = append(ts, t)
	}
	return ts
}
