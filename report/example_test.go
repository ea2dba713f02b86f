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
