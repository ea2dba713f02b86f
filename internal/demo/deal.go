package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/icpkit/icpkit/icp"
)

// Deal timing and shape.
const (
	dealGrowth      = 0.6  // deal flow at End is 1.6× that at Start
	quarterEndShare = 0.2  // closed deals pulled into the last days of their quarter
	quarterEndDays  = 10   // … that many days
	inboundShare    = 0.45 // deals that came in rather than being prospected
	minCycle        = 20   // days from creation to close
	maxCycle        = 200
	lateProcurement = 45 // extra days of procurement at Series D+ and public companies
	openRecentShare = 0.8
	openRecentDays  = 120 // most open deals were created this recently
	openOldestDays  = 300
	staleShare      = 0.6 // old open deals whose stage has not moved since creation
	minAmount       = 1500
)

// deal is an opportunity while the sample is drawn.
type deal struct {
	acct            int
	created, closed day // closed is 0 while open
	lastChange      day
	open            bool
	stage, owner    string
	amount          float64
	inbound         bool
	x               []float64
	eta, score, p   float64
	tier            string
	stratum         int // see outcomeSampler
	rule            Rule
	won             bool
}

// cycleDays draws how long a deal with a takes to close: longer for big
// companies, 45 days longer where procurement is formal.
func cycleDays(r *rand.Rand, a *account) int {
	base := 25 + 22*math.Log10(math.Max(a.emp, 5))
	if a.fund >= fundSeriesD {
		base += lateProcurement
	}
	return int(clamp(math.Round(base*logNormal(r, 0, 0.35)), minCycle, maxCycle))
}

// drawAmount draws a deal's annual contract value: it grows with head count.
func drawAmount(r *rand.Rand, a *account) float64 {
	v := 9000 * math.Pow(a.emp/100, 0.55) * logNormal(r, 0, 0.35)
	return math.Max(minAmount, math.Round(v/100)*100)
}

// closeDay draws a close date in [start, end]: deal flow grows linearly
// over the period, and some deals are pulled into the end of the quarter.
func closeDay(r *rand.Rand, start, end day) day {
	span := float64(end - start + 1)
	u := r.Float64()
	t := (math.Sqrt(1+2*dealGrowth*u*(1+dealGrowth/2)) - 1) / dealGrowth
	d := min(start+day(t*span), end)
	if r.Float64() < quarterEndShare {
		qe := quarterStart(quarterStart(d)+92) - 1
		if c := qe - day(r.IntN(quarterEndDays)); c >= d && c <= end {
			d = c
		}
	}
	return d
}

func (g *generator) drawDeals() {
	r := newRand(g.seed, streamDeals)
	cum := make([]float64, len(g.accts))
	sum := 0.0
	for i := range g.accts {
		sum += g.accts[i].weight
		cum[i] = sum
	}
	pickAccount := func() int {
		i, _ := slices.BinarySearch(cum, r.Float64()*sum)
		return min(i, len(cum)-1)
	}
	g.deals = make([]deal, 0, g.nClose+g.nOpen)
	for range g.nClose {
		d := deal{acct: pickAccount()}
		a := &g.accts[d.acct]
		d.closed = closeDay(r, g.start, g.end)
		d.created = d.closed - day(cycleDays(r, a))
		d.lastChange = d.closed
		g.fill(r, &d)
		g.deals = append(g.deals, d)
	}
	for range g.nOpen {
		d := deal{acct: pickAccount(), open: true}
		if r.Float64() < openRecentShare {
			d.created = g.end - day(r.IntN(openRecentDays))
		} else {
			d.created = g.end - day(between(r, openRecentDays, openOldestDays))
		}
		if g.end-d.created > staleDays && r.Float64() < staleShare {
			d.lastChange = d.created + day(r.IntN(20))
		} else {
			d.lastChange = max(d.created, g.end-day(r.IntN(45)))
		}
		d.stage = openStages[pick(r, []float64{0.35, 0.30, 0.20, 0.15})]
		g.fill(r, &d)
		g.deals = append(g.deals, d)
	}
}

// staleDays is the reference model's no-movement limit.
const staleDays = 180

// fill draws what every deal has: source, owner, amount and the events
// that led up to it.
func (g *generator) fill(r *rand.Rand, d *deal) {
	a := &g.accts[d.acct]
	d.inbound = r.Float64() < inboundShare
	d.owner = one(r, owners)
	d.amount = drawAmount(r, a)
	a.dealEvents(r, d.created, d.inbound)
}

// prospect returns the record of d's account as the deal sees it.
func (g *generator) prospect(d *deal) icp.Prospect {
	p := g.accts[d.acct].p
	p.Channel = icp.OpportunityStage
	p.Opened = d.created.time()
	p.ScoredAt = p.Opened
	p.LastStageChange = d.lastChange.time()
	return p
}

