package calibrate

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// ErrNoDeals is returned when no closed deal is left to learn from.
var ErrNoDeals = errors.New("calibrate: no closed deals")

// design holds every closed deal scored by the current model: the
// regression's predictors and what the review needs about each deal.
type design struct {
	names  []string  // criterion names
	labels []string  // criterion labels
	points []float64 // current maximum points
	total  float64
	p      int

	x       []float64 // row-major n×p, x = points earned / maximum
	won     []bool
	score   []float64 // current model score 0–100
	tier    []int     // current tier index, -1 disqualified
	disq    []uint64  // disqualifiers matched, as a bit set
	amount  []float64 // NaN when unknown
	created []time.Time
	closed  []time.Time
	deal    []int // index into the caller's slice
	known   []int // per criterion: deals whose attribute is known

	deals []icp.Opportunity // the caller's deals, for segment attributes

	openScores []float64 // scores of open deals (drift) with their period
	openPeriod []time.Time
}

func (d *design) n() int { return len(d.won) }

// row returns deal i's predictors.
func (d *design) row(i int) []float64 { return d.x[i*d.p : (i+1)*d.p] }

// buildDesign scores the deals with profile prof of m, each as of the day
// it was created. Open deals are kept aside for drift; deals created after
// asOf (when set) are left out.
func buildDesign(m *icp.Model, deals []icp.Opportunity, prof int, asOf time.Time) (*design, error) {
	if prof < 0 || prof >= len(m.Profiles()) {
		return nil, fmt.Errorf("calibrate: profile %d: the model has %d", prof, len(m.Profiles()))
	}
	infos := m.Criteria(prof)
	d := &design{p: len(infos), total: m.Total(prof), known: make([]int, len(infos)), deals: deals}
	for _, c := range infos {
		d.names = append(d.names, c.Name)
		label := c.Label
		if label == "" {
			label = c.Name
		}
		d.labels = append(d.labels, label)
		d.points = append(d.points, c.Max)
	}
	var r icp.Result
	for i := range deals {
		o := &deals[i]
		if !asOf.IsZero() && o.Created.After(asOf) {
			continue
		}
		p := o.Prospect
		p.Channel = icp.OpportunityStage
		p.Opened, p.ScoredAt, p.LastStageChange = o.Created, o.Created, o.LastStageChange
		m.ScoreInto(&r, &p, o.Created)
		if !o.Outcome.Closed() {
			d.openScores = append(d.openScores, r.Score)
			d.openPeriod = append(d.openPeriod, o.Created)
			continue
		}
		cs := r.ProfileCriteria(prof)
		score := r.Score
		if prof != r.ProfileIndex {
			score = r.Profiles[prof].Score - r.Penalty
			if score < 0 {
				score = 0
			}
		}
		for j := range cs {
			d.x = append(d.x, cs[j].Points/cs[j].Max)
			if cs[j].State != icp.Missing {
				d.known[j]++
			}
		}
		var bits uint64
		for _, k := range r.Disqualifiers {
			if k < 64 {
				bits |= 1 << uint(k)
			}
		}
		amt := math.NaN()
		if o.Amount.Known {
			amt = o.Amount.Value
		}
		tier := m.Tiers()
		ti := -1
		if len(r.Disqualifiers) == 0 {
			ti = tierIndex(tier, score)
		}
		d.won = append(d.won, o.Outcome == icp.Won)
		d.score = append(d.score, score)
		d.tier = append(d.tier, ti)
		d.disq = append(d.disq, bits)
		d.amount = append(d.amount, amt)
		d.created = append(d.created, o.Created)
		d.closed = append(d.closed, closeDate(o))
		d.deal = append(d.deal, i)
	}
	if d.n() == 0 {
		return nil, ErrNoDeals
	}
	return d, nil
}

// closeDate is a deal's close date, or its creation when the CRM left it out.
func closeDate(o *icp.Opportunity) time.Time {
	if o.Closed.IsZero() {
		return o.Created
	}
	return o.Closed
}

func tierIndex(tiers []icp.Tier, score float64) int {
	for i, t := range tiers {
		if score >= t.Min-1e-9 {
			return i
		}
	}
	return len(tiers) - 1
}

// periods lists the distinct period labels of ts, oldest first, and each
// t's index into that list.
func periods(p Period, ts []time.Time) (labels []string, idx []int) {
	starts := map[time.Time]bool{}
	for _, t := range ts {
		starts[p.Start(t)] = true
	}
	keys := make([]time.Time, 0, len(starts))
	for k := range starts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Before(keys[j]) })
	pos := map[time.Time]int{}
	for i, k := range keys {
		pos[k] = i
		labels = append(labels, p.Label(k))
	}
	idx = make([]int, len(ts))
	for i, t := range ts {
		idx[i] = pos[p.Start(t)]
	}
	return labels, idx
}
