package icp_test

import (
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestRouting(t *testing.T) {
	// Reference routing: inbound goes to a rep from 65 (else nurture);
	// outbound is never contacted below 50; an opportunity below 65 needs
	// manager approval and below 60 a written reason. A prospect with no
	// channel is inbound (routing.default).
	m := icp.Reference()
	tests := []struct {
		name    string
		p       icp.Prospect
		channel icp.Channel
		score   float64
		want    icp.Route
	}{
		{"inbound 65", lead(25, 20, 20, 0, 0, 0, 0), icp.Inbound, 65, icp.RouteRep},
		{"inbound 63", lead(25, 20, 0, 3, 0, 0, 3), icp.Inbound, 63, icp.RouteNurture},
		{"inbound 100", lead(25, 20, 20, 3, 10, 5, 5), icp.Inbound, 100, icp.RouteRep},
		{"default 65", lead(25, 20, 20, 0, 0, 0, 0), icp.ChannelUnknown, 65, icp.RouteRep},
		{"default 63", lead(25, 20, 0, 3, 0, 0, 3), icp.ChannelUnknown, 63, icp.RouteNurture},
		{"outbound 50", lead(25, 20, 0, 0, 0, 5, 0), icp.Outbound, 50, icp.RouteRep},
		{"outbound 48", lead(25, 20, 0, 0, 0, 0, 3), icp.Outbound, 48, icp.RouteDoNotContact},
		{"outbound 0", lead(0, 0, 0, 0, 0, 0, 0), icp.Outbound, 0, icp.RouteDoNotContact},
		{"opportunity 65", lead(25, 20, 20, 0, 0, 0, 0), icp.OpportunityStage, 65, icp.RouteRep},
		{"opportunity 63", lead(25, 20, 0, 3, 0, 0, 3), icp.OpportunityStage, 63, icp.RouteManagerApproval},
		{"opportunity 60", lead(25, 20, 0, 3, 0, 0, 0), icp.OpportunityStage, 60, icp.RouteManagerApproval},
		{"opportunity 58", lead(25, 20, 0, 2, 0, 0, 3), icp.OpportunityStage, 58, icp.RouteWrittenReason},
		{"opportunity 0", lead(0, 0, 0, 0, 0, 0, 0), icp.OpportunityStage, 0, icp.RouteWrittenReason},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.p.Channel = tc.channel
			if r := m.Score(&tc.p, asOf); !near(r.Score, tc.score) || r.Route != tc.want {
				t.Errorf("Score(%q) = %v, %v; want %v, %v", tc.name, r.Score, r.Route, tc.score, tc.want)
			}
		})
	}
}

func TestRoutingDefaults(t *testing.T) {
	// Without a routing section: inbound goes to a rep from the second
	// tier's minimum (40), outbound's floor is 50, opportunities need
	// approval below 65 and a reason below 60. Two flags of 60 and 40
	// points make the scores 0, 40, 60 and 100.
	m := parse(t, `
icpkit: 1
name: defaults
criteria:
  - {name: decision_maker, field: decision_maker, kind: flag, points: 60}
  - {name: champion, field: champion, kind: flag, points: 40}
tiers:
  - {name: A, min: 70}
  - {name: B, min: 40}
  - {name: C, min: 0}
`)
	p := func(dm, champion icp.Flag, ch icp.Channel) icp.Prospect {
		return icp.Prospect{DecisionMaker: dm, Champion: champion, Channel: ch}
	}
	tests := []struct {
		name  string
		p     icp.Prospect
		score float64
		want  icp.Route
	}{
		{"inbound 40", p(icp.No, icp.Yes, icp.Inbound), 40, icp.RouteRep},
		{"inbound 0", p(icp.No, icp.No, icp.Inbound), 0, icp.RouteNurture},
		{"no channel is inbound", p(icp.No, icp.Yes, icp.ChannelUnknown), 40, icp.RouteRep},
		{"outbound 40", p(icp.No, icp.Yes, icp.Outbound), 40, icp.RouteDoNotContact},
		{"outbound 60", p(icp.Yes, icp.No, icp.Outbound), 60, icp.RouteRep},
		{"opportunity 100", p(icp.Yes, icp.Yes, icp.OpportunityStage), 100, icp.RouteRep},
		{"opportunity 60", p(icp.Yes, icp.No, icp.OpportunityStage), 60, icp.RouteManagerApproval},
		{"opportunity 40", p(icp.No, icp.Yes, icp.OpportunityStage), 40, icp.RouteWrittenReason},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r := m.Score(&tc.p, asOf); !near(r.Score, tc.score) || r.Route != tc.want {
				t.Errorf("Score(%q) = %v, %v; want %v, %v", tc.name, r.Score, r.Route, tc.score, tc.want)
			}
		})
	}
}

