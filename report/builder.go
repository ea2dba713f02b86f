package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
)

// Builder builds the review from deals added one at a time, so that they
// need not all be in memory: a deal is scored when it is added and the
// builder keeps about 40 bytes of it (tier, score, outcome, amount,
// cycle time, close period, stage and owner), plus the names and dates of
// the open deals that may make the aging list (up to about twice
// Settings.MaxAgingRows of them). Without an as-of date it also keeps
// each open deal's dates (about 60 bytes), and those that may make the
// aging list whole, to score them as of the date once it is known. Build
// is a Builder fed with every deal: the same deals in the same order give
// the same Report.
//
//	b, err := report.NewBuilder(in, s) // in without Deals
//	for each deal {
//		b.Add(&deal)
//	}
//	r, err := b.Report()
//
// The input that is only known once the deals are read — the customers,
// the rows read and rejected, the calibration of the same deals — may be
// given after them with SetCustomers, SetSources and SetCalibration.
//
// A Builder is not safe for concurrent use.
type Builder struct {
	in          Input // without Deals
	set         Settings
	nModelTiers int
	err         error // the first deal Add rejected

	deals  []deal
	miss   *missingCounts
	checks dealChecks
	names  names

	// created and closed count the deals by their created and close
	// dates, to count those after the as-of date at Report.
	created, closed map[time.Time]int

	// aging holds the aging-list rows of stalled or re-score-due open
	// deals: pruned to the first MaxAgingRows in list order whenever it
	// reaches agingCap.
	aging    []agingRow
	agingCap int

	// Without an as-of date from NewBuilder (latest), open holds the
	// dates of every open deal, for its staleness, and pending the open
	// deals that may still make the aging list, whole, to score as of
	// the date once it is known.
	latest     bool
	maxDate    time.Time // the latest date of the deals added
	open       []openDeal
	pending    []pendingDeal
	pendingCap int

	res icp.Result   // scratch
	p   icp.Prospect // scratch
}

// dealChecks counts the deals with a gap the tables work around (the
// Data quality sheet).
type dealChecks struct {
	total, noAmount, noCreated    int
	closed, noClose, closedBefore int
	open, noMove                  int
	createdAfter, closedAfter     int // filled in by Report
}

// agingRow is what the aging list shows of an open deal, beyond its deal
// record.
type agingRow struct {
	deal                      int // index into Builder.deals
	id, account, owner, stage string
	line                      int
	created, lastStageChange  time.Time
}

// compareAging orders the aging list: oldest first (created, then last
// stage change), then by ID, then in input order.
func compareAging(x, y *agingRow) int {
	if c := x.created.Compare(y.created); c != 0 {
		return c
	}
	if c := x.lastStageChange.Compare(y.lastStageChange); c != 0 {
		return c
	}
	if c := strings.Compare(x.id, y.id); c != 0 {
		return c
	}
	return x.deal - y.deal
}

// openDeal holds the dates an open deal's staleness depends on.
type openDeal struct {
	deal                     int
	created, lastStageChange time.Time
}

// pendingDeal is an open deal added before the as-of date is known.
type pendingDeal struct {
	row agingRow
	p   icp.Prospect // a copy
}

// names interns the stage and owner names of the open deals.
type names struct {
	index map[string]uint32
	list  []string
}

func (n *names) id(s string) uint32 {
	if i, ok := n.index[s]; ok {
		return i
	}
	if n.index == nil {
		n.index = map[string]uint32{}
	}
	i := uint32(len(n.list))
	s = strings.Clone(s)
	n.index[s] = i
	n.list = append(n.list, s)
	return i
}

// NewBuilder starts a review of in, whose deals are given with Add. It
// checks the settings, the model and the period; the rest of the input
// is checked by Report.
//
// When in.AsOf is zero the review is as of the latest date in the data:
// the deals' created, closed and last stage change dates and the
// customers' start and churn dates. Build requires the date instead.
//
// NewBuilder panics if in.Deals is not empty.
func NewBuilder(in Input, s Settings) (*Builder, error) {
	if len(in.Deals) > 0 {
		panic("report: NewBuilder: Input.Deals is set; give the deals with Add")
	}
	set, err := s.resolve()
	if err != nil {
		return nil, err
	}
	if in.Model == nil {
		return nil, fmt.Errorf("report: no model: %w", ErrInvalid)
	}
	if in.Period > Month {
		return nil, fmt.Errorf("report: period %d is not quarter or month: %w", in.Period, ErrInvalid)
	}
	return &Builder{
		in: in, set: set, nModelTiers: len(in.Model.Tiers()),
		miss:    newMissing(in.Model),
		created: map[time.Time]int{}, closed: map[time.Time]int{},
		latest:   in.AsOf.IsZero(),
		agingCap: 2 * set.MaxAgingRows, pendingCap: 2 * set.MaxAgingRows,
	}, nil
}

