package report

import (
	"fmt"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// maxChartStages is the number of stages drawn on their own; the rest are
// summed as "Other stages".
const maxChartStages = 9

// drawPipeline: open deals (left) and open value (right) per tier,
// stacked by stage.
func (r *Report) drawPipeline(s *slide) error {
	p := &r.Pipeline
	nt := len(r.Tiers)
	stages := chartStages(p.Stages, nt)
	var legend []legendItem
	for i, st := range stages {
		c := stageColor(i)
		if st.Name == otherStages {
			c = neutral
		}
		legend = append(legend, legendItem{label: truncate(st.Name, 28), color: c})
	}
	body := s.header(fmt.Sprintf("Open deals by the tier each deal had when it was created, stacked by stage, %s; %s of the value is in %s.",
		asOfText(r.AsOf), pctOr(p.TopShare, "–"), tierList(p.TopTiers)), legend)
	if p.Total.Deals == 0 {
		message(body, "No open deals")
		return nil
	}
	shown := r.shownTiers(func(i int) bool { return p.Tiers[i].Deals > 0 })
	names := make([]string, len(shown))
	for x, i := range shown {
		names[x] = r.Tiers[i]
	}
	panelW := body.Size().X / 2
	count := newPlot("ICP tier at deal creation", "Open deals")
	count.Y.Tick.Marker = intTicks{}
	value := newPlot("ICP tier at deal creation", "Open value"+currencySuffix(r.Model.Currency))
	value.Y.Tick.Marker = moneyTicks{r.Model.Currency}
	bw := barWidth(panelW*0.8, len(shown), 1)
	for k, pl := range []*plot.Plot{count, value} {
		var prev *plotter.BarChart
		for i, st := range stages {
			vs := make(plotter.Values, len(shown))
			for x, t := range shown {
				if k == 0 {
					vs[x] = float64(st.Deals[t])
				} else {
					vs[x] = st.Value[t]
				}
			}
			b, err := plotter.NewBarChart(vs, bw)
			if err != nil {
				return err
			}
			b.Color = stageColor(i)
			if st.Name == otherStages {
				b.Color = neutral
			}
			b.LineStyle.Color = whiteLine
			b.LineStyle.Width = vg.Points(0.5)
			if prev != nil {
				b.StackOn(prev)
			}
			pl.Add(b)
			prev = b
		}
		n := len(shown)
		xs, ys, texts := make([]float64, n), make([]float64, n), make([]string, n)
		top := 0.0
		for x, t := range shown {
			xs[x] = float64(x)
			if k == 0 {
				ys[x] = float64(p.Tiers[t].Deals)
				texts[x] = fmtInt(p.Tiers[t].Deals)
			} else {
				ys[x] = p.Tiers[t].Value
				texts[x] = fmtShortMoney(p.Tiers[t].Value, r.Model.Currency)
			}
			top = max(top, ys[x])
		}
		lb, err := labels(xs, ys, texts, inkColor)
		if err != nil {
			return err
		}
		pl.Add(lb)
		pl.Y.Min = 0
		pl.Y.Max = max(top*1.12, 1)
		nominal(pl, names)
	}
	sideBySide(body, []*plot.Plot{count, value}, []string{"Open deals", "Open value"})
	return nil
}

const otherStages = "Other stages"

// chartStages keeps the stages with the most open value (ties: most
// deals, then name) and sums the rest; the kept stages stay in name
// order, like the sheet.
func chartStages(all []Breakdown, nt int) []Breakdown {
	if len(all) <= maxChartStages+1 {
		return all
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := &all[idx[a]], &all[idx[b]]
		if x.TotalValue != y.TotalValue {
			return x.TotalValue > y.TotalValue
		}
		return x.TotalDeals > y.TotalDeals
	})
	keep := idx[:maxChartStages]
	sort.Ints(keep)
	out := make([]Breakdown, 0, maxChartStages+1)
	for _, i := range keep {
		out = append(out, all[i])
	}
	other := Breakdown{Name: otherStages, Deals: make([]int, nt), Value: make([]float64, nt)}
	for _, i := range idx[maxChartStages:] {
		for t := range nt {
			other.Deals[t] += all[i].Deals[t]
			other.Value[t] += all[i].Value[t]
		}
	}
	return append(out, other)
}

func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
