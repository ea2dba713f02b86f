package icp_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

// lead builds a prospect for the reference model from the points each
// criterion should earn, as testdata/models/reference.yaml gives them:
// company size 25 (100–500 employees), 12 (50–99) or 0 (1,001+); industry
// 20 (Software), 10 (Consulting) or 0; trigger 20 (funding), 10
// (regulatory change) or 0 (none in the window); 5 per tool on the stack,
// at most 3 counted; decision maker 10 or 0; geography 5 (USA) or 0;
// funding stage 5 (Series B), 3 (Series A) or 0.
func lead(size, industry, trigger float64, tools int, dm, geo, funding float64) icp.Prospect {
	p := icp.Prospect{
		Employees:       icp.Num(map[float64]float64{25: 240, 12: 75, 0: 2000}[size]),
		Industry:        map[float64]string{20: "Software", 10: "Consulting", 0: "Retail"}[industry],
		Triggers:        []icp.Event{},
		TechStack:       []string{"Zoom"},
		DecisionMaker:   icp.FlagOf(dm > 0),
		Country:         map[float64]string{5: "USA", 0: "Germany"}[geo],
		FundingStage:    map[float64]string{5: "Series B", 3: "Series A", 0: "Seed"}[funding],
		HeadcountGrowth: icp.Num(0.2),
	}
	switch trigger {
	case 20:
		p.Triggers = []icp.Event{{Kind: "funding", Date: daysAgo(10)}}
	case 10:
		p.Triggers = []icp.Event{{Kind: "regulatory_change", Date: daysAgo(10)}}
	}
	p.TechStack = append(p.TechStack, []string{"Salesforce", "HubSpot", "Slack", "Outreach", "Gong"}[:tools]...)
	return p
}

func TestLeadHelper(t *testing.T) {
	// The helper itself: every criterion of the reference model earns
	// what it was asked for.
	m := icp.Reference()
	p := lead(12, 10, 10, 2, 10, 5, 3)
	r := m.Score(&p, asOf)
	want := []float64{12, 10, 10, 10, 10, 5, 3}
	for i, cs := range r.Criteria {
		if cs.Points != want[i] {
			t.Errorf("Score(lead).Criteria[%d].Points = %v; want %v", i, cs.Points, want[i])
		}
	}
}

func TestUnknownIsNotZero(t *testing.T) {
	// Reference model: an unknown employee count is Missing and matches
	// no disqualifier; zero employees is known, earns nothing and is
	// "fewer than 10 employees".
	m := icp.Reference()
	tests := []struct {
		name         string
		employees    icp.Number
		state        icp.State
		disqualified bool
	}{
		{"unknown", icp.Number{}, icp.Missing, false},
		{"zero", icp.Num(0), icp.Unmatched, true},
		{"nine", icp.Num(9), icp.Unmatched, true},
		{"ten", icp.Num(10), icp.Unmatched, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&icp.Prospect{Employees: tc.employees}, asOf)
			if got := r.Criteria[0].State; got != tc.state {
				t.Errorf("Score(%q).Criteria[0].State = %v; want %v", tc.name, got, tc.state)
			}
			if got := r.Disqualified(); got != tc.disqualified {
				t.Errorf("Score(%q).Disqualified() = %v; want %v", tc.name, got, tc.disqualified)
			}
		})
	}
}

func TestDisqualifiers(t *testing.T) {
	// Reference model: a perfect lead scores 25+20+20+15+10+5+5 = 100.
	// Disqualifier 0 is fewer than 10 employees, 1 is a competitor. A
	// match keeps the score and forces tier and route, on every channel.
	m := icp.Reference()
	perfect := lead(25, 20, 20, 3, 10, 5, 5)
	with := func(f func(*icp.Prospect)) icp.Prospect {
		p := perfect
		f(&p)
		return p
	}
	competitor := map[string]icp.Value{"is_competitor": icp.FlagValue(true)}
	tests := []struct {
		name  string
		p     icp.Prospect
		score float64
		disq  []int
	}{
		{"none", perfect, 100, nil},
		{"too small", with(func(p *icp.Prospect) { p.Employees = icp.Num(5) }), 75, []int{0}}, // 5 employees earn 0 of 25
		{"competitor", with(func(p *icp.Prospect) { p.Custom = competitor }), 100, []int{1}},
		{"competitor outbound", with(func(p *icp.Prospect) { p.Custom = competitor; p.Channel = icp.Outbound }), 100, []int{1}},
		{"competitor opportunity", with(func(p *icp.Prospect) { p.Custom = competitor; p.Channel = icp.OpportunityStage }), 100, []int{1}},
		{"both", with(func(p *icp.Prospect) { p.Employees = icp.Num(3); p.Custom = competitor }), 75, []int{0, 1}},
		{"not a competitor", with(func(p *icp.Prospect) {
			p.Custom = map[string]icp.Value{"is_competitor": icp.FlagValue(false)}
		}), 100, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&tc.p, asOf)
			if !near(r.Score, tc.score) || !slices.Equal(r.Disqualifiers, tc.disq) {
				t.Errorf("Score(%q) = %v, disqualifiers %v; want %v, %v", tc.name, r.Score, r.Disqualifiers, tc.score, tc.disq)
			}
			wantTier, wantIndex, wantRoute := "Tier 1", 0, icp.RouteRep
			if tc.disq != nil {
				wantTier, wantIndex, wantRoute = icp.TierDisqualified, -1, icp.RouteDisqualify
			}
			if r.Tier != wantTier || r.TierIndex != wantIndex || r.Route != wantRoute || r.Disqualified() != (tc.disq != nil) {
				t.Errorf("Score(%q) = %s (%d), %v; want %s (%d), %v", tc.name, r.Tier, r.TierIndex, r.Route, wantTier, wantIndex, wantRoute)
			}
		})
	}
}

