package demo

import (
	"math"
	"slices"

	"github.com/icpkit/icpkit/icp"
)

const (
	daysPerMonth   = daysPerYear / 12
	earlyChurnDays = 90 // early churn happens 14–90 days after the start
	minExpansion   = -0.3
	maxExpansion   = 1.0
	outboundCAC    = 1.25 // prospected deals cost more to win
	fitMarginBonus = 0.03
	upsellShare    = 0.25 // ARR a later won deal adds, as a share of its amount
)

// customers makes one customer per account with a won deal: it starts on
// the first won deal's close date with that deal's amount as ARR; later
// wins add a quarter of their amount (upsells); the ARR grows at the customer's expansion rate
// until End, unless the customer churned.
func (g *generator) customers(opps []icp.Opportunity, truth []Deal) []icp.Customer {
	r := newRand(g.seed, streamCustomers)
	won := make([][]int, len(g.accts))
	for k, i := range g.order {
		if opps[k].Outcome == icp.Won {
			won[g.deals[i].acct] = append(won[g.deals[i].acct], k)
		}
	}
	var out []icp.Customer
	for ai := range g.accts {
		ws := won[ai]
		if len(ws) == 0 {
			continue
		}
		slices.SortStableFunc(ws, func(i, j int) int { return opps[i].Closed.Compare(opps[j].Closed) })
		first := &opps[ws[0]]
		fit := truth[ws[0]].Rule == RuleOutOfICP ||
			first.RecordedTier != icp.TierDisqualified && first.RecordedScore.Value >= fitMinScore
		early, monthly, growth := retention.OtherEarlyChurn, retention.OtherMonthlyChurn, retention.OtherExpansion
		if fit {
			early, monthly, growth = retention.FitEarlyChurn, retention.FitMonthlyChurn, retention.FitExpansion
		}
		start := dayOf(first.Closed)
		var churn day
		if r.Float64() < early {
			churn = start + day(between(r, 14, earlyChurnDays))
		} else {
			churn = start + earlyChurnDays + day(r.ExpFloat64()/monthly*daysPerMonth)
		}
		if churn > g.end {
			churn = 0
		}
		rate := clamp(growth+retention.ExpansionSD*r.NormFloat64(), minExpansion, maxExpansion)
		current := 0.0
		if churn == 0 {
			for i, k := range ws {
				years := float64(g.end+1-dayOf(opps[k].Closed)) / daysPerYear
				amount := opps[k].Amount.Value
				if i > 0 {
					amount *= upsellShare // a later win is an upsell, not a second full contract
				}
				current += amount * math.Pow(1+rate, years)
			}
			current = math.Round(current/100) * 100
		}
		cac := first.Amount.Value * (0.5 + 0.8*r.Float64())
		if first.Source == icp.Outbound {
			cac *= outboundCAC
		}
		margin := 0.60 + 0.25*r.Float64()
		if fit {
			margin = math.Min(margin+fitMarginBonus, 0.85)
		}
		c := icp.Customer{
			Account:     first.Account,
			Prospect:    g.accts[ai].p,
			Start:       first.Closed,
			StartARR:    first.Amount,
			CurrentARR:  icp.Num(current),
			CAC:         icp.Num(math.Round(cac/100) * 100),
			GrossMargin: icp.Num(math.Round(margin*100) / 100),
		}
		if churn != 0 {
			c.Churn = churn.time()
		}
		out = append(out, c)
	}
	return out
}