// SetCustomers sets the customers of the cohort sheet (Input.Customers).
func (b *Builder) SetCustomers(cs []icp.Customer) { b.in.Customers = cs }

// SetSources sets the input files' row counts and rejected rows
// (Input.Sources and Input.Rejects).
func (b *Builder) SetSources(s []Source, rej []Reject) { b.in.Sources, b.in.Rejects = s, rej }

// SetCalibration sets the calibration of the deals (Input.Calibration).
func (b *Builder) SetCalibration(c *calibrate.Result) { b.in.Calibration = c }

// Add scores a deal as of its created date and, when it is open, as of
// the as-of date, and keeps what the tables need of it. A deal the
// review cannot use (a non-finite or negative amount) is an *InputError,
// returned by Add and then by Report; Add ignores every deal after it.
// Add does not retain o or its slices.
func (b *Builder) Add(o *icp.Opportunity) error {
	if b.err != nil {
		return b.err
	}
	if err := checkAmount(o.Amount, "amount"); err != "" {
		b.err = &InputError{Record: "deal", ID: o.ID, Line: o.Line, Field: "amount", Reason: err}
		return b.err
	}
	m := b.in.Model
	i := len(b.deals)
	b.deals = append(b.deals, deal{})
	d, res, p := &b.deals[i], &b.res, &b.p
	*p = o.Prospect
	p.Opened, p.ScoredAt = o.Created, o.Created
	p.Channel = icp.OpportunityStage
	p.LastStageChange = o.LastStageChange
	m.ScoreInto(res, p, o.Created)
	d.score = float32(res.Score)
	d.tier = tierSlot(res, b.nModelTiers)
	d.outcome = o.Outcome
	b.miss.scored[res.ProfileIndex]++
	for c := range res.Criteria {
		if res.Criteria[c].State == icp.Missing {
			b.miss.unknown[res.ProfileIndex][c]++
		}
	}
	for _, t := range []time.Time{o.Created, o.Closed, o.LastStageChange} {
		if t.After(b.maxDate) {
			b.maxDate = t
		}
	}
	c := &b.checks
	c.total++
	if o.Amount.Known {
		d.amount, d.flags = o.Amount.Value, d.flags|flagAmount
	} else {
		c.noAmount++
	}
	if o.Created.IsZero() {
		c.noCreated++
	} else {
		b.created[o.Created]++
	}
	if o.Outcome.Closed() {
		c.closed++
		d.period = b.in.Period.key(o.Closed)
		if o.Closed.IsZero() {
			c.noClose++
		} else {
			b.closed[o.Closed]++
		}
		if !o.Closed.IsZero() && !o.Created.IsZero() {
			if o.Closed.Before(o.Created) {
				c.closedBefore++
			} else {
				d.cycle, d.flags = float32(days(o.Closed.Sub(o.Created))), d.flags|flagCycle
			}
		}
		return nil
	}
	c.open++
	if o.LastStageChange.IsZero() {
		c.noMove++
	}
	d.stage = b.names.id(orName(o.Stage, noStage))
	d.owner = b.names.id(orName(o.Owner, noOwner))
	if b.latest {
		b.addPending(i, o)
		return nil
	}
	m.ScoreInto(res, p, b.in.AsOf)
	scoredNow(d, res, b.nModelTiers)
	if d.has(flagNoMovement | flagRescore) {
		b.aging = append(b.aging, newAgingRow(i, o))
		if len(b.aging) >= b.agingCap {
			b.aging = firstAging(b.aging, b.set.MaxAgingRows)
		}
	}
	return nil
}

func newAgingRow(i int, o *icp.Opportunity) agingRow {
	r := agingRow{
		deal: i, id: o.ID, account: o.Account, owner: o.Owner, stage: o.Stage, line: o.Line,
		created: o.Created, lastStageChange: o.LastStageChange,
	}
	own(&r.id, &r.account, &r.owner, &r.stage)
	return r
}

