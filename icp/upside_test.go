package icp_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/icp"
)

func TestUpside(t *testing.T) {
	multi := load(t, "multi_icp.yaml")
	ref := icp.Reference()
	// Tech profile of multi_icp.yaml: 240 employees 25 + Software 20 +
	// two tools 10 + decision maker 10 + Series A 7 = 72, trigger unknown.
	at72 := icp.Prospect{Employees: icp.Num(240), Industry: "Software", TechStack: []string{"Salesforce", "HubSpot"},
		DecisionMaker: icp.Yes, FundingStage: "Series A"}
	shrinking := lead(25, 20, 20, 3, 10, 0, 5) // 95, less 10 for shrinking = 85
	shrinking.HeadcountGrowth = icp.Num(-0.2)
	tests := []struct {
		name  string
		model *icp.Model
		p     icp.Prospect
		want  []icp.Upside
	}{
		{
			// The trigger moves 72 (Tier 2) to 92 (Tier 1) and comes first;
			// then the two tools short of the cap (5), then Series B over
			// Series A (3).
			name: "discovery call", model: multi, p: at72,
			want: []icp.Upside{
				{Criterion: "trigger_event", Label: "Trigger event", Missing: true, Add: 20, From: 72, To: 92, Tier: "Tier 1", TierUp: true},
				{Criterion: "tech_stack", Label: "Technology stack", Add: 5, From: 72, To: 77, Tier: "Tier 2"},
				{Criterion: "funding_stage", Label: "Funding stage", Add: 3, From: 72, To: 75, Tier: "Tier 2"},
			},
		},
		{
			// Reference: only geography (5) is short; from 85 after the
			// penalty to 90.
			name: "after penalty", model: ref, p: shrinking,
			want: []icp.Upside{
				{Criterion: "geography", Label: "Geography", Add: 5, From: 85, To: 90, Tier: "Tier 1"},
			},
		},
		{name: "perfect", model: ref, p: lead(25, 20, 20, 3, 10, 5, 5), want: nil},
		{name: "disqualified", model: ref, p: lead(0, 0, 0, 0, 0, 0, 0), want: nil},
	}
	tests[3].p.Employees = icp.Num(3)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.model.Score(&tc.p, asOf).Upside()
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateApprox(0, tolerance), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Score(%q).Upside() mismatch (-want +got):\n%s", tc.name, diff)
			}
		})
	}
	t.Run("String", func(t *testing.T) {
		got := multi.Score(&at72, asOf).Upside()[0].String()
		if want := "Trigger event (unknown) would add 20: 72 → 92, Tier 1"; got != want {
			t.Errorf("Upside()[0].String() = %q; want %q", got, want)
		}
	})
}
