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

func BenchmarkScoreMultiICP(b *testing.B) {
	m := load(b, "multi_icp.yaml")
	ps := benchProspects()
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var r icp.Result
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ScoreInto(&r, &ps[i%len(ps)], asOf)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scores/s")
}

func BenchmarkScoreGates(b *testing.B) {
	m := load(b, "gates.yaml")
	ps := benchProspects()
	for i, title := range []string{"VP of Sales", "Founder", "Intern", ""} {
		ps[i].BuyerTitle = title
	}
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var r icp.Result
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ScoreInto(&r, &ps[i%len(ps)], asOf)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scores/s")
}

func BenchmarkParseReference(b *testing.B) {
	data := icp.ReferenceYAML()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := icp.Parse("reference.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
