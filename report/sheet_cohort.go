package report

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

const (
	coHeader  = 4
	coSideCol = 19
)

// cohortDefinitions are written on the sheet; they restate the formulas
// of Cohorts.
var cohortDefinitions = []string{
	"Tier: the ICP tier of the customer's account, scored with the model as of the customer's start date. Cohort: the start period.",
	"Churn 90 days = customers churned within 90 days of their start ÷ customers.",
	"Logo retention at h months = customers not churned by start + h months ÷ customers.",
	"GRR at h months = Σ min(ARR at start + h, starting ARR) ÷ Σ starting ARR (gross revenue retention: churn and contraction, no expansion).",
	"NRR at h months = Σ ARR at start + h ÷ Σ starting ARR (net revenue retention: with expansion).",
	"ARR between the start and the report date is modelled: an active customer's ARR moves linearly from its starting ARR to its current ARR; a churned customer keeps its starting ARR until its churn date and has none after.",
	"Expansion (12 months) = NRR 12 − GRR 12: expansion ARR at 12 months as a share of starting ARR.",
	"Annual churn = customers churned ÷ customer-years observed up to the report date.",
	"LTV = mean starting ARR × gross margin ÷ annual churn (gross margin: ARR-weighted mean of the known margins).",
	"CAC payback (months) = Σ CAC ÷ Σ (starting ARR ÷ 12 × gross margin), over customers with CAC, ARR and margin known.",
	"Not yet known: a cohort is too young for a figure until its latest customer has been a customer for the horizon (latest start + horizon ≤ report date); annual churn and LTV need 12 months. Such cells are empty, with a comment, never 0.",
	"A tier's All cohorts row pools the cohorts old enough for each figure.",
}

