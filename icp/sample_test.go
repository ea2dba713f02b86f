package icp_test

import "github.com/icpkit/icpkit/icp"

// sampleProspects are varied leads that touch every model file in
// testdata/models: fit and poor leads, unknowns, custom attributes,
// penalties and disqualifiers.
func sampleProspects() []icp.Prospect {
	return []icp.Prospect{
		{Name: "tech", Employees: icp.Num(240), Industry: "SaaS", Country: "USA", TechStack: []string{"Salesforce", "Slack", "Zoom", "Shopify"},
			FundingStage: "Series B", DecisionMaker: icp.Yes, BuyerTitle: "VP of Sales", HeadcountGrowth: icp.Num(0.3),
			Triggers: []icp.Event{{Kind: "funding", Date: daysAgo(20)}}, Channel: icp.Inbound},
		{Name: "bank", Employees: icp.Num(3000), Industry: "Banking", Country: "United Kingdom", Champion: icp.Yes, FundingStage: "Series D",
			Triggers: []icp.Event{{Kind: "new_sales_leader", Date: daysAgo(2)}, {Kind: "regulatory_change", Date: daysAgo(200)}},
			Intent:   []icp.Event{{Kind: "bombora", Topic: "Compliance Automation", Strength: 70, Date: daysAgo(12)}}, Channel: icp.OpportunityStage},
		{Name: "small shop", Employees: icp.Num(75), Industry: "Retail", Country: "Germany", TechStack: []string{"hubspot", "Stripe"},
			FundingStage: "Seed", DecisionMaker: icp.No, Triggers: []icp.Event{}, Channel: icp.Outbound,
			Custom: map[string]icp.Value{"segment": icp.TextValue("SMB"), "arr": icp.NumberValue(1.5e6),
				"integrations": icp.ListValue([]string{"Shopify", "Stripe"}), "partner_referral": icp.FlagValue(true),
				"webinars": icp.EventsValue([]icp.Event{{Kind: "webinar", Date: daysAgo(3)}})}},
		{Name: "shrinking", Employees: icp.Num(450), Industry: "Consulting", HeadcountGrowth: icp.Num(-0.25), Channel: icp.OpportunityStage},
		{Name: "competitor", Employees: icp.Num(300), Industry: "Software", Custom: map[string]icp.Value{"is_competitor": icp.FlagValue(true)}},
		{Name: "tiny", Employees: icp.Num(4), Industry: "Software"},
		{Name: "unknown"},
	}
}