func TestDisqualifierKinds(t *testing.T) {
	// Every kind can disqualify; a listed value or event kind matches
	// without points of its own.
	m := parse(t, `
icpkit: 1
name: negative ICP
criteria:
  - {name: decision_maker, field: decision_maker, kind: flag, points: 100}
disqualifiers:
  - name: excluded_industry
    field: industry
    kind: category
    values: [Gambling, Tobacco]
  - name: distress
    field: triggers
    kind: events
    window_days: 365
    kinds: [bankruptcy, layoffs]
  - name: legacy_stack
    field: tech_stack
    kind: set
    values: [Lotus Notes]
  - name: tiny
    field: employees
    kind: range
    bands: [{max: 4}]
  - name: no_budget
    field: custom.has_budget
    kind: flag
    is: false
tiers:
  - {name: Tier 1, min: 80}
  - {name: Tier 2, min: 0}
`)
	tests := []struct {
		name string
		p    icp.Prospect
		want []int
	}{
		{"category", icp.Prospect{Industry: "gambling"}, []int{0}},
		{"category unlisted", icp.Prospect{Industry: "Software"}, nil},
		{"events", icp.Prospect{Triggers: []icp.Event{{Kind: "Layoffs", Date: daysAgo(30)}}}, []int{1}},
		{"events outside window", icp.Prospect{Triggers: []icp.Event{{Kind: "bankruptcy", Date: daysAgo(400)}}}, nil},
		{"set", icp.Prospect{TechStack: []string{"Slack", "lotus notes"}}, []int{2}},
		{"range", icp.Prospect{Employees: icp.Num(4)}, []int{3}},
		{"range outside", icp.Prospect{Employees: icp.Num(5)}, nil},
		{"flag is false", icp.Prospect{Custom: map[string]icp.Value{"has_budget": icp.FlagValue(false)}}, []int{4}},
		{"flag is false, yes", icp.Prospect{Custom: map[string]icp.Value{"has_budget": icp.FlagValue(true)}}, nil},
		{"unknown everything", icp.Prospect{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := m.Score(&tc.p, asOf).Disqualifiers; !slices.Equal(got, tc.want) {
				t.Errorf("Score(%q).Disqualifiers = %v; want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestPenalties(t *testing.T) {
	// Reference model: headcount shrinking by 10% a year or more (growth
	// at most −0.1) takes 10 points; the score does not go below 0.
	m := icp.Reference()
	with := func(p icp.Prospect, growth float64) icp.Prospect {
		p.HeadcountGrowth = icp.Num(growth)
		return p
	}
	perfect := lead(25, 20, 20, 3, 10, 5, 5) // 100
	onlyGeo := lead(0, 0, 0, 0, 0, 5, 0)     // 5
	tests := []struct {
		name    string
		p       icp.Prospect
		score   float64
		penalty float64
		tier    string
	}{
		{"shrinking", with(perfect, -0.2), 90, 10, "Tier 1"},
		{"edge", with(perfect, -0.1), 90, 10, "Tier 1"},
		{"not quite", with(perfect, -0.09), 100, 0, "Tier 1"},
		{"growing", with(perfect, 0.4), 100, 0, "Tier 1"},
		{"unknown growth", with(perfect, 0), 100, 0, "Tier 1"},
		{"floored at zero", with(onlyGeo, -0.5), 0, 10, "Tier 3"}, // max(5 − 10, 0)
	}
	tests[4].p.HeadcountGrowth = icp.Number{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&tc.p, asOf)
			if !near(r.Score, tc.score) || !near(r.Penalty, tc.penalty) || r.Tier != tc.tier {
				t.Errorf("Score(%q) = %v (penalty %v, %s); want %v (penalty %v, %s)", tc.name, r.Score, r.Penalty, r.Tier, tc.score, tc.penalty, tc.tier)
			}
		})
	}
	t.Run("fit and behavior before penalties", func(t *testing.T) {
		// Fit: size 25 + industry 20 + tech 15 + geography 5 + funding 5 = 70;
		// behavior: trigger 20 + decision maker 10 = 30.
		p := with(perfect, -0.2)
		r := m.Score(&p, asOf)
		if !near(r.Fit, 70) || !near(r.Behavior, 30) {
			t.Errorf("Score(shrinking) = fit %v, behavior %v; want 70, 30", r.Fit, r.Behavior)
		}
	})
	t.Run("scaled by total", func(t *testing.T) {
		// Out of 50 points a 10-point penalty is 100×10/50 = 20 score
		// points: 50 points earned is 100, less 20 is 80.
		m := parse(t, `
icpkit: 1
name: fifty
total: 50
criteria:
  - {name: size, field: employees, kind: range, points: 30, bands: [{min: 10, max: 100, points: 30}]}
  - {name: dm, field: decision_maker, kind: flag, points: 20}
penalties:
  - {name: churned_before, field: custom.churned_before, kind: flag, points: 10}
tiers:
  - {name: A, min: 60}
  - {name: B, min: 0}
`)
		p := icp.Prospect{Employees: icp.Num(50), DecisionMaker: icp.Yes, Custom: map[string]icp.Value{"churned_before": icp.FlagValue(true)}}
		if r := m.Score(&p, asOf); !near(r.Score, 80) || !near(r.Penalty, 20) || r.Tier != "A" {
			t.Errorf("Score(churned) = %v (penalty %v, %s); want 80 (penalty 20, A)", r.Score, r.Penalty, r.Tier)
		}
	})
}

func TestTiers(t *testing.T) {
	// Reference tiers: Tier 1 from 80, Tier 2 from 65, Tier 3 from 0.
	m := icp.Reference()
	if got, want := m.Tiers(), []icp.Tier{{Name: "Tier 1", Min: 80}, {Name: "Tier 2", Min: 65}, {Name: "Tier 3", Min: 0}}; !slices.Equal(got, want) {
		t.Errorf("Tiers() = %v; want %v", got, want)
	}
	tests := []struct {
		score float64
		want  string
	}{
		{100, "Tier 1"},
		{80, "Tier 1"},
		{80 - 1e-12, "Tier 1"}, // rounding noise below a minimum is not a tier lower
		{79.99, "Tier 2"},
		{65, "Tier 2"},
		{64.99, "Tier 3"},
		{0, "Tier 3"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.score), func(t *testing.T) {
			if got := m.TierOf(tc.score); got != tc.want {
				t.Errorf("TierOf(%v) = %q; want %q", tc.score, got, tc.want)
			}
		})
	}
}

func TestSeveralICPs(t *testing.T) {
	// testdata/models/multi_icp.yaml. Tech: size 25 (100–1,000) or 10
	// (50–99, 1,001–5,000), industry 20, trigger 20 (decays), tech stack
	// 5 each up to 15, decision maker 10, funding 10 (Series A 7).
	// Financial services: size 20 (500–5,000) or 10 (200–499), industry
	// 25, regulatory change 15, intent 15, champion 10, geography 15.
	m := load(t, "multi_icp.yaml")
	tests := []struct {
		name    string
		p       icp.Prospect
		profile string
		scores  []float64 // tech, financial services
	}{
		{
			// Tech 25+20+20+15+10+10 = 100. FS: 300 employees 10, the
			// rest earns nothing = 10.
			name: "tech",
			p: icp.Prospect{Employees: icp.Num(300), Industry: "SaaS", TechStack: []string{"Salesforce", "HubSpot", "Slack"},
				DecisionMaker: icp.Yes, FundingStage: "Series B", Triggers: []icp.Event{{Kind: "funding", Date: asOf}}},
			profile: "Mid-market tech",
			scores:  []float64{100, 10},
		},
		{
			// FS 20+25+15+15+10+15 = 100. Tech: 1,200 employees 10.
			name: "financial services",
			p: icp.Prospect{Employees: icp.Num(1200), Industry: "Banking", Country: "UK", Champion: icp.Yes,
				Triggers: []icp.Event{{Kind: "regulatory_change", Date: daysAgo(100)}},
				Intent:   []icp.Event{{Topic: "compliance automation", Strength: 80, Date: daysAgo(20)}}},
			profile: "Mid-market financial services",
			scores:  []float64{10, 100},
		},
		{
			// Tech: size 25 + decision maker 10 = 35. FS: size 20 +
			// geography 15 = 35. A tie goes to the first profile.
			name:    "tie",
			p:       icp.Prospect{Employees: icp.Num(600), DecisionMaker: icp.Yes, Country: "US"},
			profile: "Mid-market tech",
			scores:  []float64{35, 35},
		},
		{"nothing known", icp.Prospect{}, "Mid-market tech", []float64{0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&tc.p, asOf)
			var got []float64
			for _, ps := range r.Profiles {
				got = append(got, ps.Score)
			}
			if r.Profile != tc.profile || !slices.EqualFunc(got, tc.scores, near) {
				t.Errorf("Score(%q) = %q, profiles %v; want %q, %v", tc.name, r.Profile, got, tc.profile, tc.scores)
			}
			if want := slices.Index(m.Profiles(), tc.profile); r.ProfileIndex != want || !near(r.Criteria[0].Max, m.Criteria(want)[0].Max) {
				t.Errorf("Score(%q).ProfileIndex = %d; want %d with its criteria", tc.name, r.ProfileIndex, want)
			}
		})
	}
}

