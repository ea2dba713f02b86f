package report

import (
	"slices"
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

// buildAging counts the stalled and re-score-due open deals and lists
// the first of them from rows, which holds at least those (Builder
// prunes the rest).
func buildAging(r *Report, rows []agingRow, deals []deal) Aging {
	a := Aging{
		NoMovementDays: r.Model.NoMovementDays, RescoreDays: r.Model.RescoreDays,
		Tiers: make([]AgingTier, len(r.Tiers)), Total: AgingTier{Tier: allTiers},
	}
	for i := range deals {
		d := &deals[i]
		if d.outcome.Closed() || !d.has(flagNoMovement|flagRescore) {
			continue
		}
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
	rows = firstAging(slices.Clone(rows), r.Settings.MaxAgingRows)
	slices.SortFunc(rows, func(x, y agingRow) int { return compareAging(&x, &y) })
	a.Omitted = a.Total.Deals - len(rows)
	a.Deals = make([]AgingDeal, len(rows))
	for k := range rows {
		src, d := &rows[k], &deals[rows[k].deal]
		ad := AgingDeal{
			ID: src.id, Account: src.account, Owner: src.owner, Stage: src.stage, Line: src.line,
			Tier: r.Tiers[d.tier], Score: float64(d.score), TierNow: r.Tiers[d.tierNow], ScoreNow: float64(d.scoreNow),
			Created: src.created, LastStageChange: src.lastStageChange,
			NoMovement: d.has(flagNoMovement), RescoreDue: d.has(flagRescore), RescoreAt: float64(d.rescoreAt),
			AgeDays:        unknown("no created date"),
			DaysNoMovement: unknown("no stage change date"),
			Amount:         unknown("no amount"),
		}
		if !src.created.IsZero() {
			ad.AgeDays = known(days(r.AsOf.Sub(src.created)))
		}
		if !src.lastStageChange.IsZero() {
			ad.DaysNoMovement = known(days(r.AsOf.Sub(src.lastStageChange)))
		}
		if d.has(flagAmount) {
			ad.Amount = known(d.amount)
		}
		a.Deals[k] = ad
	}
	return a
}