func (r *Report) cohortSheet() *grid {
	g := newGrid(sheetCohorts)
	c := &r.Cohorts
	cur := r.Model.Currency
	g.title("Customer cohorts by ICP tier (finance)",
		fmt.Sprintf("Customers by the ICP tier of their account (scored as of their start) and start %s: retention at 3, 6 and 12 months, expansion, LTV and CAC payback. "+
			"Empty cells are not yet known (the cohort is too young) or not computable; each has a comment. Formulas: header comments and the definitions at the right.", r.Period))
	g.freeze(coHeader+1, 2)
	hn := func(prefix string) []string {
		out := make([]string, len(horizons))
		for i, h := range horizons {
			out[i] = fmt.Sprintf("%s %d mo", prefix, h)
		}
		return out
	}
	names := []string{"Tier", "Cohort", "Customers", "Starting ARR" + currencySuffix(cur), "Churn 90 days"}
	names = append(names, hn("Logo")...)
	names = append(names, hn("GRR")...)
	names = append(names, hn("NRR")...)
	names = append(names, "Expansion 12 mo", "Annual churn", "LTV"+currencySuffix(cur), "CAC payback (months)")
	comments := []string{cohortDefinitions[0], "Start period of the cohort", "", "Σ starting ARR of the customers whose starting ARR is known", cohortDefinitions[1]}
	for range horizons {
		comments = append(comments, cohortDefinitions[2])
	}
	for range horizons {
		comments = append(comments, cohortDefinitions[3]+" "+cohortDefinitions[5])
	}
	for range horizons {
		comments = append(comments, cohortDefinitions[4]+" "+cohortDefinitions[5])
	}
	comments = append(comments, cohortDefinitions[6], cohortDefinitions[7], cohortDefinitions[8], cohortDefinitions[9])
	g.group(coHeader-1, 5, len(horizons), "Logo retention")
	g.group(coHeader-1, 5+len(horizons), len(horizons), "Gross revenue retention")
	g.group(coHeader-1, 5+2*len(horizons), len(horizons), "Net revenue retention")
	g.header(coHeader, 0, names, comments...)
	for i, w := range []float64{16, 10, 10, 15, 10} {
		g.width(i, w)
	}
	for i := 5; i < 5+3*len(horizons)+2; i++ {
		g.width(i, 9)
	}
	g.width(5+3*len(horizons)+2, 14)
	g.width(5+3*len(horizons)+3, 11)

	nm := len(r.Model.Tiers)
	row := coHeader + 1
	put := func(co Cohort, tier int, st func(style) style) {
		if tier >= 0 {
			g.tierCell(row, 0, co.Tier, tier, nm, st(stText).bold)
		} else {
			g.set(row, 0, co.Tier, st(stText))
		}
		period := co.Period
		if period == "" {
			period = "All cohorts"
		}
		g.set(row, 1, period, st(stText))
		g.set(row, 2, co.Customers, st(stInt))
		g.set(row, 3, co.StartARR, st(stMoney))
		g.fig(row, 4, co.Churn90, st(stPct))
		col := 5
		for _, fs := range [][3]Figure{co.Logo, co.GRR, co.NRR} {
			for _, f := range fs {
				g.fig(row, col, f, st(stPct))
				col++
			}
		}
		g.fig(row, col, co.Expansion, st(stPct))
		g.fig(row, col+1, co.AnnualChurn, st(stPct))
		g.fig(row, col+2, co.LTV, st(stMoney))
		g.fig(row, col+3, co.CACPayback, st(stMonths))
		row++
	}
	k := 0
	for t := range r.Tiers {
		put(c.Tiers[t], t, style.total)
		for ; k < len(c.ByPeriod) && c.ByPeriod[k].Tier == r.Tiers[t]; k++ {
			put(c.ByPeriod[k], t, plain)
		}
	}
	put(c.All, -1, style.total)

	// Retention curves, for the tiers with customers.
	sc := coSideCol
	var shown []int
	for t := range r.Tiers {
		if t < nm || c.Tiers[t].Customers > 0 {
			shown = append(shown, t)
		}
	}
	ns := len(shown)
	g.width(sc-1, 3)
	g.section(coHeader-2, sc, "Retention by months since start")
	g.group(coHeader-1, sc+1, ns, "Logo retention")
	g.group(coHeader-1, sc+1+ns, ns, "Net revenue retention")
	cn := []string{"Months since start"}
	for _, t := range shown {
		cn = append(cn, r.Tiers[t])
	}
	for _, t := range shown {
		cn = append(cn, r.Tiers[t])
	}
	g.header(coHeader, sc, cn, fmt.Sprintf("Pooled over the customers observed for at least m months; points from fewer than %d customers are left empty", r.Settings.MinCurveCustomers))
	g.width(sc, 11)
	for i := range 2 * ns {
		g.width(sc+1+i, 10)
	}
	months := r.Settings.CurveMonths
	for m := 0; m <= months; m++ {
		rr := coHeader + 1 + m
		g.set(rr, sc, m, stInt)
		for x, t := range shown {
			g.fig(rr, sc+1+x, c.Curves[t].Logo[m], stPct)
			g.fig(rr, sc+1+ns+x, c.Curves[t].NRR[m], stPct)
		}
	}
	var series []excelize.ChartSeries
	for x, t := range shown {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(tierColor(t, nm))}}
		series = append(series, excelize.ChartSeries{
			Name:       absRef(g.name, coHeader, sc+1+x),
			Categories: absRange(g.name, coHeader+1, sc, coHeader+1+months, sc),
			Values:     absRange(g.name, coHeader+1, sc+1+x, coHeader+1+months, sc+1+x),
			Fill:       fill,
			Line:       excelize.LineOptions{Width: 2.25},
			Marker:     excelize.ChartMarker{Symbol: "none"},
		})
	}
	zero, one := 0.0, 1.0
	chartRow := coHeader + months + 3
	g.chart(chartRow, sc, &excelize.Chart{
		Type:         excelize.Line,
		Series:       series,
		Title:        chartTitle("Logo retention by months since start"),
		Legend:       excelize.ChartLegend{Position: "bottom"},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Maximum: &one, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		XAxis:        excelize.ChartAxis{Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Months since start"}}}, TickLabelSkip: 3},
		ShowBlanksAs: "gap",
		Dimension:    excelize.ChartDimension{Width: 620, Height: 340},
		Format:       excelize.GraphicOptions{AltText: "Logo retention by months since start, one line per tier"},
	})

	defRow := chartRow + 19
	g.section(defRow, sc, "Definitions")
	for i, d := range cohortDefinitions {
		g.set(defRow+1+i, sc, strconv.Itoa(i+1)+". "+d, stText)
	}
	return g
}