func TestCompleteness(t *testing.T) {
	// Reference model: completeness is the share of the 100 points whose
	// attribute is known, whatever they earned.
	m := icp.Reference()
	tests := []struct {
		name         string
		p            icp.Prospect
		completeness float64
		missing      []string
	}{
		{"nothing", icp.Prospect{}, 0, []string{"company_size", "industry", "trigger_event", "tech_stack", "decision_maker", "geography", "funding_stage"}},
		// size 25 + industry 20 known.
		{"firmographics", icp.Prospect{Employees: icp.Num(240), Industry: "Retail"}, 0.45, []string{"trigger_event", "tech_stack", "decision_maker", "geography", "funding_stage"}},
		// 0 employees is known (25); empty lists are known (20 + 15).
		{"known zeros", icp.Prospect{Employees: icp.Num(0), Triggers: []icp.Event{}, TechStack: []string{}}, 0.6, []string{"industry", "decision_maker", "geography", "funding_stage"}},
		{"everything", lead(0, 0, 0, 0, 0, 0, 0), 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&tc.p, asOf)
			if !near(r.Completeness, tc.completeness) || r.Missing != len(tc.missing) || !slices.Equal(r.MissingNames(), tc.missing) {
				t.Errorf("Score(%q) = completeness %v, missing %d %v; want %v, %d %v", tc.name, r.Completeness, r.Missing, r.MissingNames(), tc.completeness, len(tc.missing), tc.missing)
			}
		})
	}
}

