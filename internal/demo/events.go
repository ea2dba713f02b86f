package demo

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/icpkit/icpkit/icp"
)

// Rates of events. Background events happen whether or not a deal is
// open; deal events precede a deal's creation and are why it opened.
const (
	backgroundTriggersPerYear   = 0.35
	backgroundIntentPerYear     = 0.5
	backgroundEngagementPerYear = 1.0

	dealTriggerShare = 0.4 // deals preceded by a trigger event
	dealIntentShare  = 0.5 // deals preceded by intent signals
	triggerLeadMax   = 170 // days a deal trigger precedes creation, at most (the model's window is 180)
	triggerLeadMin   = 3   // … and at least
	intentLeadMax    = 90  // days intent precedes creation, at most
	engagementLead   = 60  // days engagement precedes creation, at most
	daysPerYear      = 365.25
	regulatedBoost   = 2.5 // regulatory change weight in financial services and healthcare
	fundedBoost      = 2.0 // funding weight for Seed to Series C
	unfundedDiscount = 0.3 // funding weight for bootstrapped and public companies
)

// triggerKind draws a trigger kind for a; deal triggers exclude layoffs,
// which is no reason to buy.
func (a *account) triggerKind(r *rand.Rand, deal bool) string {
	w := triggerWeights
	switch {
	case a.fund >= fundSeed && a.fund <= fundSeriesC:
		w[trigFunding] *= fundedBoost
	case a.fund == 0 || a.fund == fundPublic:
		w[trigFunding] *= unfundedDiscount
	}
	if a.ind == indFinancial || a.ind == indHealthcare {
		w[trigRegulatory] *= regulatedBoost
	}
	if deal {
		w[trigLayoffs] = 0
	}
	return triggerKinds[pick(r, w[:])]
}

// background adds the events not tied to a deal, dated in [lo, hi], to
// the lists the CRM knows. A known list always holds at least one event:
// an empty cell in the CSV means unknown.
func (a *account) background(r *rand.Rand, lo, hi day) {
	years := float64(hi-lo+1) / daysPerYear
	p := &a.p
	if p.Triggers != nil {
		for n := max(poisson(r, backgroundTriggersPerYear*years), 1); n > 0; n-- {
			p.Triggers = append(p.Triggers, icp.Event{Kind: a.triggerKind(r, false), Date: day(between(r, int(lo), int(hi))).time()})
		}
	}
	if p.Intent != nil {
		for n := max(poisson(r, backgroundIntentPerYear*years), 1); n > 0; n-- {
			p.Intent = append(p.Intent, intentEvent(r, day(between(r, int(lo), int(hi)))))
		}
	}
	if p.Engagement != nil {
		for n := max(poisson(r, backgroundEngagementPerYear*years), 1); n > 0; n-- {
			p.Engagement = append(p.Engagement, icp.Event{Kind: engagementKind[pick(r, []float64{0.6, 0.35, 0.05})], Date: day(between(r, int(lo), int(hi))).time()})
		}
	}
}

// dealEvents adds the events that lead up to a deal created on created.
func (a *account) dealEvents(r *rand.Rand, created day, inbound bool) {
	p := &a.p
	if p.Triggers != nil && r.Float64() < dealTriggerShare {
		d := created - day(between(r, triggerLeadMin, triggerLeadMax))
		p.Triggers = append(p.Triggers, icp.Event{Kind: a.triggerKind(r, true), Date: d.time()})
	}
	if p.Intent != nil && r.Float64() < dealIntentShare {
		for n := between(r, 1, 3); n > 0; n-- {
			p.Intent = append(p.Intent, intentEvent(r, created-day(between(r, 1, intentLeadMax))))
		}
	}
	if p.Engagement != nil {
		w := []float64{0.6, 0.3, 0.1}
		n := between(r, 1, 3)
		if inbound {
			w[2], n = 0.25, n+2
		}
		for ; n > 0; n-- {
			d := created - day(between(r, 0, engagementLead))
			p.Engagement = append(p.Engagement, icp.Event{Kind: engagementKind[pick(r, w)], Date: d.time()})
		}
	}
}

func intentEvent(r *rand.Rand, d day) icp.Event {
	return icp.Event{
		Topic:    one(r, intentTopics),
		Strength: float64(between(r, 10, 100)),
		Source:   intentSources[pick(r, sourceWeights)],
		Date:     d.time(),
	}
}

// sortEvents orders an account's events by date, then kind and topic, as
// a CRM export lists them.
func (a *account) sortEvents() {
	for _, evs := range [][]icp.Event{a.p.Triggers, a.p.Intent, a.p.Engagement} {
		slices.SortStableFunc(evs, func(x, y icp.Event) int {
			return cmp.Or(x.Date.Compare(y.Date), cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Topic, y.Topic))
		})
	}
}