// own copies the strings ss point to into one new allocation, so that
// what keeps them does not keep a reader's buffer alive.
func own(ss ...*string) {
	n := 0
	for _, s := range ss {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(*s)
	}
	all, at := b.String(), 0
	for _, s := range ss {
		*s, at = all[at:at+len(*s)], at+len(*s)
	}
}

// firstAging returns the first k rows in aging-list order, in input
// order.
func firstAging(rows []agingRow, k int) []agingRow {
	if len(rows) <= k {
		return rows
	}
	sorted := slices.Clone(rows)
	slices.SortFunc(sorted, func(x, y agingRow) int { return compareAging(&x, &y) })
	cut := sorted[k-1]
	return slices.DeleteFunc(rows, func(r agingRow) bool { return compareAging(&r, &cut) > 0 })
}

// scoredNow records an open deal's score and staleness as of the report
// date.
func scoredNow(d *deal, res *icp.Result, nModelTiers int) {
	d.scoreNow = float32(res.Score)
	d.tierNow = tierSlot(res, nModelTiers)
	setStale(d, &res.Stale)
}

func setStale(d *deal, s *icp.Staleness) {
	if s.NoMovement {
		d.flags |= flagNoMovement
	}
	if s.RescoreDue {
		d.flags |= flagRescore
		d.rescoreAt = float32(s.RescoreAt)
	}
}

// staleness is an open deal's icp.Staleness as of asOf, which depends
// on its created and last stage change dates only.
func staleness(m *icp.Model, res *icp.Result, created, lastStageChange, asOf time.Time) *icp.Staleness {
	p := icp.Prospect{Channel: icp.OpportunityStage, Opened: created, ScoredAt: created, LastStageChange: lastStageChange}
	m.ScoreInto(res, &p, asOf)
	return &res.Stale
}

// addPending keeps open deal i until the as-of date is known: its dates
// for its staleness, and the deal itself while it may make the aging
// list.
func (b *Builder) addPending(i int, o *icp.Opportunity) {
	b.open = append(b.open, openDeal{deal: i, created: o.Created, lastStageChange: o.LastStageChange})
	b.pending = append(b.pending, pendingDeal{row: newAgingRow(i, o), p: ownProspect(&o.Prospect)})
	if len(b.pending) >= b.pendingCap {
		b.prunePending()
		b.pendingCap = max(2*len(b.pending), 2*b.set.MaxAgingRows)
	}
}

// prunePending drops the pending deals that cannot make the aging list.
// The as-of date will be the latest date in the data, never earlier
// than the latest date added so far, and staleness only grows with the
// date: a deal stale as of that date is on the aging list (or behind
// MaxAgingRows others). So once MaxAgingRows such deals come before a
// deal in list order, it cannot be listed.
func (b *Builder) prunePending() {
	k := b.set.MaxAgingRows
	var stale []agingRow
	for j := range b.pending {
		r := &b.pending[j].row
		if staleness(b.in.Model, &b.res, r.created, r.lastStageChange, b.maxDate).Stale() {
			stale = append(stale, *r)
		}
	}
	if len(stale) < k {
		return
	}
	slices.SortFunc(stale, func(x, y agingRow) int { return compareAging(&x, &y) })
	cut := stale[k-1]
	b.pending = slices.DeleteFunc(b.pending, func(pd pendingDeal) bool { return compareAging(&pd.row, &cut) > 0 })
}

// scorePending scores the open deals as of the as-of date once it is
// known: the staleness of each, the score now of those still pending;
// the stale ones among these are the aging rows.
func (b *Builder) scorePending() {
	m, asOf := b.in.Model, b.in.AsOf
	parallel(len(b.open), func(_, lo, hi int) {
		var res icp.Result
		for j := lo; j < hi; j++ {
			od := &b.open[j]
			setStale(&b.deals[od.deal], staleness(m, &res, od.created, od.lastStageChange, asOf))
		}
	})
	parallel(len(b.pending), func(_, lo, hi int) {
		var res icp.Result
		for j := lo; j < hi; j++ {
			pd := &b.pending[j]
			p := &pd.p
			p.Opened, p.ScoredAt = pd.row.created, pd.row.created
			p.Channel = icp.OpportunityStage
			p.LastStageChange = pd.row.lastStageChange
			m.ScoreInto(&res, p, asOf)
			scoredNow(&b.deals[pd.row.deal], &res, b.nModelTiers)
		}
	})
	for j := range b.pending {
		if b.deals[b.pending[j].row.deal].has(flagNoMovement | flagRescore) {
			b.aging = append(b.aging, b.pending[j].row)
		}
	}
	b.open, b.pending, b.latest = nil, nil, false
}

