package icp

import "time"

// TierDisqualified is the tier of a prospect a disqualifier matched.
const TierDisqualified = "Disqualified"

// Result is a scored prospect. Its slices are reused by ScoreInto, so a
// Result that is kept must not be passed to ScoreInto again.
type Result struct {
	Score    float64 // 0–100, after penalties
	Fit      float64 // firmographic part of the score, before penalties
	Behavior float64 // behavioural part of the score, before penalties
	Penalty  float64 // score taken away by penalties

	Tier      string // tier name, or TierDisqualified
	TierIndex int    // index into Model.Tiers; -1 when disqualified
	Route     Route

	Profile      string // the best-fitting ICP
	ProfileIndex int
	Profiles     []ProfileScore // every profile's score, in file order

	Criteria      []CriterionScore // best profile's criteria, in file order
	Disqualifiers []int            // indices of the disqualifiers that matched
	Penalties     []int            // indices of the penalties that matched

	// Missing counts the criteria whose attribute is unknown; Completeness
	// is the share of the profile's points whose attribute is known (0–1).
	Missing      int
	Completeness float64

	// Gates mode: criteria passed and missed.
	GatesPassed, GatesMissed int

	Stale Staleness

	model *Model
	all   []CriterionScore // every profile's criteria, back to back
}

// ProfileScore is one ICP's score for a prospect.
type ProfileScore struct {
	Name  string
	Score float64
}

// Disqualified reports whether a disqualifier matched.
func (r *Result) Disqualified() bool { return len(r.Disqualifiers) > 0 }

// Staleness says whether a score is out of date as of the scoring date.
// It is computed only when ScoreInto is given an as-of date.
type Staleness struct {
	// RescoreDue is set when the opportunity passed a re-score checkpoint
	// (RescoreAt days after it opened) after its score was set.
	RescoreDue bool
	RescoreAt  float64
	ScoreAge   float64 // days since the score was set; 0 when unknown

	// NoMovement is set when an open opportunity's stage has not moved for
	// the model's no-movement days.
	NoMovement     bool
	DaysNoMovement float64
}

// Stale reports whether either staleness flag is set.
func (s Staleness) Stale() bool { return s.RescoreDue || s.NoMovement }

// Model returns the model that produced the result.
func (r *Result) Model() *Model { return r.model }

func (m *Model) staleness(p *Prospect, asOf time.Time, s *Staleness) {
	*s = Staleness{}
	if asOf.IsZero() {
		return
	}
	opened := p.ScoredAt
	if !p.Opened.IsZero() {
		opened = p.Opened
	}
	if !p.ScoredAt.IsZero() {
		s.ScoreAge = days(asOf.Sub(p.ScoredAt))
	}
	if !opened.IsZero() && !p.ScoredAt.IsZero() {
		age := days(asOf.Sub(opened))
		scoredAt := days(p.ScoredAt.Sub(opened))
		for _, d := range m.rescore {
			if age >= d && scoredAt < d {
				s.RescoreDue, s.RescoreAt = true, d
			}
		}
	}
	if !p.LastStageChange.IsZero() {
		s.DaysNoMovement = days(asOf.Sub(p.LastStageChange))
		s.NoMovement = s.DaysNoMovement >= m.noMove
	}
}

func days(d time.Duration) float64 { return d.Hours() / hoursPerDay }

// ProfileCriteria returns profile i's criteria scores; Criteria is the
// best profile's. It panics if i is out of range.
func (r *Result) ProfileCriteria(i int) []CriterionScore {
	off := 0
	for j := 0; j < i; j++ {
		off += len(r.model.profiles[j].crit)
	}
	return r.all[off : off+len(r.model.profiles[i].crit)]
}
