package report_test

import (
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/report"
)

// testModel scores company size (60 points) and industry (40): a
// 100–500 employee software company scores 100 (Tier 1), a 100–500
// employee company elsewhere 60 (Tier 2), a 50–99 employee company 30
// (Tier 3); fewer than 10 employees disqualify.
const testModel = `icpkit: 1
name: Test ICP
version: "2"
currency: USD
criteria:
  - name: size
    label: Company size
    field: employees
    kind: range
    points: 60
    bands:
      - {min: 100, max: 500, points: 60}
      - {min: 50, max: 99, points: 30}
  - name: industry
    label: Industry
    field: industry
    kind: category
    points: 40
    values: [Software]
disqualifiers:
  - name: tiny
    field: employees
    kind: range
    bands:
      - {max: 9}
tiers:
  - {name: Tier 1, min: 80}
  - {name: Tier 2, min: 50}
  - {name: Tier 3, min: 0}
staleness:
  rescore_days: [60, 90]
  no_movement_days: 180
`

// kind is the tier a test prospect is built to land in.
type kind int

const (
	t1 kind = iota
	t2
	t3
	dq
)

var tierNames = []string{"Tier 1", "Tier 2", "Tier 3", icp.TierDisqualified}

func prospect(k kind, i int) icp.Prospect {
	switch k {
	case t1:
		return icp.Prospect{Employees: icp.Num(200), Industry: "Software"}
	case t2:
		return icp.Prospect{Employees: icp.Num(200), Industry: "Retail"}
	case t3:
		if i%2 == 0 {
			return icp.Prospect{Employees: icp.Num(60)} // industry unknown
		}
		return icp.Prospect{Employees: icp.Num(60), Industry: "Retail"}
	}
	return icp.Prospect{Employees: icp.Num(5), Industry: "Software"}
}

var asOf = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// testDeal records what the test knows about a deal it built.
type testDeal struct {
	kind kind
	opp  icp.Opportunity
}

// closedPlan: closed deals per tier kind, won and lost.
var closedPlan = []struct {
	kind      kind
	won, lost int
}{{t1, 30, 10}, {t2, 20, 20}, {t3, 6, 34}, {dq, 1, 3}}

// openPlan: open deals per tier kind with their amount.
var openPlan = []struct {
	kind   kind
	n      int
	amount float64
}{{t1, 6, 50000}, {t2, 10, 20000}, {t3, 20, 15000}}

func testDeals(skip map[kind]bool) []testDeal {
	var out []testDeal
	n := 0
	stages := []string{"Discovery", "Proposal", "Negotiation"}
	owners := []string{"Ann", "Bob"}
	for _, p := range closedPlan {
		if skip[p.kind] {
			continue
		}
		for i := range p.won + p.lost {
			n++
			created := day(2025, 10, 1).AddDate(0, 0, n)
			closed := day(2026, 5, 1) // 2026-Q2
			if i%2 == 1 {
				closed = day(2026, 8, 1) // 2026-Q3
			}
			o := icp.Opportunity{
				ID: fmt.Sprintf("D%04d", n), Account: fmt.Sprintf("A%04d", n), Prospect: prospect(p.kind, i),
				Created: created, Closed: closed, Outcome: icp.Lost, Stage: "Closed",
				Amount: icp.Num(float64(1000 * (i%5 + 1))), Owner: owners[i%2], Line: n + 1,
			}
			if i < p.won {
				o.Outcome = icp.Won
			}
			out = append(out, testDeal{p.kind, o})
		}
	}
	for _, p := range openPlan {
		if skip[p.kind] {
			continue
		}
		for i := range p.n {
			n++
			o := icp.Opportunity{
				ID: fmt.Sprintf("D%04d", n), Account: fmt.Sprintf("A%04d", n), Prospect: prospect(p.kind, i),
				Created: day(2026, 11, 15), LastStageChange: day(2026, 12, 1), Outcome: icp.Open,
				Stage: stages[i%3], Owner: owners[i%2], Amount: icp.Num(p.amount), Line: n + 1,
			}
			switch {
			case p.kind == t3 && i < 3: // stalled since May, created in April
				o.Created, o.LastStageChange = day(2026, 4, 1).AddDate(0, 0, i), day(2026, 5, 1)
			case p.kind == t2 && i < 2: // 121 days old: re-score due at 90
				o.Created = day(2026, 9, 1)
			}
			if p.kind == t3 && i >= p.n-2 {
				o.Amount = icp.Number{} // unknown
			}
			out = append(out, testDeal{p.kind, o})
		}
	}
	return out
}

// cohortPlan describes the test customers.
type cohortPlan struct {
	kind      kind
	n         int
	start     time.Time
	arr, now  float64
	churn     []time.Time // churn dates of the first len(churn) customers
	margin    float64
	cac       float64
	period    string
	logo      [3]string // "" not yet known, else the expected share as %.4f
	churn90   string
	notYetLTV bool
}

var cohortPlans = []cohortPlan{
	{kind: t1, n: 20, start: day(2025, 2, 1), arr: 12000, now: 12000, margin: 0.8, cac: 6000, period: "2025-Q1",
		churn: []time.Time{day(2025, 4, 1), day(2025, 4, 1), day(2025, 10, 1)}},
	{kind: t2, n: 10, start: day(2025, 3, 1), arr: 8000, now: 10000, margin: 0.7, cac: 9000, period: "2025-Q1"},
	{kind: t1, n: 5, start: day(2026, 11, 15), arr: 20000, now: 20000, margin: 0.8, cac: 10000, period: "2026-Q4"},
	{kind: t3, n: 10, start: day(2026, 5, 10), arr: 5000, now: 4000, margin: 0.6, cac: 4000, period: "2026-Q2",
		churn: []time.Time{day(2026, 6, 1)}},
}

func testCustomers(skip map[kind]bool) []icp.Customer {
	var out []icp.Customer
	for ci, c := range cohortPlans {
		if skip[c.kind] {
			continue
		}
		for i := range c.n {
			cu := icp.Customer{
				Account: fmt.Sprintf("C%d-%02d", ci, i), Prospect: prospect(c.kind, 1), Start: c.start,
				StartARR: icp.Num(c.arr), CurrentARR: icp.Num(c.now), GrossMargin: icp.Num(c.margin), CAC: icp.Num(c.cac),
			}
			if i < len(c.churn) {
				cu.Churn, cu.CurrentARR = c.churn[i], icp.Num(0)
			}
			out = append(out, cu)
		}
	}
	return out
}

func testInput(skip map[kind]bool) report.Input {
	var deals []icp.Opportunity
	for _, d := range testDeals(skip) {
		deals = append(deals, d.opp)
	}
	return report.Input{
		Model:     icp.MustParse("test.yaml", []byte(testModel)),
		Deals:     deals,
		Customers: testCustomers(skip),
		AsOf:      asOf,
		Sources:   []report.Source{{Name: "deals.csv", Read: 230, Rejected: 2}, {Name: "customers.csv", Read: 45, Rejected: 0}},
		Rejects: []report.Reject{
			{File: "deals.csv", Line: 17, Reason: `field "amount": "12k" is not a number`},
			{File: "deals.csv", Line: 99, Reason: `field "created": "2026-13-01" is not a date`},
		},
	}
}
