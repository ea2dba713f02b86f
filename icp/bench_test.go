package icp_test

import (
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
)

func benchProspects() []icp.Prospect {
	d := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	return []icp.Prospect{
		{Employees: icp.Num(240), Industry: "SaaS", Country: "USA", TechStack: []string{"Salesforce", "Slack", "Zoom"}, FundingStage: "Series B", DecisionMaker: icp.Yes, Triggers: []icp.Event{{Kind: "funding", Date: d}}, HeadcountGrowth: icp.Num(0.3)},
		{Employees: icp.Num(75), Industry: "Retail", Country: "Germany", TechStack: []string{"hubspot"}, FundingStage: "Seed", DecisionMaker: icp.No, Triggers: []icp.Event{}},
		{Employees: icp.Num(3000), Industry: "Financial Services", Country: "United Kingdom", FundingStage: "Series D", Triggers: []icp.Event{{Kind: "new_sales_leader", Date: d}, {Kind: "expansion", Date: d.AddDate(0, -8, 0)}}},
		{Industry: "consulting"},
	}
}

func BenchmarkScoreReference(b *testing.B) {
	m := icp.Reference()
	ps := benchProspects()
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var r icp.Result
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ScoreInto(&r, &ps[i%len(ps)], asOf)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scores/s")
}