// Report checks the rest of the input and computes every table from the
// deals added. Errors wrap ErrInvalid: no as-of date (none given and no
// date in the data), the first deal Add rejected, a bad customer or
// source.
func (b *Builder) Report() (*Report, error) {
	in := &b.in
	if b.latest {
		in.AsOf = b.maxDate
		for i := range in.Customers {
			for _, t := range []time.Time{in.Customers[i].Start, in.Customers[i].Churn} {
				if t.After(in.AsOf) {
					in.AsOf = t
				}
			}
		}
	}
	if in.AsOf.IsZero() {
		return nil, fmt.Errorf("report: the as-of date is required: %w", ErrInvalid)
	}
	if b.err != nil {
		return nil, b.err
	}
	if err := validateRest(in); err != nil {
		return nil, err
	}
	if b.latest {
		b.scorePending()
	}

	m := in.Model
	r := &Report{
		AsOf:     in.AsOf,
		Period:   in.Period,
		Settings: b.set,
		Model: ModelInfo{
			Name: m.Name(), Version: m.Version(), File: m.File(), Currency: m.Spec().Currency,
			Tiers: m.Tiers(), Disqualifiers: len(m.Disqualifiers()),
			NoMovementDays: m.NoMovementDays(), RescoreDays: m.RescoreDays(),
		},
	}
	for _, t := range r.Model.Tiers {
		r.Tiers = append(r.Tiers, t.Name)
	}
	if r.Model.Disqualifiers > 0 {
		r.Tiers = append(r.Tiers, icp.TierDisqualified)
	}

	deals := b.deals
	custTiers := scoreCustomers(in, len(r.Model.Tiers))
	r.Customers = len(in.Customers)
	for i := range deals {
		r.Deals.Total++
		switch deals[i].outcome {
		case icp.Won:
			r.Deals.Won++
		case icp.Lost:
			r.Deals.Lost++
		default:
			r.Deals.Open++
		}
	}
	checks := b.checks
	for t, n := range b.created {
		if t.After(in.AsOf) {
			checks.createdAfter += n
		}
	}
	for t, n := range b.closed {
		if t.After(in.AsOf) {
			checks.closedAfter += n
		}
	}

	r.WinRate = buildWinRate(r, deals)
	r.Scores = buildScores(deals)
	r.Pipeline = buildPipeline(r, b.names.list, deals)
	r.Forecast = buildForecast(r)
	r.Aging = buildAging(r, b.aging, deals)
	r.Cohorts = buildCohorts(r, in, custTiers)
	r.Quality = buildQuality(r, in, &checks, b.miss)
	r.Calibration = buildCalibration(m, in.Calibration)
	r.Findings = r.findings()
	return r, nil
}

// ownProspect copies p with its slices, map and strings, which a
// streaming reader may reuse or keep in large buffers.
func ownProspect(p *icp.Prospect) icp.Prospect {
	c := *p
	ss := []*string{&c.ID, &c.Name, &c.Industry, &c.Country, &c.Region, &c.FundingStage, &c.BuyerTitle}
	c.TechStack = cloneSlice(p.TechStack)
	for i := range c.TechStack {
		ss = append(ss, &c.TechStack[i])
	}
	events := func(es []icp.Event) []icp.Event {
		es = cloneSlice(es)
		for i := range es {
			ss = append(ss, &es[i].Kind, &es[i].Topic, &es[i].Source)
		}
		return es
	}
	c.Triggers = events(p.Triggers)
	c.Intent = events(p.Intent)
	c.Engagement = events(p.Engagement)
	if p.Custom != nil {
		c.Custom = make(map[string]icp.Value, len(p.Custom))
		for k, v := range p.Custom {
			v.Text = strings.Clone(v.Text)
			v.List = cloneSlice(v.List)
			for i := range v.List {
				v.List[i] = strings.Clone(v.List[i])
			}
			v.Events = cloneSlice(v.Events)
			for i := range v.Events {
				e := &v.Events[i]
				e.Kind, e.Topic, e.Source = strings.Clone(e.Kind), strings.Clone(e.Topic), strings.Clone(e.Source)
			}
			c.Custom[strings.Clone(k)] = v
		}
	}
	own(ss...)
	return c
}

// cloneSlice copies s, keeping nil (unknown) apart from empty (none).
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
