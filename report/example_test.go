package report_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/report"
)

// ExampleBuild scores a handful of deals with the reference model, builds
// the review and writes the workbook to a buffer.
func ExampleBuild() {
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	fit := icp.Prospect{Employees: icp.Num(240), Industry: "SaaS", Country: "US", DecisionMaker: icp.Yes,
		TechStack: []string{"Salesforce", "Slack", "Gong"}, FundingStage: "Series B"}
	poor := icp.Prospect{Employees: icp.Num(60), Industry: "Retail", Country: "Germany"}
	var deals []icp.Opportunity
	for i := range 12 {
		p, won := fit, i%3 != 0 // the fit prospect wins two in three
		if i%2 == 1 {
			p, won = poor, i%5 == 0
		}
		d := icp.Opportunity{
			ID: fmt.Sprint("D", i), Prospect: p, Amount: icp.Num(20000),
			Created: asOf.AddDate(0, -9, i), Closed: asOf.AddDate(0, -3, i), Outcome: icp.Lost,
		}
		if won {
			d.Outcome = icp.Won
		}
		deals = append(deals, d)
	}
	deals = append(deals, icp.Opportunity{ID: "D-open", Prospect: fit, Amount: icp.Num(50000),
		Created: asOf.AddDate(0, -1, 0), LastStageChange: asOf.AddDate(0, 0, -10), Stage: "Proposal"})

	r, err := report.Build(report.Input{Model: icp.Reference(), Deals: deals, AsOf: asOf}, report.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range r.WinRate.Tiers {
		if t.Closed > 0 {
			fmt.Printf("%s: %d of %d won\n", t.Tier, t.Won, t.Closed)
		}
	}
	fmt.Println("open value in", r.Pipeline.TopTiers, "=", r.Pipeline.TopShare.Value)
	fmt.Println("workbook written:", buf.Len() > 0)
	// Output:
	// Tier 1: 4 of 6 won
	// Tier 3: 1 of 6 won
	// open value in [Tier 1 Tier 2] = 1
	// workbook written: true
}

// ExampleBuilder streams deals into the review one at a time, as a
// reader of a large file does. Given no as-of date, the review is as of
// the latest date in the data.
func ExampleBuilder() {
	b, err := report.NewBuilder(report.Input{Model: icp.Reference()}, report.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	var d icp.Opportunity // reused for every deal, as a reader would
	for i := range 40 {
		d = icp.Opportunity{
			ID: fmt.Sprint("D", i), Amount: icp.Num(10000), Created: start.AddDate(0, 0, 7*i), Outcome: icp.Lost,
			Prospect: icp.Prospect{Employees: icp.Num(float64(50 + 10*i)), Industry: "SaaS", Country: "US"},
		}
		switch {
		case i%4 == 0:
			d.Outcome = icp.Won
		case i%5 == 0:
			d.Outcome, d.Stage, d.LastStageChange = icp.Open, "Proposal", d.Created
		}
		if d.Outcome.Closed() {
			d.Closed = d.Created.AddDate(0, 1, 0)
		}
		if err := b.Add(&d); err != nil {
			fmt.Println(err)
			return
		}
	}
	r, err := b.Report()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("as of", r.AsOf.Format("2006-01-02"))
	fmt.Printf("%d deals: %d won, %d lost, %d open\n", r.Deals.Total, r.Deals.Won, r.Deals.Lost, r.Deals.Open)
	fmt.Printf("open value %.0f, of which %d deals have not moved for %.0f days\n", r.Pipeline.Total.Value, r.Aging.Total.Stalled, r.Aging.NoMovementDays)
	// Output:
	// as of 2026-11-05
	// 40 deals: 10 won, 24 lost, 6 open
	// open value 60000, of which 3 deals have not moved for 180 days
}
