package report

import (
	"sort"
	"strings"
)

// Pipeline is the mix of open deals by the ICP tier they had when they
// were created. A healthy pipeline holds most of its value in the top two
// tiers; one dominated by the lower tiers is a sourcing problem, not a
// closing problem.
type Pipeline struct {
	Tiers []PipelineTier // one per Report.Tiers entry
	Total PipelineTier

	// TopTiers are the model's first two tiers; TopShare is their share
	// of open value. LowerTiers are the tiers below the first (with
	// Disqualified) and LowerShare their share.
	TopTiers   []string
	TopShare   Figure
	LowerTiers []string
	LowerShare Figure

	// Stages (by name) and Owners (largest open value first) break the
	// open deals down by tier.
	Stages []Breakdown
	Owners []Breakdown
}

// PipelineTier sums the open deals of one tier.
//
//	DealShare  = Deals / all open deals
//	ValueShare = Value / all open value
//
// Value sums the known amounts; NoAmount counts the deals without one.
type PipelineTier struct {
	Tier       string
	Deals      int
	Value      float64
	NoAmount   int
	DealShare  Figure
	ValueShare Figure
}

// Breakdown is one stage or owner: open deals and value per tier
// (indexed like Report.Tiers) and in total.
type Breakdown struct {
	Name       string
	Deals      []int
	Value      []float64
	TotalDeals int
	TotalValue float64
}

const (
	noStage = "(no stage)"
	noOwner = "(no owner)"
)

// buildPipeline sums the open deals; names holds the stage and owner
// names the deals' records index.
func buildPipeline(r *Report, names []string, deals []deal) Pipeline {
	nt := len(r.Tiers)
	p := Pipeline{Tiers: make([]PipelineTier, nt), Total: PipelineTier{Tier: allTiers}}
	stages, owners := map[string]*Breakdown{}, map[string]*Breakdown{}
	group := func(m map[string]*Breakdown, name string) *Breakdown {
		b := m[name]
		if b == nil {
			b = &Breakdown{Name: name, Deals: make([]int, nt), Value: make([]float64, nt)}
			m[name] = b
		}
		return b
	}
	for i := range deals {
		d := &deals[i]
		if d.outcome.Closed() {
			continue
		}
		t := &p.Tiers[d.tier]
		t.Deals++
		p.Total.Deals++
		if !d.has(flagAmount) {
			t.NoAmount++
			p.Total.NoAmount++
		} else {
			t.Value += d.amount
			p.Total.Value += d.amount
		}
		for _, b := range []*Breakdown{
			group(stages, names[d.stage]),
			group(owners, names[d.owner]),
		} {
			b.Deals[d.tier]++
			b.TotalDeals++
			if d.has(flagAmount) {
				b.Value[d.tier] += d.amount
				b.TotalValue += d.amount
			}
		}
	}
	const noOpen = "no open deals"
	const noValue = "no open deal has an amount"
	for i := range p.Tiers {
		t := &p.Tiers[i]
		t.Tier = r.Tiers[i]
		t.DealShare = ratio(float64(t.Deals), float64(p.Total.Deals), noOpen)
		t.ValueShare = ratio(t.Value, p.Total.Value, noValue)
	}
	p.Total.DealShare = ratio(float64(p.Total.Deals), float64(p.Total.Deals), noOpen)
	p.Total.ValueShare = ratio(p.Total.Value, p.Total.Value, noValue)

	top, lower := 0.0, 0.0
	for i := range p.Tiers {
		if i < r.topTiers() {
			p.TopTiers = append(p.TopTiers, r.Tiers[i])
			top += p.Tiers[i].Value
		}
		if i > 0 && (i < len(r.Model.Tiers) || p.Tiers[i].Deals > 0) {
			p.LowerTiers = append(p.LowerTiers, r.Tiers[i])
			lower += p.Tiers[i].Value
		}
	}
	p.TopShare = ratio(top, p.Total.Value, noValue)
	p.LowerShare = ratio(lower, p.Total.Value, noValue)

	p.Stages = sortedBreakdowns(stages, func(a, b *Breakdown) bool { return a.Name < b.Name })
	p.Owners = sortedBreakdowns(owners, func(a, b *Breakdown) bool {
		if a.TotalValue != b.TotalValue {
			return a.TotalValue > b.TotalValue
		}
		if a.TotalDeals != b.TotalDeals {
			return a.TotalDeals > b.TotalDeals
		}
		return a.Name < b.Name
	})
	return p
}

func sortedBreakdowns(m map[string]*Breakdown, less func(a, b *Breakdown) bool) []Breakdown {
	ps := make([]*Breakdown, 0, len(m))
	for _, b := range m {
		ps = append(ps, b)
	}
	sort.Slice(ps, func(i, j int) bool { return less(ps[i], ps[j]) })
	out := make([]Breakdown, len(ps))
	for i, b := range ps {
		out[i] = *b
	}
	return out
}

func orName(s, none string) string {
	if s = strings.TrimSpace(s); s == "" {
		return none
	}
	return s
}
