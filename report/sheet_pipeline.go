package report

import (
	"github.com/xuri/excelize/v2"
)

// Layout of the pipeline sheet: the tier table from column A with the
// chart under it; the stage and owner breakdown from column H. Both
// tables have their column headers on row plHeader.
const (
	plHeader = 4
	plMatrix = 7 // first column of the breakdown
)

func (r *Report) pipelineSheet() *grid {
	g := newGrid(sheetPipeline)
	p := &r.Pipeline
	cur := r.Model.Currency
	g.title("Open pipeline by ICP tier",
		"Open deals by the ICP tier each deal had when it was created: count, value (known amounts) and share, and the same by stage and by owner. "+
			"A healthy pipeline holds most of its value in "+tierList(p.TopTiers)+"; a pipeline dominated by the lower tiers is a sourcing problem, not a closing problem.")
	g.freeze(plHeader+1, 0)
	nm, nt := len(r.Model.Tiers), len(r.Tiers)

	// Tier table.
	g.section(plHeader-2, 0, "Open deals by tier")
	g.header(plHeader, 0, []string{"Tier", "Open deals", "Share of deals", "Open value" + currencySuffix(cur), "Share of value", "Deals without amount"},
		"ICP tier at the deal's creation", "", "open deals of the tier ÷ all open deals", "Sum of the known amounts", "open value of the tier ÷ all open value",
		"Open deals without an amount: counted in deals, not in value")
	for c, w := range []float64{16, 11, 11, 16, 11, 12} {
		g.width(c, w)
	}
	row := plHeader + 1
	for i, t := range p.Tiers {
		g.tierCell(row, 0, t.Tier, i, nm, false)
		g.set(row, 1, t.Deals, stInt)
		g.fig(row, 2, t.DealShare, stPct)
		g.set(row, 3, t.Value, stMoney)
		g.fig(row, 4, t.ValueShare, stPct)
		g.set(row, 5, t.NoAmount, stInt)
		row++
	}
	t := p.Total
	g.set(row, 0, t.Tier, stText.total())
	g.set(row, 1, t.Deals, stInt.total())
	g.fig(row, 2, t.DealShare, stPct.total())
	g.set(row, 3, t.Value, stMoney.total())
	g.fig(row, 4, t.ValueShare, stPct.total())
	g.set(row, 5, t.NoAmount, stInt.total())
	row += 2
	g.set(row, 0, "Share of open value in "+tierList(p.TopTiers), stText)
	g.fig(row, 4, p.TopShare, stPct)
	row++
	g.set(row, 0, "Share of open value in "+tierList(p.LowerTiers), stText)
	g.fig(row, 4, p.LowerShare, stPct)
	row++
	if p.LowerShare.Known && p.LowerShare.Value > 0.5 {
		g.set(row, 0, "A pipeline dominated by "+tierList(p.LowerTiers)+" is a sourcing problem, not a closing problem.", stFlag)
	}
	chartRow := row + 2

	// Breakdown by stage and owner.
	mc := plMatrix
	dealCol := mc + 2
	valCol := dealCol + nt + 1
	shareCol := valCol + nt + 1
	g.section(plHeader-2, mc, "Open deals by stage and owner")
	g.width(mc-1, 3)
	g.width(mc, 10)
	g.width(mc+1, 26)
	g.group(plHeader-1, dealCol, nt+1, "Open deals")
	g.group(plHeader-1, valCol, nt+1, "Open value"+currencySuffix(cur))
	names := []string{"Breakdown", "Name"}
	for _, tn := range r.Tiers {
		names = append(names, tn)
	}
	names = append(names, allTiers)
	for _, tn := range r.Tiers {
		names = append(names, tn)
	}
	names = append(names, allTiers, "Share of value in "+tierList(p.TopTiers))
	g.header(plHeader, mc, names)
	for c := range nt + 1 {
		g.width(dealCol+c, 10)
		g.width(valCol+c, 14)
	}
	g.width(shareCol, 14)
	row = plHeader + 1
	putB := func(kind string, b Breakdown, st func(style) style) {
		g.set(row, mc, kind, st(stText))
		g.set(row, mc+1, b.Name, st(stText))
		top := 0.0
		for i := range nt {
			g.set(row, dealCol+i, b.Deals[i], st(stInt))
			g.set(row, valCol+i, b.Value[i], st(stMoney))
			if i < len(p.TopTiers) {
				top += b.Value[i]
			}
		}
		g.set(row, dealCol+nt, b.TotalDeals, st(stInt))
		g.set(row, valCol+nt, b.TotalValue, st(stMoney))
		g.fig(row, shareCol, ratio(top, b.TotalValue, "no open value"), st(stPct))
		row++
	}
	total := Breakdown{Name: allTiers, Deals: make([]int, nt), Value: make([]float64, nt), TotalDeals: t.Deals, TotalValue: t.Value}
	for i, pt := range p.Tiers {
		total.Deals[i], total.Value[i] = pt.Deals, pt.Value
	}
	total.Name = "All open deals"
	putB("Total", total, style.b)
	stageRow := row
	for _, b := range p.Stages {
		putB("Stage", b, plain)
	}
	for _, b := range p.Owners {
		putB("Owner", b, plain)
	}

	// Native chart: open value by tier, stacked by stage.
	var series []excelize.ChartSeries
	for i := range p.Stages {
		series = append(series, excelize.ChartSeries{
			Name:       absRef(g.name, stageRow+i, mc+1),
			Categories: absRange(g.name, plHeader, valCol, plHeader, valCol+nt-1),
			Values:     absRange(g.name, stageRow+i, valCol, stageRow+i, valCol+nt-1),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(stageColor(i))}},
		})
	}
	if len(series) > 0 {
		zero := 0.0
		g.chart(chartRow, 0, &excelize.Chart{
			Type:      excelize.ColStacked,
			Series:    series,
			Title:     chartTitle("Open value by tier and stage"),
			Legend:    excelize.ChartLegend{Position: "right"},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			Dimension: excelize.ChartDimension{Width: 560, Height: 340},
			Format:    excelize.GraphicOptions{AltText: "Open pipeline value by ICP tier, stacked by stage"},
		})
	}
	return g
}
