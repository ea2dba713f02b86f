package icp_test

import (
	"fmt"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestSet(t *testing.T) {
	// each: the reference tech stack, 5 points per listed tool, capped at 15.
	each := criterionModel(t, 15, `
  - name: tech_stack
    field: tech_stack
    kind: set
    points: 15
    match: each
    each: 5
    values: [Salesforce, HubSpot, Slack, Outreach, Gong]`)
	// any: the transactional gate, 25 points for any one listed tool.
	anyOf := criterionModel(t, 25, `
  - name: tech_stack
    field: tech_stack
    kind: set
    points: 25
    match: any
    values: [Shopify, HubSpot, Stripe]`)
	// all: 15 points only with every listed tool.
	all := criterionModel(t, 15, `
  - name: tech_stack
    field: tech_stack
    kind: set
    points: 15
    match: all
    values: [Shopify, Stripe]`)
	tests := []struct {
		name  string
		model *icp.Model
		stack []string
		want  scored
	}{
		{"each unknown", each, nil, scored{0, icp.Missing}},
		{"each known none", each, []string{}, scored{0, icp.Unmatched}},
		{"each one", each, []string{"Salesforce"}, scored{5, icp.Partial}},
		{"each two any case", each, []string{"salesforce", "SLACK"}, scored{10, icp.Partial}},
		{"each three", each, []string{"Salesforce", "Slack", "Gong"}, scored{15, icp.Matched}},
		{"each five capped", each, []string{"Salesforce", "HubSpot", "Slack", "Outreach", "Gong"}, scored{15, icp.Matched}},
		{"each duplicates once", each, []string{"Salesforce", "salesforce", " SALESFORCE "}, scored{5, icp.Partial}},
		{"each duplicates and another", each, []string{"Gong", "Slack", "gong"}, scored{10, icp.Partial}},
		{"each unlisted", each, []string{"Zoom", "Jira"}, scored{0, icp.Unmatched}},
		{"each mixed", each, []string{"Zoom", "HubSpot"}, scored{5, icp.Partial}},
		{"any one", anyOf, []string{"stripe"}, scored{25, icp.Matched}},
		{"any two", anyOf, []string{"Shopify", "Stripe"}, scored{25, icp.Matched}},
		{"any unlisted", anyOf, []string{"Zoom"}, scored{0, icp.Unmatched}},
		{"any known none", anyOf, []string{}, scored{0, icp.Unmatched}},
		{"any unknown", anyOf, nil, scored{0, icp.Missing}},
		{"all both", all, []string{"Stripe", "SHOPIFY", "Zoom"}, scored{15, icp.Matched}},
		{"all one", all, []string{"Shopify"}, scored{0, icp.Unmatched}},
		{"all duplicates are not all", all, []string{"Shopify", "shopify"}, scored{0, icp.Unmatched}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(tc.model, icp.Prospect{TechStack: tc.stack}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", fmt.Sprint(tc.stack), got, tc.want)
			}
		})
	}
}
