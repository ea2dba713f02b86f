package icp

import "time"

// Score scores p as of asOf and returns a new Result. Use ScoreInto on a
// hot path: it reuses the Result's memory.
func (m *Model) Score(p *Prospect, asOf time.Time) *Result {
	r := new(Result)
	m.ScoreInto(r, p, asOf)
	return r
}

// ScoreInto scores p as of asOf into r, reusing r's slices; once r has
// grown to the model's size it does not allocate. A zero asOf means "no
// date": event windows, decay and staleness are not applied.
//
// Each profile is scored; the best score names the profile (the first on
// ties). The score is
//
//	score = max(0, 100 × (points earned − penalty points) / total)
//
// with total the best profile's. A matched disqualifier keeps the score
// but sets the tier to TierDisqualified and the route to RouteDisqualify.
// An attribute that is not known (a Number not Known, NaN or ±Inf, a blank
// string, a nil slice, Flag Unknown) earns nothing and counts as Missing.
// ScoreInto does not change p; p must not be nil.
//
// ScoreInto is safe for concurrent use with distinct Results.
func (m *Model) ScoreInto(r *Result, p *Prospect, asOf time.Time) {
	r.model = m
	if cap(r.all) < m.nCrit {
		r.all = make([]CriterionScore, m.nCrit)
	}
	r.all = r.all[:m.nCrit]
	r.Profiles = r.Profiles[:0]
	best, bestScore, bestOff, off := 0, -1.0, 0, 0
	for i := range m.profiles {
		pr := &m.profiles[i]
		cs := r.all[off : off+len(pr.crit)]
		pts := 0.0
		for j := range pr.crit {
			pr.crit[j].eval(p, asOf, &cs[j])
			pts += cs[j].Points
		}
		sc := 100 * pts / pr.total
		r.Profiles = append(r.Profiles, ProfileScore{Name: pr.name, Score: sc})
		if sc > bestScore {
			best, bestScore, bestOff = i, sc, off
		}
		off += len(pr.crit)
	}
	pr := &m.profiles[best]
	r.ProfileIndex, r.Profile = best, pr.name
	r.Criteria = r.all[bestOff : bestOff+len(pr.crit)]

	r.Fit, r.Behavior, r.Missing = 0, 0, 0
	r.GatesPassed, r.GatesMissed = 0, 0
	known := 0.0
	for j := range pr.crit {
		cs := &r.Criteria[j]
		if pr.crit[j].group == Behavior {
			r.Behavior += cs.Points
		} else {
			r.Fit += cs.Points
		}
		if cs.State == Missing {
			r.Missing++
		} else {
			known += cs.Max
		}
		if cs.Points > 0 {
			r.GatesPassed++
		} else {
			r.GatesMissed++
		}
	}
	r.Fit *= 100 / pr.total
	r.Behavior *= 100 / pr.total
	r.Completeness = known / pr.total

	var tmp CriterionScore
	r.Penalties = r.Penalties[:0]
	pen := 0.0
	for i := range m.pen {
		m.pen[i].eval(p, asOf, &tmp)
		if tmp.Points > 0 {
			r.Penalties = append(r.Penalties, i)
			pen += m.pen[i].max
		}
	}
	r.Disqualifiers = r.Disqualifiers[:0]
	for i := range m.disq {
		m.disq[i].eval(p, asOf, &tmp)
		if tmp.Points > 0 {
			r.Disqualifiers = append(r.Disqualifiers, i)
		}
	}
	r.Penalty = 100 * pen / pr.total
	r.Score = max(bestScore-r.Penalty, 0)

	switch {
	case len(r.Disqualifiers) > 0:
		r.Tier, r.TierIndex, r.Route = TierDisqualified, -1, RouteDisqualify
	default:
		r.TierIndex = m.tierIndex(r.Score)
		r.Tier = m.tiers[r.TierIndex].Name
		if pr.gates {
			r.Route = m.routing.gateRoute(r.GatesMissed)
		} else {
			r.Route = m.routing.route(r.Score, p.Channel)
		}
	}
	m.staleness(p, asOf, &r.Stale)
}

// tierIndex returns the index of the tier a score falls in.
func (m *Model) tierIndex(score float64) int {
	for i, t := range m.tiers {
		if score >= t.Min-pointsTolerance {
			return i
		}
	}
	return len(m.tiers) - 1
}

// TierOf returns the tier name a score falls in, ignoring disqualifiers.
func (m *Model) TierOf(score float64) string { return m.tiers[m.tierIndex(score)].Name }