// betas returns the true effects in the order of m's criteria.
func betas(m *icp.Model) []float64 {
	crit := m.Criteria(0)
	b := make([]float64, len(crit))
	for j, c := range crit {
		v, ok := effects[c.Name]
		if !ok {
			panic(fmt.Sprintf("demo: no true effect for criterion %q", c.Name))
		}
		b[j] = v
	}
	return b
}

// score scores every deal's account as of the created date and assigns
// the deal its rule.
func (g *generator) score() {
	beta := betas(g.model)
	n := len(beta)
	xs := make([]float64, len(g.deals)*n)
	from := declineFrom(g.end)
	var res icp.Result
	for i := range g.deals {
		d := &g.deals[i]
		p := g.prospect(d)
		g.model.ScoreInto(&res, &p, d.created.time())
		d.x = xs[i*n : (i+1)*n : (i+1)*n]
		d.eta = linear(&res, beta, d.x)
		d.score, d.tier = res.Score, res.Tier
		late := d.open || d.closed >= from
		d.rule = ruleOf(&res, &g.accts[d.acct], late)
		d.stratum = stratum(d.rule, res.TierIndex, late)
	}
}

// ruleOf returns the rule of a deal with account a scored res; late says
// that it closes in the last two quarters (or is still open).
func ruleOf(res *icp.Result, a *account, late bool) Rule {
	switch {
	case res.Disqualified():
		return RuleDisqualified
	case inSegment(a):
		return RuleOutOfICP
	case late && res.Tier == decliningTier:
		return RuleDeclining
	}
	return RuleLogistic
}

// linear stores x_j = points/max of each criterion of res in x and
// returns Σ beta_j x_j.
func linear(res *icp.Result, beta, x []float64) float64 {
	eta := 0.0
	for j := range res.Criteria {
		x[j] = res.Criteria[j].Points / res.Criteria[j].Max
		eta += beta[j] * x[j]
	}
	return eta
}

// outcomes solves the intercept for the target win rate of the closed
// deals and draws each closed deal's outcome.
func (g *generator) outcomes() {
	rules := make([]Rule, 0, g.nClose)
	etas := make([]float64, 0, g.nClose)
	for i := range g.deals {
		if d := &g.deals[i]; !d.open {
			rules, etas = append(rules, d.rule), append(etas, d.eta)
		}
	}
	g.intercept = solveIntercept(rules, etas, targetWinRate)
	smp := newOutcomeSampler(newRand(g.seed, streamOutcomes))
	for _, i := range g.samplingOrder() {
		d := &g.deals[i]
		d.p = probability(d.rule, g.intercept, d.eta)
		if d.open {
			continue
		}
		d.won = smp.won(d.stratum, d.p)
		d.stage = stageLost
		if d.won {
			d.stage = stageWon
		}
	}
}

// samplingOrder returns the deal indices in the order outcomes are drawn:
// by x, criteria without an effect first, then by decreasing effect, then
// as drawn. Systematic sampling along this order spreads each stratum's
// wins evenly over the criteria's values (implicit stratification), so
// that a criterion without an effect shows none, in every sample.
func (g *generator) samplingOrder() []int {
	beta := betas(g.model)
	keys := make([]int, len(beta))
	for j := range keys {
		keys[j] = j
	}
	slices.SortStableFunc(keys, func(a, b int) int { return cmp.Compare(beta[a], beta[b]) })
	order := make([]int, len(g.deals))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		da, db := &g.deals[a], &g.deals[b]
		for _, j := range keys {
			if c := cmp.Compare(da.x[j], db.x[j]); c != 0 {
				return c
			}
		}
		return 0
	})
	return order
}

// opportunities returns the deals as records, by created date, with
// their truth; ids number them in that order.
func (g *generator) opportunities() ([]icp.Opportunity, []Deal) {
	order := make([]int, len(g.deals))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(g.deals[i].created, g.deals[j].created) })
	width := idWidth(len(order))
	opps := make([]icp.Opportunity, len(order))
	truth := make([]Deal, len(order))
	for k, i := range order {
		d := &g.deals[i]
		o := &opps[k]
		*o = icp.Opportunity{
			ID:              formatID('O', width, k+1),
			Account:         g.accts[d.acct].p.ID,
			Prospect:        g.prospect(d),
			Created:         d.created.time(),
			Stage:           d.stage,
			Amount:          icp.Num(d.amount),
			Source:          icp.Outbound,
			Owner:           d.owner,
			LastStageChange: d.lastChange.time(),
			RecordedScore:   icp.Num(d.score),
			RecordedTier:    d.tier,
		}
		if d.inbound {
			o.Source = icp.Inbound
		}
		if !d.open {
			o.Closed = d.closed.time()
			o.Outcome = icp.Lost
			if d.won {
				o.Outcome = icp.Won
			}
		}
		truth[k] = Deal{X: d.x, P: d.p, Rule: d.rule}
	}
	g.order = order
	return opps, truth
}
