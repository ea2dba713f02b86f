package report

import (
	"fmt"
)

const (
	agHeader  = 3
	agSideCol = 16
)

func (r *Report) agingSheet() *grid {
	g := newGrid(sheetAging)
	a := &r.Aging
	cur := r.Model.Currency
	listed := fmt.Sprintf("all %s", fmtInt(len(a.Deals)))
	if a.Omitted > 0 {
		listed = fmt.Sprintf("the %s oldest of %s", fmtInt(len(a.Deals)), fmtInt(a.Total.Deals))
	}
	g.title("Aging pipeline",
		fmt.Sprintf("Open deals whose stage has not moved for %s days or more, or that passed a re-score checkpoint (%s days after creation) since they were scored, as of %s; "+
			"oldest first (%s listed).", fmtInt(int(a.NoMovementDays)), joinDays(a.RescoreDays), r.AsOf.Format("2006-01-02"), listed))
	g.freeze(agHeader+1, 1)
	g.header(agHeader, 0, []string{"Deal", "Account", "Owner", "Stage", "Tier at creation", "Score at creation", "Tier now", "Score now",
		"Created", "Last stage change", "Days without movement", "Age (days)", "Amount" + currencySuffix(cur), "No movement", "Re-score due at (days)"},
		"", "", "", "", "The ICP tier the deal had when it was created", "",
		"Re-scored with the same model as of the report date: event windows and decay move the score",
		"", "", "", "report date − last stage change", "report date − created date", "",
		fmt.Sprintf("yes: no stage change for %g days or more", a.NoMovementDays),
		"The re-score checkpoint (days after creation) the deal passed since its score was set")
	for c, w := range []float64{14, 22, 16, 16, 12, 10, 12, 10, 11, 11, 11, 9, 14, 10, 11} {
		g.width(c, w)
	}
	nm := len(r.Model.Tiers)
	tierIdx := map[string]int{}
	for i, t := range r.Tiers {
		tierIdx[t] = i
	}
	for k, d := range a.Deals {
		row := agHeader + 1 + k
		g.set(row, 0, d.ID, stText)
		g.set(row, 1, d.Account, stText)
		g.set(row, 2, d.Owner, stText)
		g.set(row, 3, d.Stage, stText)
		g.tierCell(row, 4, d.Tier, tierIdx[d.Tier], nm, false)
		g.set(row, 5, d.Score, stScore)
		g.tierCell(row, 6, d.TierNow, tierIdx[d.TierNow], nm, false)
		g.set(row, 7, d.ScoreNow, stScore)
		g.date(row, 8, d.Created, stDate)
		g.date(row, 9, d.LastStageChange, stDate)
		g.fig(row, 10, floorFig(d.DaysNoMovement), stDays)
		g.fig(row, 11, floorFig(d.AgeDays), stDays)
		g.fig(row, 12, d.Amount, stMoney)
		if d.NoMovement {
			g.set(row, 13, "yes", stText)
		}
		if d.RescoreDue {
			g.set(row, 14, d.RescoreAt, stDays)
		}
	}

	sc := agSideCol
	g.width(sc-1, 3)
	g.section(agHeader-1, sc, "Aging deals by tier at creation")
	g.header(agHeader, sc, []string{"Tier", "Aging deals", "Value" + currencySuffix(cur), "No movement", "Value without movement", "Re-score due"},
		"", "No movement or re-score due (a deal with both counts once)", "Known amounts")
	for c, w := range []float64{16, 11, 16, 11, 16, 11} {
		g.width(sc+c, w)
	}
	row := agHeader + 1
	put := func(t AgingTier, st func(style) style) {
		g.set(row, sc+1, t.Deals, st(stInt))
		g.set(row, sc+2, t.Value, st(stMoney))
		g.set(row, sc+3, t.Stalled, st(stInt))
		g.set(row, sc+4, t.StalledValue, st(stMoney))
		g.set(row, sc+5, t.RescoreDue, st(stInt))
		row++
	}
	for i, t := range a.Tiers {
		g.tierCell(row, sc, t.Tier, i, nm, false)
		put(t, plain)
	}
	g.set(row, sc, allTiers, stText.total())
	put(a.Total, style.total)
	return g
}

// floorFig shows whole days: a deal 180.7 days without movement has gone
// 180 full days.
func floorFig(f Figure) Figure {
	if f.Known {
		f.Value = float64(int64(f.Value))
	}
	return f
}
