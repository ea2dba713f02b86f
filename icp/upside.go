package icp

import (
	"fmt"
	"sort"
)

// Upside is what finding out one more thing could add: the criteria a
// discovery call should ask about.
type Upside struct {
	Criterion string  // criterion name
	Label     string  // criterion label, or its name
	Missing   bool    // the attribute is unknown (rather than known and short)
	Add       float64 // score the criterion could still add
	From, To  float64 // score now and with the criterion at its maximum
	Tier      string  // tier at To
	TierUp    bool    // To lands in a better tier than now
}

// String reads "Trigger event would add 20: 72 → 92, Tier 1", with
// " (unknown)" after the label when the attribute is not known.
func (u Upside) String() string {
	what := u.Label
	if u.Missing {
		what += " (unknown)"
	}
	s := fmt.Sprintf("%s would add %s: %s → %s, %s", what, fmtPoints(u.Add), fmtPoints(u.From), fmtPoints(u.To), u.Tier)
	return s
}

// Upside lists the criteria of r's profile that are unknown or short of
// their maximum, with what each would add on its own, the ones that move
// the prospect up a tier first, then by points added. A disqualified
// prospect has no upside.
func (r *Result) Upside() []Upside {
	if r.model == nil || r.Disqualified() {
		return nil
	}
	m := r.model
	pr := &m.profiles[r.ProfileIndex]
	var out []Upside
	for i := range r.Criteria {
		cs := &r.Criteria[i]
		if cs.Points >= cs.Max-pointsTolerance {
			continue
		}
		add := 100 * (cs.Max - cs.Points) / pr.total
		to := min(r.Score+add, 100)
		ti := m.tierIndex(to)
		out = append(out, Upside{
			Criterion: pr.crit[i].name, Label: pr.crit[i].title(), Missing: cs.State == Missing,
			Add: add, From: r.Score, To: to, Tier: m.tiers[ti].Name, TierUp: ti < r.TierIndex,
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].TierUp != out[j].TierUp {
			return out[i].TierUp
		}
		return out[i].Add > out[j].Add
	})
	return out
}