func TestGates(t *testing.T) {
	// testdata/models/gates.yaml: four gates of 25 points (20–500
	// employees; Software, E-commerce or Marketing Agency; Shopify, HubSpot
	// or Stripe; VP Sales, Head of Sales or Founder). Tier 1 at 100, Tier 2
	// at 75. All passed: rep; one missed: manager approval (one_missed);
	// two or more: nurture, whatever the channel.
	m := load(t, "gates.yaml")
	if !m.Gates(0) {
		t.Fatalf("Gates(0) = false; want true")
	}
	pass := icp.Prospect{Employees: icp.Num(120), Industry: "saas", TechStack: []string{"Shopify"}, BuyerTitle: "VP of Sales"}
	with := func(f func(*icp.Prospect)) icp.Prospect {
		p := pass
		f(&p)
		return p
	}
	tests := []struct {
		name   string
		p      icp.Prospect
		score  float64
		missed int
		tier   string
		want   icp.Route
	}{
		{"all four", pass, 100, 0, "Tier 1", icp.RouteRep},
		{"industry missed", with(func(p *icp.Prospect) { p.Industry = "Retail" }), 75, 1, "Tier 2", icp.RouteManagerApproval},
		{"title unknown", with(func(p *icp.Prospect) { p.BuyerTitle = "" }), 75, 1, "Tier 2", icp.RouteManagerApproval},
		{"one missed outbound", with(func(p *icp.Prospect) { p.Employees = icp.Num(900); p.Channel = icp.Outbound }), 75, 1, "Tier 2", icp.RouteManagerApproval},
		{"two missed", with(func(p *icp.Prospect) { p.Industry = "Retail"; p.TechStack = []string{"Zoom"} }), 50, 2, "Tier 3", icp.RouteNurture},
		{"three missed", with(func(p *icp.Prospect) { p.Industry = "Retail"; p.TechStack = nil; p.BuyerTitle = "Intern" }), 25, 3, "Tier 3", icp.RouteNurture},
		{"nothing known", icp.Prospect{}, 0, 4, "Tier 3", icp.RouteNurture},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Score(&tc.p, asOf)
			if !near(r.Score, tc.score) || r.GatesMissed != tc.missed || r.GatesPassed != 4-tc.missed || r.Tier != tc.tier || r.Route != tc.want {
				t.Errorf("Score(%q) = %v, %d missed, %s, %v; want %v, %d, %s, %v", tc.name, r.Score, r.GatesMissed, r.Tier, r.Route, tc.score, tc.missed, tc.tier, tc.want)
			}
		})
	}
	t.Run("one missed configurable", func(t *testing.T) {
		oneMissed := with(func(p *icp.Prospect) { p.Industry = "Retail" })
		for _, setting := range []struct {
			file string
			want icp.Route
		}{{"", icp.RouteManagerApproval}, {"rep", icp.RouteRep}, {"nurture", icp.RouteNurture}, {"manager_approval", icp.RouteManagerApproval}} {
			s := m.Spec()
			s.Routing.Gates.OneMissed = setting.file
			m2, err := icp.Compile("gates.yaml", s)
			if err != nil {
				t.Fatalf("Compile(one_missed: %q): %v", setting.file, err)
			}
			if got := m2.Score(&oneMissed, asOf).Route; got != setting.want {
				t.Errorf("Score(one missed, one_missed: %q).Route = %v; want %v", setting.file, got, setting.want)
			}
		}
	})
}
