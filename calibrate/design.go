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
	known   []int // per criterion: deals whose attribute is known
	attrs   []attrColumn

	m       *icp.Model
	prof    int
	tiers   []icp.Tier
	scratch icp.Result

	openScores []float64 // scores of open deals (drift) with their period
	openPeriod []time.Time
}

func (d *design) n() int { return len(d.won) }

// row returns deal i's predictors.
func (d *design) row(i int) []float64 { return d.x[i*d.p : (i+1)*d.p] }

// attrFields are the attributes kept per deal for the segment search and
// the out-of-ICP review, interned so a million deals stay small.
var attrFields = []string{"industry", "country", "region", "funding_stage", "size_band"}

// newDesign prepares an empty design for profile prof of m.
func newDesign(m *icp.Model, prof int) (*design, error) {
	if prof < 0 || prof >= len(m.Profiles()) {
		return nil, fmt.Errorf("calibrate: profile %d: the model has %d", prof, len(m.Profiles()))
	}
	infos := m.Criteria(prof)
	d := &design{p: len(infos), total: m.Total(prof), known: make([]int, len(infos)), tiers: m.Tiers(), prof: prof, m: m}
	for _, c := range infos {
		d.names = append(d.names, c.Name)
		label := c.Label
		if label == "" {
			label = c.Name
		}
		d.labels = append(d.labels, label)
		d.points = append(d.points, c.Max)
	}
	d.attrs = make([]attrColumn, len(attrFields))
	for i, f := range attrFields {
		d.attrs[i] = attrColumn{field: f, index: map[string]int32{}}
	}
	return d, nil
}

// add scores one deal as of the day it was created and keeps what the
// review needs. Open deals are kept aside for drift only.
func (d *design) add(o *icp.Opportunity) {
	p := o.Prospect
	p.Channel = icp.OpportunityStage
	p.Opened, p.ScoredAt, p.LastStageChange = o.Created, o.Created, o.LastStageChange
	r := &d.scratch
	d.m.ScoreInto(r, &p, o.Created)
	if !o.Outcome.Closed() {
		d.openScores = append(d.openScores, r.Score)
		d.openPeriod = append(d.openPeriod, o.Created)
		return
	}
	cs := r.ProfileCriteria(d.prof)
	score := r.Score
	if d.prof != r.ProfileIndex {
		score = max(r.Profiles[d.prof].Score-r.Penalty, 0)
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
	ti := -1
	if len(r.Disqualifiers) == 0 {
		ti = tierIndex(d.tiers, score)
	}
	for i := range d.attrs {
		d.attrs[i].add(attribute(&o.Prospect, d.attrs[i].field))
	}
	d.won = append(d.won, o.Outcome == icp.Won)
	d.score = append(d.score, score)
	d.tier = append(d.tier, ti)
	d.disq = append(d.disq, bits)
	d.amount = append(d.amount, amt)
	d.created = append(d.created, o.Created)
	d.closed = append(d.closed, closeDate(o))
}

// attrColumn is one interned attribute over the closed deals.
type attrColumn struct {
	field  string
	index  map[string]int32 // folded value -> id
	labels []string         // id -> first spelling seen
	ids    []int32          // per deal; -1 unknown
}

func (a *attrColumn) add(v string) {
	k := fold(v)
	if k == "" {
		a.ids = append(a.ids, -1)
		return
	}
	id, ok := a.index[k]
	if !ok {
		id = int32(len(a.labels))
		a.index[k] = id
		a.labels = append(a.labels, trim(v))
	}
	a.ids = append(a.ids, id)
}

// column returns the interned column of a candidate field, or nil.
func (d *design) column(field string) *attrColumn {
	for i := range d.attrs {
		if d.attrs[i].field == field {
			return &d.attrs[i]
		}
	}
	return nil
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