func TestProfileCriteria(t *testing.T) {
	// multi_icp.yaml, the "financial services" prospect of
	// TestSeveralICPs: the tech profile's criteria earn 10 (1,200
	// employees) and nothing else; the best profile's are Criteria.
	m := load(t, "multi_icp.yaml")
	p := icp.Prospect{Employees: icp.Num(1200), Industry: "Banking", Country: "UK", Champion: icp.Yes}
	r := m.Score(&p, asOf)
	var tech []float64
	for _, cs := range r.ProfileCriteria(0) {
		tech = append(tech, cs.Points)
	}
	if want := []float64{10, 0, 0, 0, 0, 0}; !slices.Equal(tech, want) {
		t.Errorf("Score(bank).ProfileCriteria(0) points = %v; want %v", tech, want)
	}
	if got := r.ProfileCriteria(1); r.ProfileIndex != 1 || !slices.Equal(got, r.Criteria) {
		t.Errorf("Score(bank).ProfileCriteria(1) = %v; want Criteria %v", got, r.Criteria)
	}
}

func TestModelDescription(t *testing.T) {
	// What the reference file says, as the model reports it.
	m := icp.Reference()
	pen := m.Penalties()
	if len(pen) != 1 || pen[0].Name != "shrinking" || pen[0].Max != 10 {
		t.Errorf("Penalties() = %+v; want shrinking, 10", pen)
	}
	dis := m.Disqualifiers()
	if len(dis) != 2 || dis[0].Name != "too_small" || dis[1].Field != "custom.is_competitor" {
		t.Errorf("Disqualifiers() = %+v; want too_small and competitor", dis)
	}
	want := icp.Routing{Default: icp.Inbound, RepAt: 65, Floor: 50, ApprovalBelow: 65, ReasonBelow: 60, OneMissed: icp.RouteManagerApproval}
	if got := m.Routing(); got != want {
		t.Errorf("Routing() = %+v; want %+v", got, want)
	}
	if got := m.RescoreDays(); !slices.Equal(got, []float64{60, 90}) || m.NoMovementDays() != 180 {
		t.Errorf("RescoreDays(), NoMovementDays() = %v, %v; want [60 90], 180", got, m.NoMovementDays())
	}
}
