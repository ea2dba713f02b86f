package demo

import (
	"github.com/icpkit/icpkit/icp"
)

// summary is the sample's headline numbers, for README.txt.
type summary struct {
	accounts, closed, open, won int
	tiers                       []tierCount // the model's tiers, then Disqualified
	segment                     count       // closed deals of the out-of-ICP segment
	customers, churned          int
	startARR, currentARR        float64
}

type count struct{ n, won int }

func (c count) rate() float64 {
	if c.n == 0 {
		return 0
	}
	return float64(c.won) / float64(c.n)
}

type tierCount struct {
	name        string
	early, late count // closed before DeclineFrom, and from it on
}

func (t tierCount) all() count { return count{t.early.n + t.late.n, t.early.won + t.late.won} }

func (s *Sample) summarize() summary {
	var sm summary
	sm.accounts = len(s.Accounts)
	for _, t := range reference().Tiers() {
		sm.tiers = append(sm.tiers, tierCount{name: t.Name})
	}
	sm.tiers = append(sm.tiers, tierCount{name: icp.TierDisqualified})
	for i := range s.Opportunities {
		o := &s.Opportunities[i]
		if !o.Outcome.Closed() {
			sm.open++
			continue
		}
		won := 0
		if o.Outcome == icp.Won {
			won = 1
		}
		sm.closed++
		sm.won += won
		for k := range sm.tiers {
			if sm.tiers[k].name != o.RecordedTier {
				continue
			}
			c := &sm.tiers[k].early
			if !o.Closed.Before(s.Truth.DeclineFrom) {
				c = &sm.tiers[k].late
			}
			c.n++
			c.won += won
		}
		if i < len(s.Truth.Deals) && s.Truth.Deals[i].Rule == RuleOutOfICP {
			sm.segment.n++
			sm.segment.won += won
		}
	}
	sm.customers = len(s.Customers)
	for i := range s.Customers {
		c := &s.Customers[i]
		if !c.Churn.IsZero() {
			sm.churned++
		}
		sm.startARR += c.StartARR.Value
		sm.currentARR += c.CurrentARR.Value
	}
	return sm
}
