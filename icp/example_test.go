package icp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp"
)

func ExampleModel_Score() {
	m := icp.Reference()
	lead := icp.Prospect{
		Name:          "Acme Analytics",
		Employees:     icp.Num(240),
		Industry:      "SaaS",
		Country:       "USA",
		TechStack:     []string{"Salesforce", "Slack", "Zoom"},
		FundingStage:  "Series A",
		DecisionMaker: icp.Yes,
		Triggers:      []icp.Event{{Kind: "funding", Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)}},
		Channel:       icp.Inbound,
	}
	r := m.Score(&lead, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	fmt.Printf("%s: %g, %s, route %s\n", lead.Name, r.Score, r.Tier, r.Route)
	for _, reason := range r.Reasons() {
		fmt.Println(" ", reason)
	}
	// Output:
	// Acme Analytics: 93, Tier 1, route rep
	//   employees 240 in 100–500: +25
	//   industry Software: +20
	//   trigger event funding 30 days ago: +20
	//   tech stack: 2 of 5 (Salesforce, Slack): +10
	//   decision maker identified: yes: +10
	//   country United States: +5
	//   funding stage Series A: +3
}

func ExampleModel_ScoreInto() {
	m := icp.Reference()
	asOf := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	leads := []icp.Prospect{
		{ID: "L-1", Employees: icp.Num(240), Industry: "Software", Country: "US", TechStack: []string{"HubSpot", "Slack", "Gong"},
			DecisionMaker: icp.Yes, FundingStage: "Series B", Channel: icp.Inbound},
		{ID: "L-2", Employees: icp.Num(60), Industry: "Consulting", Country: "Canada", Channel: icp.Outbound},
		{ID: "L-3", Employees: icp.Num(400), Industry: "Fintech", TechStack: []string{"Salesforce"},
			Triggers: []icp.Event{{Kind: "expansion", Date: asOf.AddDate(0, -2, 0)}}, Channel: icp.OpportunityStage},
		{ID: "L-4", Employees: icp.Num(5), Industry: "Software"},
	}
	// One Result for the whole loop: once it has grown to the model's
	// size, ScoreInto does not allocate.
	var r icp.Result
	for i := range leads {
		m.ScoreInto(&r, &leads[i], asOf)
		fmt.Printf("%s %3.0f %-12s %s\n", leads[i].ID, r.Score, r.Tier, r.Route)
	}
	// Output:
	// L-1  80 Tier 1       rep
	// L-2  27 Tier 3       do_not_contact
	// L-3  70 Tier 2       rep
	// L-4  20 Disqualified disqualify
}

func Example_multipleICPs() {
	m, err := icp.Parse("two.yaml", []byte(`
icpkit: 1
name: Two ICPs
profiles:
  - name: Mid-market tech
    criteria:
      - {name: size, field: employees, kind: range, points: 50, bands: [{min: 100, max: 1000, points: 50}]}
      - {name: industry, field: industry, kind: category, points: 50, values: [Software]}
  - name: Mid-market financial services
    criteria:
      - {name: size, field: employees, kind: range, points: 40, bands: [{min: 500, max: 5000, points: 40}]}
      - name: industry
        field: industry
        kind: category
        points: 60
        values: [{value: Financial Services, aliases: [Banking, Fintech]}]
tiers:
  - {name: Tier 1, min: 80}
  - {name: Tier 2, min: 50}
  - {name: Tier 3, min: 0}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []icp.Prospect{
		{Name: "Acme", Employees: icp.Num(300), Industry: "Software"},
		{Name: "Bank", Employees: icp.Num(2000), Industry: "Banking"},
		{Name: "Fintech startup", Employees: icp.Num(150), Industry: "Fintech"},
	} {
		r := m.Score(&p, time.Time{})
		fmt.Printf("%s: %s, %g, %s %v\n", p.Name, r.Profile, r.Score, r.Tier, r.Profiles)
	}
	// Output:
	// Acme: Mid-market tech, 100, Tier 1 [{Mid-market tech 100} {Mid-market financial services 0}]
	// Bank: Mid-market financial services, 100, Tier 1 [{Mid-market tech 0} {Mid-market financial services 100}]
	// Fintech startup: Mid-market financial services, 60, Tier 2 [{Mid-market tech 50} {Mid-market financial services 60}]
}

func Example_gates() {
	// Transactional sales: four hard criteria as binary gates.
	m, err := icp.Parse("gates.yaml", []byte(`
icpkit: 1
name: Transactional
mode: gates
criteria:
  - {name: size, field: employees, kind: range, points: 25, bands: [{min: 20, max: 500, points: 25}]}
  - {name: industry, field: industry, kind: category, points: 25, values: [Software, E-commerce]}
  - {name: stack, field: tech_stack, kind: set, points: 25, values: [Shopify, HubSpot, Stripe]}
  - {name: buyer, field: buyer_title, kind: category, points: 25, values: [VP Sales, Head of Sales, Founder]}
tiers:
  - {name: Pass, min: 100}
  - {name: Near, min: 75}
  - {name: Fail, min: 0}
routing:
  gates: {one_missed: manager_approval}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []icp.Prospect{
		{Name: "all four", Employees: icp.Num(120), Industry: "Software", TechStack: []string{"Stripe"}, BuyerTitle: "Founder"},
		{Name: "one missed", Employees: icp.Num(120), Industry: "Retail", TechStack: []string{"Stripe"}, BuyerTitle: "Founder"},
		{Name: "two missed", Employees: icp.Num(120), Industry: "Retail", TechStack: []string{"Zoom"}, BuyerTitle: "Founder"},
	} {
		r := m.Score(&p, time.Time{})
		fmt.Printf("%s: %d of 4 gates, %s, %s\n", p.Name, r.GatesPassed, r.Tier, r.Route)
	}
	// Output:
	// all four: 4 of 4 gates, Pass, rep
	// one missed: 3 of 4 gates, Near, manager_approval
	// two missed: 2 of 4 gates, Fail, nurture
}

func ExampleResult_Upside() {
	// Before a discovery call: 25 + 20 + 15 + 10 + 3 = 73 points, and
	// nobody knows yet whether there is a trigger event.
	m := icp.Reference()
	lead := icp.Prospect{Employees: icp.Num(240), Industry: "Software", TechStack: []string{"Salesforce", "HubSpot", "Slack"},
		DecisionMaker: icp.Yes, Country: "Germany", FundingStage: "Series A"}
	r := m.Score(&lead, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	fmt.Printf("%g, %s\n", r.Score, r.Tier)
	for _, u := range r.Upside() {
		fmt.Println(u)
	}
	// Output:
	// 73, Tier 2
	// Trigger event (unknown) would add 20: 73 → 93, Tier 1
	// Geography would add 5: 73 → 78, Tier 2
	// Funding stage would add 2: 73 → 75, Tier 2
}

func ExampleParse() {
	_, err := icp.Parse("size.yaml", []byte(`icpkit: 1
name: Company size only
criteria:
  - name: company_size
    field: employees
    kind: range
    points: 100
    bands:
      - {min: 100, max: 500, points: 100}
      - {min: 500, max: 1000, points: 50}
tiers:
  - {name: Tier 1, min: 80}
  - {name: Tier 2, min: 0}
`))
	fmt.Println(err)
	var me *icp.ModelError
	if errors.As(err, &me) {
		fmt.Println(me.Line, me.Column, me.Field, errors.Is(err, icp.ErrInvalid))
	}
	// Output:
	// size.yaml:10:15: field criteria[0].bands[1].min: invalid value: band 500–1,000 overlaps band 0 (100–500)
	// 10 15 criteria[0].bands[1].min true
}
