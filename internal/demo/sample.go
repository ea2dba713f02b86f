package demo

import (
	"maps"
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// Sample is a generated CRM: accounts, their opportunities and the
// customers the won deals made, with the truth they were drawn from.
//
// The records share slices (an opportunity's Prospect is its account's
// record, tech stack and events included); treat them as read-only.
type Sample struct {
	Settings Settings  // resolved: no zero fields but OpenDeals
	AsOf     time.Time // the day after Settings.End

	Accounts      []icp.Prospect    // by account id
	Opportunities []icp.Opportunity // by created date, then id
	Customers     []icp.Customer    // by account id

	Truth Truth
}

// Generate draws the sample s describes (see the package documentation
// for the process). The same Settings give the same Sample.
//
// Generate panics on negative Accounts or a Start after End.
func Generate(s Settings) *Sample {
	s = s.resolve()
	start, end := dayOf(s.Start), dayOf(s.End)
	g := &generator{
		model:  reference(),
		start:  start,
		end:    end,
		asOf:   end + 1,
		accts:  make([]account, s.Accounts),
		idFmt:  idWidth(s.Accounts),
		seed:   s.Seed,
		nOpen:  s.OpenDeals,
		nClose: int(math.Round(closedPerAccount * float64(s.Accounts))),
	}
	g.drawAccounts()
	g.drawDeals()
	for i := range g.accts {
		g.accts[i].sortEvents()
	}
	g.score()
	g.outcomes()

	smp := &Sample{Settings: s, AsOf: g.asOf.time()}
	smp.Accounts = make([]icp.Prospect, len(g.accts))
	for i := range g.accts {
		smp.Accounts[i] = g.accts[i].p
	}
	smp.Opportunities, smp.Truth.Deals = g.opportunities()
	smp.Customers = g.customers(smp.Opportunities, smp.Truth.Deals)

	deals := smp.Truth.Deals
	smp.Truth = newTruth(g.model, g.intercept, declineFrom(end))
	smp.Truth.Deals = deals
	return smp
}

// newTruth returns the truth of a process without its deals.
func newTruth(m *icp.Model, intercept float64, from day) Truth {
	t := Truth{
		Intercept:           intercept,
		Effects:             maps.Clone(effects),
		WinRate:             targetWinRate,
		OutOfICPSegment:     segmentName,
		OutOfICPWinRate:     outOfICPWinRate,
		DecliningTier:       decliningTier,
		DeclineFrom:         from.time(),
		DeclineDrop:         declineDrop,
		DisqualifiedWinRate: disqualifiedWinRate,
		Retention:           retention,
	}
	for _, c := range m.Criteria(0) {
		t.Criteria = append(t.Criteria, c.Name)
	}
	return t
}

const (
	closedPerAccount = 1.5
	segmentName      = "Healthcare, 1,000–5,000 employees"
	backgroundDays   = 730 // background events start this many days before Start
)

// reference returns the reference model, compiled once; a Model is
// immutable and safe for concurrent use.
var reference = sync.OnceValue(icp.Reference)

// generator holds a sample while it is drawn.
type generator struct {
	model         *icp.Model
	seed          uint64
	start, end    day
	asOf          day
	accts         []account
	idFmt         int
	nClose, nOpen int
	deals         []deal
	order         []int // deal indices by created date: the opportunities' order
	intercept     float64
}

func idWidth(n int) int { return max(5, len(strconv.Itoa(n))) }

func formatID(prefix byte, width, n int) string {
	s := strconv.Itoa(n)
	b := make([]byte, 0, 1+max(width, len(s)))
	b = append(b, prefix)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return string(append(b, s...))
}

func (g *generator) drawAccounts() {
	r := newRand(g.seed, streamAccounts)
	names := make(map[string]bool, len(g.accts))
	lo := g.start - backgroundDays
	for i := range g.accts {
		drawAccount(r, &g.accts[i], formatID('A', g.idFmt, i+1), names, lo, g.end)
	}
}

// declineFrom returns the first day of the last two quarters up to end.
func declineFrom(end day) day { return quarterStart(quarterStart(end) - 1) }

// inSegment reports whether the CRM record puts an account in the planted
// out-of-ICP segment.
func inSegment(a *account) bool {
	e := a.p.Employees
	return a.ind == indHealthcare && a.p.Industry != "" && e.Known &&
		e.Value >= segmentMinEmployees && e.Value <= segmentMaxEmployees
}

// ClosedBy returns the closed opportunities that rule decided, in order.
// Calibrating on ClosedBy(RuleLogistic) recovers Truth.Intercept and
// Truth.Effects; a fit on every closed deal is pulled toward zero for
// company size and industry by the out-of-ICP segment, whose deals earn
// neither and win, and by the declining tier.
func (s *Sample) ClosedBy(rule Rule) []icp.Opportunity {
	var out []icp.Opportunity
	for i := range s.Opportunities {
		if s.Opportunities[i].Outcome.Closed() && s.Truth.Deals[i].Rule == rule {
			out = append(out, s.Opportunities[i])
		}
	}
	return out
}
