package demo

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"

	"github.com/icpkit/icpkit/icp"
)

// Scale files are written row by row in constant memory, for benchmarks
// at 1M and 10M rows. They use DefaultSettings' dates. The first k rows
// of a file are the same whatever n is.
const (
	scaleBuffer = 256 << 10
	scalePilot  = 20000 // deals drawn to solve the scale deals' intercept
	scaleRecent = 0.5   // scale accounts with a recent run-up of events
	scaleWidth  = 8     // digits of scale ids, so that ids do not depend on n
)

// WriteScaleAccounts writes n accounts in the accounts.csv format to w,
// drawn as Generate draws them (seed 0 means 1). Half the accounts have the
// run-up of events that precedes a deal, as if one were created in the
// month before the as-of date, 2026-10-01. Names may repeat; ids do not.
//
// It panics if n < 0.
func WriteScaleAccounts(w io.Writer, n int, seed uint64) error {
	if n < 0 {
		panic(fmt.Sprintf("demo: WriteScaleAccounts: n = %d < 0", n))
	}
	if seed == 0 {
		seed = DefaultSettings.Seed
	}
	start, end := dayOf(DefaultSettings.Start), dayOf(DefaultSettings.End)
	r := newRand(seed, streamScaleAccounts)
	bw := bufio.NewWriterSize(w, scaleBuffer)
	var rw row
	rw.header(accountHeader)
	if _, err := bw.Write(rw.b); err != nil {
		return err
	}
	var a account
	for i := range n {
		drawAccount(r, &a, formatID('A', scaleWidth, i+1), nil, start-backgroundDays, end)
		if r.Float64() < scaleRecent {
			a.dealEvents(r, end-day(r.IntN(30)), r.Float64() < inboundShare)
		}
		a.sortEvents()
		rw.reset()
		appendAccount(&rw, &a.p)
		rw.end()
		if _, err := bw.Write(rw.b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteScaleDeals writes n closed deals to w, each with its own account,
// whose attributes are on the deal row: the opportunities.csv columns
// followed by the accounts.csv columns after account_name. Outcomes follow
// ScaleDealsTruth(seed) (seed 0 means 1).
//
// It panics if n < 0.
func WriteScaleDeals(w io.Writer, n int, seed uint64) error {
	if n < 0 {
		panic(fmt.Sprintf("demo: WriteScaleDeals: n = %d < 0", n))
	}
	if seed == 0 {
		seed = DefaultSettings.Seed
	}
	intercept := scaleIntercept(seed)
	g := newScaleDeals(seed)
	smp := newOutcomeSampler(newRand(seed, streamScaleOutcomes))
	bw := bufio.NewWriterSize(w, scaleBuffer)
	var rw row
	rw.header(append(opportunityHeader[:len(opportunityHeader):len(opportunityHeader)], accountHeader[2:]...))
	if _, err := bw.Write(rw.b); err != nil {
		return err
	}
	for i := range n {
		g.next(i)
		d := &g.d
		d.won = smp.won(d.stratum, probability(d.rule, intercept, d.eta))
		rw.reset()
		g.appendRow(&rw, i)
		rw.end()
		if _, err := bw.Write(rw.b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ScaleDealsTruth returns the truth behind WriteScaleDeals with seed: the
// process of Generate, one deal per account, the intercept solved on the
// first 20,000 deals. Its Deals are nil.
func ScaleDealsTruth(seed uint64) Truth {
	if seed == 0 {
		seed = DefaultSettings.Seed
	}
	return newTruth(reference(), scaleIntercept(seed), declineFrom(dayOf(DefaultSettings.End)))
}

// scaleIntercepts memoizes scaleIntercept by seed: benchmarks call
// WriteScaleDeals again and again.
var scaleIntercepts sync.Map // uint64 -> float64

func scaleIntercept(seed uint64) float64 {
	if v, ok := scaleIntercepts.Load(seed); ok {
		return v.(float64)
	}
	b := solveScaleIntercept(seed)
	scaleIntercepts.Store(seed, b)
	return b
}

func solveScaleIntercept(seed uint64) float64 {
	g := newScaleDeals(seed)
	rules := make([]Rule, scalePilot)
	etas := make([]float64, scalePilot)
	for i := range scalePilot {
		g.next(i)
		rules[i], etas[i] = g.d.rule, g.d.eta
	}
	return solveIntercept(rules, etas, targetWinRate)
}

// scaleDeals draws one account and one closed deal at a time.
type scaleDeals struct {
	r                *rand.Rand
	model            *icp.Model
	beta             []float64
	start, end, from day
	a                account
	d                deal
	res              icp.Result
}

func newScaleDeals(seed uint64) *scaleDeals {
	m := reference()
	beta := betas(m)
	end := dayOf(DefaultSettings.End)
	return &scaleDeals{
		r:     newRand(seed, streamScaleDeals),
		model: m,
		beta:  beta,
		start: dayOf(DefaultSettings.Start),
		end:   end,
		from:  declineFrom(end),
		d:     deal{x: make([]float64, len(beta))},
	}
}

// next draws deal i and its account, and scores it as of its creation.
func (g *scaleDeals) next(i int) {
	r, a, d := g.r, &g.a, &g.d
	drawAccount(r, a, formatID('A', scaleWidth, i+1), nil, g.start-backgroundDays, g.end)
	d.closed = closeDay(r, g.start, g.end)
	d.created = d.closed - day(cycleDays(r, a))
	d.lastChange = d.closed
	d.inbound = r.Float64() < inboundShare
	d.owner = one(r, owners)
	d.amount = drawAmount(r, a)
	a.dealEvents(r, d.created, d.inbound)
	a.sortEvents()
	g.model.ScoreInto(&g.res, &a.p, d.created.time())
	d.eta = linear(&g.res, g.beta, d.x)
	d.score, d.tier = g.res.Score, g.res.Tier
	late := d.closed >= g.from
	d.rule = ruleOf(&g.res, a, late)
	d.stratum = stratum(d.rule, g.res.TierIndex, late)
}

func (g *scaleDeals) appendRow(rw *row, i int) {
	d, p := &g.d, &g.a.p
	rw.str(formatID('O', scaleWidth, i+1))
	rw.str(p.ID)
	rw.str(p.Name)
	rw.date(d.created.time())
	rw.date(d.closed.time())
	stage, outcome := stageLost, icp.Lost
	if d.won {
		stage, outcome = stageWon, icp.Won
	}
	rw.str(stage)
	rw.str(outcome.String())
	rw.number(icp.Num(d.amount))
	src := icp.Outbound
	if d.inbound {
		src = icp.Inbound
	}
	rw.str(src.String())
	rw.str(d.owner)
	rw.date(d.lastChange.time())
	rw.number(icp.Num(d.score))
	appendAccountAttributes(rw, p)
}
