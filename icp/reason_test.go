package icp_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestReasons(t *testing.T) {
	competitor := map[string]icp.Value{"is_competitor": icp.FlagValue(true)}
	visit := icp.Event{Kind: "page_visit", Date: daysAgo(1)}
	engagement := criterionModel(t, 20, `
  - name: engagement
    field: engagement
    kind: events
    points: 20
    window_days: 30
    bands:
      - {min: 1, max: 2, points: 5}
      - {min: 3, points: 20}`)
	tests := []struct {
		name  string
		model *icp.Model
		p     icp.Prospect
		want  []string
	}{
		{
			// 25+20+20+10+10+5+3 = 93.
			name:  "fit lead",
			model: icp.Reference(),
			p: icp.Prospect{Employees: icp.Num(240), Industry: "saas", Triggers: []icp.Event{{Kind: "funding", Date: daysAgo(30)}},
				TechStack: []string{"Salesforce", "Slack", "Zoom"}, DecisionMaker: icp.Yes, Country: "USA", FundingStage: "Series A"},
			want: []string{
				"employees 240 in 100–500: +25",
				"industry Software: +20",
				"trigger event funding 30 days ago: +20",
				"tech stack: 2 of 5 (Salesforce, Slack): +10",
				"decision maker identified: yes: +10",
				"country United States: +5",
				"funding stage Series A: +3",
			},
		},
		{
			name:  "poor lead",
			model: icp.Reference(),
			p: icp.Prospect{Employees: icp.Num(1200), Industry: "Retail", Triggers: []icp.Event{}, TechStack: []string{"Zoom"},
				DecisionMaker: icp.No, FundingStage: "Seed", HeadcountGrowth: icp.Num(-0.3), Custom: competitor},
			want: []string{
				"employees 1,200 outside the ICP ranges: +0",
				"industry Retail not in the ICP: +0",
				"trigger event: none in the last 180 days: +0",
				"tech stack: none of Salesforce, HubSpot, Slack, Outreach, Gong: +0",
				"decision maker identified: no: +0",
				"country unknown: +0",
				"funding stage Seed not in the ICP: +0",
				"penalty Headcount shrinking over 10% a year: -10",
				"disqualified: Competitor",
			},
		},
		{
			name:  "partial and unknown",
			model: icp.Reference(),
			p:     icp.Prospect{Employees: icp.Num(75), Triggers: []icp.Event{{Kind: "Regulatory_Change", Date: asOf}}},
			want: []string{
				"employees 75 in 50–99: +12",
				"industry unknown: +0",
				"trigger event regulatory_change: +10",
				"tech stack unknown: +0",
				"decision maker identified unknown: +0",
				"country unknown: +0",
				"funding stage unknown: +0",
			},
		},
		{
			// Tech profile: 300 employees 25; funding 30 days ago at a
			// 60-day half-life earns 20·2^−½ = 14.14…, shown to one decimal.
			name:  "decayed trigger",
			model: load(t, "multi_icp.yaml"),
			p:     icp.Prospect{Employees: icp.Num(300), Triggers: []icp.Event{{Kind: "funding", Date: daysAgo(30)}}},
			want: []string{
				"employees 300 in 100–1,000: +25",
				"industry unknown: +0",
				"trigger event funding 30 days ago: +14.1",
				"tech stack unknown: +0",
				"decision maker identified unknown: +0",
				"funding stage unknown: +0",
			},
		},
		{
			name:  "event count",
			model: engagement,
			p:     icp.Prospect{Engagement: []icp.Event{visit, visit, visit}},
			want:  []string{"engagement: 3 events in the last 30 days: +100"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.model.Score(&tc.p, asOf)
			if got := r.Reasons(); !slices.Equal(got, tc.want) {
				t.Errorf("Score(%q).Reasons() =\n\t%s\nwant\n\t%s", tc.name, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
	t.Run("zero result", func(t *testing.T) {
		var r icp.Result
		if got := r.Reasons(); got != nil {
			t.Errorf("Result{}.Reasons() = %q; want nil", got)
		}
	})
}

func TestAppendReasons(t *testing.T) {
	// AppendReasons is Reasons joined, without the intermediate strings.
	for _, m := range []*icp.Model{icp.Reference(), load(t, "multi_icp.yaml"), load(t, "partner_smb.json")} {
		for _, p := range sampleProspects() {
			r := m.Score(&p, asOf)
			want := "prefix|" + strings.Join(r.Reasons(), "; ")
			if got := string(r.AppendReasons([]byte("prefix|"), "; ")); got != want {
				t.Errorf("%s: Score(%q).AppendReasons() = %q; want %q", m.Name(), p.Name, got, want)
			}
		}
	}
}
