package report

import (
	"sort"
	"time"
)

// Aging lists the open deals whose score no longer describes them: the
// stage has not moved for the model's no-movement days (a Tier 1 deal
// stuck for 180 days is not a Tier 1 deal any more), or the deal passed a
// re-score checkpoint (by default 60 and 90 days after creation) since it
// was scored. Staleness is as of the report date (icp Result.Stale).
type Aging struct {
	NoMovementDays float64
	RescoreDays    []float64

	Tiers []AgingTier // one per Report.Tiers entry, by tier at creation
	Total AgingTier

	// Deals are the aging deals, oldest (earliest created) first, at most
	// Settings.MaxAgingRows; Omitted counts the rest.
	Deals   []AgingDeal
	Omitted int
}

// AgingTier counts the aging deals of a tier. A deal may be both stalled
// and due for re-scoring; Deals counts it once.
type AgingTier struct {
	Tier         string
	Deals        int     // stalled or due for re-scoring
	Value        float64 // their known amounts
	Stalled      int     // no stage movement for NoMovementDays
	StalledValue float64
	RescoreDue   int
}

// AgingDeal is one open deal on the aging list.
type AgingDeal struct {
	ID, Account, Owner, Stage string
	Line                      int

	Tier     string  // at creation
	Score    float64 // at creation
	TierNow  string  // re-scored as of the report date
	ScoreNow float64

	Created         time.Time
	LastStageChange time.Time // zero when unknown
	AgeDays         Figure    // report date − created
	DaysNoMovement  Figure    // report date − last stage change
	Amount          Figure

	NoMovement bool
	RescoreDue bool
	RescoreAt  float64 // the checkpoint passed, in days after creation
}

func buildAging(r *Report, in *Input, deals []deal) Aging {
	a := Aging{
		NoMovementDays: r.Model.NoMovementDays, RescoreDays: r.Model.RescoreDays,
		Tiers: make([]AgingTier, len(r.Tiers)), Total: AgingTier{Tier: allTiers},
	}
	var idx []int
	for i := range deals {
		d := &deals[i]
		if d.outcome.Closed() || !d.has(flagNoMovement|flagRescore) {
			continue
		}
		idx = append(idx, i)
		for _, t := range []*AgingTier{&a.Tiers[d.tier], &a.Total} {
			t.Deals++
			if d.has(flagAmount) {
				t.Value += d.amount
			}
			if d.has(flagNoMovement) {
				t.Stalled++
				if d.has(flagAmount) {
					t.StalledValue += d.amount
				}
			}
			if d.has(flagRescore) {
				t.RescoreDue++
			}
		}
	}
	for i := range a.Tiers {
		a.Tiers[i].Tier = r.Tiers[i]
	}
	sort.SliceStable(idx, func(i, j int) bool {
		x, y := &in.Deals[idx[i]], &in.Deals[idx[j]]
		if !x.Created.Equal(y.Created) {
			return x.Created.Before(y.Created)
		}
		if !x.LastStageChange.Equal(y.LastStageChange) {
			return x.LastStageChange.Before(y.LastStageChange)
		}
		return x.ID < y.ID
	})
	if len(idx) > r.Settings.MaxAgingRows {
		a.Omitted = len(idx) - r.Settings.MaxAgingRows
		idx = idx[:r.Settings.MaxAgingRows]
	}
	a.Deals = make([]AgingDeal, len(idx))
	for k, i := range idx {
		src, d := &in.Deals[i], &deals[i]
		ad := AgingDeal{
			ID: src.ID, Account: src.Account, Owner: src.Owner, Stage: src.Stage, Line: src.Line,
			Tier: r.Tiers[d.tier], Score: float64(d.score), TierNow: r.Tiers[d.tierNow], ScoreNow: float64(d.scoreNow),
			Created: src.Created, LastStageChange: src.LastStageChange,
			NoMovement: d.has(flagNoMovement), RescoreDue: d.has(flagRescore), RescoreAt: float64(d.rescoreAt),
			AgeDays:        unknown("no created date"),
			DaysNoMovement: unknown("no stage change date"),
			Amount:         unknown("no amount"),
		}
		if !src.Created.IsZero() {
			ad.AgeDays = known(days(r.AsOf.Sub(src.Created)))
		}
		if !src.LastStageChange.IsZero() {
			ad.DaysNoMovement = known(days(r.AsOf.Sub(src.LastStageChange)))
		}
		if d.has(flagAmount) {
			ad.Amount = known(d.amount)
		}
		a.Deals[k] = ad
	}
	return a
}
