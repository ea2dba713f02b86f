package report

import (
	"fmt"
	"sort"

	"github.com/icpkit/icpkit/icp"
)

// WinRate is the win rate of closed deals by the ICP tier they had when
// they were created: the metric that validates the model. If Tier 1 does
// not convert meaningfully better than Tier 2, the tier definitions are
// wrong or the criteria do not predict.
type WinRate struct {
	Tiers []TierRate // one per Report.Tiers entry
	All   TierRate   // every closed deal

	// Periods lists the close periods, oldest first ("no date" last);
	// ByPeriod holds, for each period in turn, one row per tier.
	Periods  []string
	ByPeriod []TierRate
}

// TierRate sums the closed deals of one tier (and period).
//
//	Win rate        = Won / (Won + Lost)
//	Low, High       = Wilson score interval of the win rate at Settings.Confidence
//	AvgWon          = mean amount of the won deals whose amount is known
//	MedianCycle     = median days from created to closed of the won deals
//
// A group without closed deals has unknown rates; without won deals,
// unknown AvgWon and MedianCycle.
type TierRate struct {
	Tier        string // "All tiers" for WinRate.All
	Period      string // empty for all periods
	Closed      int    // Won + Lost
	Won, Lost   int
	Rate        Figure
	Low, High   Figure
	AvgWon      Figure
	MedianCycle Figure

	// Flag qualifies the tier's rate against the tier above it: it
	// converts better than the better tier (intervals apart), or not
	// meaningfully worse (the intervals overlap), or it rests on too few
	// deals. Only set on WinRate.Tiers.
	Flag string
}

const allTiers = "All tiers"

// rateAcc accumulates one TierRate.
type rateAcc struct {
	won, lost int
	wonSum    float64
	wonN      int
	cycles    []float64
}

func (a *rateAcc) add(d *deal) {
	if d.outcome == icp.Lost {
		a.lost++
		return
	}
	a.won++
	if d.has(flagAmount) {
		a.wonSum += d.amount
		a.wonN++
	}
	if d.has(flagCycle) {
		a.cycles = append(a.cycles, float64(d.cycle))
	}
}

func (a *rateAcc) rate(tier, period string, conf float64) TierRate {
	n := a.won + a.lost
	t := TierRate{Tier: tier, Period: period, Closed: n, Won: a.won, Lost: a.lost}
	t.Rate = ratio(float64(a.won), float64(n), noClosedNote)
	t.Low, t.High = wilson(a.won, n, conf)
	switch {
	case a.won == 0:
		t.AvgWon, t.MedianCycle = unknown(noWonNote), unknown(noWonNote)
	default:
		t.AvgWon = ratio(a.wonSum, float64(a.wonN), "no won deal has an amount")
		t.MedianCycle = median(a.cycles, "no won deal has both dates")
	}
	return t
}

func buildWinRate(r *Report, deals []deal) WinRate {
	nt := len(r.Tiers)
	conf := r.Settings.Confidence
	tiers := make([]rateAcc, nt)
	var all rateAcc
	byPeriod := map[periodKey][]rateAcc{}
	for i := range deals {
		d := &deals[i]
		if !d.outcome.Closed() {
			continue
		}
		tiers[d.tier].add(d)
		all.add(d)
		accs := byPeriod[d.period]
		if accs == nil {
			accs = make([]rateAcc, nt)
			byPeriod[d.period] = accs
		}
		accs[d.tier].add(d)
	}
	var w WinRate
	for t := range tiers {
		w.Tiers = append(w.Tiers, tiers[t].rate(r.Tiers[t], "", conf))
	}
	w.All = all.rate(allTiers, "", conf)
	keys := make([]periodKey, 0, len(byPeriod))
	for k := range byPeriod {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		label := r.Period.label(k)
		w.Periods = append(w.Periods, label)
		for t, acc := range byPeriod[k] {
			w.ByPeriod = append(w.ByPeriod, acc.rate(r.Tiers[t], label, conf))
		}
	}
	w.flag(len(r.Model.Tiers), r.Settings)
	return w
}

// flag compares each model tier with the one above it. A tier that wins
// more often than the tier above breaks the model's order; a better tier
// whose interval overlaps the next one's does not convert meaningfully
// better. Tiers with fewer than MinClosedDeals closed deals are flagged
// as uncertain instead of compared.
func (w *WinRate) flag(nModelTiers int, s Settings) {
	for i := 0; i < nModelTiers; i++ {
		t := &w.Tiers[i]
		if t.Closed > 0 && t.Closed < s.MinClosedDeals {
			t.addFlag(fmt.Sprintf("only %d closed deals: the win rate is uncertain", t.Closed))
		}
	}
	for i := 0; i+1 < nModelTiers; i++ {
		a, b := &w.Tiers[i], &w.Tiers[i+1]
		if !a.Rate.Known || !b.Rate.Known || a.Closed < s.MinClosedDeals || b.Closed < s.MinClosedDeals {
			continue
		}
		// Out of order only when the intervals say so; a reversal inside
		// overlapping intervals is noise, reported as not separating.
		switch {
		case b.Low.Value > a.High.Value:
			b.addFlag(fmt.Sprintf("%s converts better than %s", b.Tier, a.Tier))
		case a.Low.Value <= b.High.Value:
			a.addFlag(fmt.Sprintf("%s does not convert meaningfully better than %s", a.Tier, b.Tier))
		}
	}
}

func (t *TierRate) addFlag(s string) {
	if t.Flag != "" {
		t.Flag += "; "
	}
	t.Flag += s
}

// ScoreDistribution counts closed deals by their score at creation, in
// 5-point bins: how far apart won and lost deals score. Tier thresholds
// at multiples of 5 fall on bin edges.
type ScoreDistribution struct {
	Bins []ScoreBin
}

// ScoreBin is one bin [Low, High) of scores (the last bin includes 100).
type ScoreBin struct {
	Low, High float64
	Won, Lost int
	Rate      Figure // Won / (Won + Lost)
}

const scoreBins = 20

func buildScores(deals []deal) ScoreDistribution {
	var s ScoreDistribution
	s.Bins = make([]ScoreBin, scoreBins)
	for i := range s.Bins {
		s.Bins[i].Low, s.Bins[i].High = float64(i*100/scoreBins), float64((i+1)*100/scoreBins)
	}
	for i := range deals {
		d := &deals[i]
		if !d.outcome.Closed() {
			continue
		}
		// The tolerance matches the tiers': a score of 64.9999999 is 65.
		b := min(max(int((float64(d.score)+1e-6)*scoreBins/100), 0), scoreBins-1)
		if d.outcome == icp.Won {
			s.Bins[b].Won++
		} else {
			s.Bins[b].Lost++
		}
	}
	for i := range s.Bins {
		b := &s.Bins[i]
		b.Rate = ratio(float64(b.Won), float64(b.Won+b.Lost), noClosedNote)
	}
	return s
}
