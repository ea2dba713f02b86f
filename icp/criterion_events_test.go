package icp_test

import (
	"math"
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
)

func TestEventsDecay(t *testing.T) {
	// A trigger earns 20 points on the day, halved every 60 days of age:
	// 20 × 2^(−age/60), and nothing after 180 days. A regulatory change is
	// worth 10 at most.
	m := criterionModel(t, 20, `
  - name: trigger_event
    field: triggers
    kind: events
    points: 20
    window_days: 180
    half_life_days: 60
    kinds:
      - funding
      - new_sales_leader
      - kind: regulatory_change
        points: 10`)
	ev := func(kind string, age float64) icp.Event { return icp.Event{Kind: kind, Date: daysAgo(age)} }
	tests := []struct {
		name   string
		events []icp.Event
		want   scored
	}{
		{"today", []icp.Event{ev("funding", 0)}, scored{20, icp.Matched}},
		{"quarter life", []icp.Event{ev("funding", 15)}, scored{20 / math.Pow(2, 0.25), icp.Partial}}, // 20/2^¼ = 16.818…
		{"half a half-life", []icp.Event{ev("funding", 30)}, scored{10 * math.Sqrt2, icp.Partial}},    // 20·2^−½ = 10√2
		{"one half-life", []icp.Event{ev("funding", 60)}, scored{10, icp.Partial}},
		{"one and a half", []icp.Event{ev("funding", 90)}, scored{5 * math.Sqrt2, icp.Partial}}, // 20·2^−3/2 = 5√2
		{"two half-lives", []icp.Event{ev("funding", 120)}, scored{5, icp.Partial}},
		{"window edge", []icp.Event{ev("funding", 180)}, scored{2.5, icp.Partial}}, // 20·2^−3, window inclusive
		{"outside window", []icp.Event{ev("funding", 180.5)}, scored{0, icp.Unmatched}},
		{"future ignored", []icp.Event{ev("funding", -1)}, scored{0, icp.Unmatched}},
		{"future and past", []icp.Event{ev("funding", -10), ev("funding", 60)}, scored{10, icp.Partial}},
		{"best event counts", []icp.Event{ev("funding", 120), ev("new_sales_leader", 60)}, scored{10, icp.Partial}},
		{"kind points", []icp.Event{ev("regulatory_change", 0)}, scored{10, icp.Partial}},
		{"kind points decay", []icp.Event{ev("regulatory_change", 60)}, scored{5, icp.Partial}},
		{"kind any case", []icp.Event{ev("FUNDING", 0)}, scored{20, icp.Matched}},
		{"unlisted kind", []icp.Event{ev("webinar", 0)}, scored{0, icp.Unmatched}},
		{"zero date with a window", []icp.Event{{Kind: "funding"}}, scored{0, icp.Unmatched}},
		{"known none", []icp.Event{}, scored{0, icp.Unmatched}},
		{"unknown", nil, scored{0, icp.Missing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{Triggers: tc.events}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestEventsWithoutAsOf(t *testing.T) {
	// A zero as-of date means no date: no window, no decay, and nothing is
	// in the future, so every listed event earns its full points.
	m := criterionModel(t, 20, `
  - name: trigger_event
    field: triggers
    kind: events
    points: 20
    window_days: 180
    half_life_days: 60
    kinds: [funding]`)
	tests := []struct {
		name  string
		event icp.Event
		want  scored
	}{
		{"old", icp.Event{Kind: "funding", Date: daysAgo(400)}, scored{20, icp.Matched}},
		{"future", icp.Event{Kind: "funding", Date: daysAgo(-30)}, scored{20, icp.Matched}},
		{"no date", icp.Event{Kind: "funding"}, scored{20, icp.Matched}},
		{"unlisted", icp.Event{Kind: "expansion"}, scored{0, icp.Unmatched}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{Triggers: []icp.Event{tc.event}}, time.Time{}); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestEventsAnyKind(t *testing.T) {
	// Without kinds every event counts; a zero date counts when there is
	// no window or decay.
	m := criterionModel(t, 20, `
  - name: any_trigger
    field: triggers
    kind: events
    points: 20`)
	tests := []struct {
		name  string
		event icp.Event
		want  scored
	}{
		{"any kind", icp.Event{Kind: "press_release", Date: daysAgo(3)}, scored{20, icp.Matched}},
		{"old", icp.Event{Kind: "funding", Date: daysAgo(4000)}, scored{20, icp.Matched}},
		{"no date", icp.Event{Kind: "funding"}, scored{20, icp.Matched}},
		{"future", icp.Event{Kind: "funding", Date: daysAgo(-1)}, scored{0, icp.Unmatched}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{Triggers: []icp.Event{tc.event}}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestIntent(t *testing.T) {
	// Intent matches the topic, not the kind (the source), and needs a
	// strength of at least 60 within 90 days.
	m := criterionModel(t, 15, `
  - name: intent
    field: intent
    kind: events
    points: 15
    window_days: 90
    min_strength: 60
    kinds: [compliance automation, sales outsourcing]`)
	tests := []struct {
		name  string
		event icp.Event
		want  scored
	}{
		{"strong", icp.Event{Kind: "bombora", Topic: "Compliance Automation", Strength: 75, Date: daysAgo(10)}, scored{15, icp.Matched}},
		{"at min strength", icp.Event{Kind: "g2", Topic: "sales outsourcing", Strength: 60, Date: daysAgo(10)}, scored{15, icp.Matched}},
		{"weak", icp.Event{Kind: "g2", Topic: "sales outsourcing", Strength: 59.9, Date: daysAgo(10)}, scored{0, icp.Unmatched}},
		{"no strength", icp.Event{Kind: "g2", Topic: "sales outsourcing", Date: daysAgo(10)}, scored{0, icp.Unmatched}},
		{"NaN strength", icp.Event{Kind: "g2", Topic: "sales outsourcing", Strength: math.NaN(), Date: daysAgo(10)}, scored{0, icp.Unmatched}},
		{"kind is not topic", icp.Event{Kind: "compliance automation", Topic: "crm", Strength: 90, Date: daysAgo(10)}, scored{0, icp.Unmatched}},
		{"no topic", icp.Event{Kind: "bombora", Strength: 90, Date: daysAgo(10)}, scored{0, icp.Unmatched}},
		{"at window edge", icp.Event{Topic: "sales outsourcing", Strength: 80, Date: daysAgo(90)}, scored{15, icp.Matched}},
		{"stale", icp.Event{Topic: "sales outsourcing", Strength: 80, Date: daysAgo(91)}, scored{0, icp.Unmatched}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{Intent: []icp.Event{tc.event}}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestEventCountBands(t *testing.T) {
	// Engagement counts page visits and demo views of the last 30 days:
	// 1–2 earn 5, 3–5 earn 10, 6 or more earn 20.
	m := criterionModel(t, 20, `
  - name: engagement
    field: engagement
    kind: events
    points: 20
    window_days: 30
    kinds: [page_visit, demo_view]
    bands:
      - {min: 1, max: 2, points: 5}
      - {min: 3, max: 5, points: 10}
      - {min: 6, points: 20}`)
	visits := func(n int, age float64) []icp.Event {
		evs := make([]icp.Event, n)
		for i := range evs {
			evs[i] = icp.Event{Kind: "page_visit", Date: daysAgo(age)}
		}
		return evs
	}
	tests := []struct {
		name   string
		events []icp.Event
		want   scored
		count  int
	}{
		{"none", []icp.Event{}, scored{0, icp.Unmatched}, 0},
		{"one", visits(1, 2), scored{5, icp.Partial}, 1},
		{"two", visits(2, 2), scored{5, icp.Partial}, 2},
		{"three", visits(3, 2), scored{10, icp.Partial}, 3},
		{"five", visits(5, 2), scored{10, icp.Partial}, 5},
		{"six", visits(6, 2), scored{20, icp.Matched}, 6},
		{"nine", visits(9, 2), scored{20, icp.Matched}, 9},
		{"one too old", append(visits(2, 2), visits(1, 31)...), scored{5, icp.Partial}, 2},
		{"one in the future", append(visits(2, 2), visits(1, -1)...), scored{5, icp.Partial}, 2},
		{"kinds mixed", append(visits(2, 2), icp.Event{Kind: "DEMO_VIEW", Date: daysAgo(1)}), scored{10, icp.Partial}, 3},
		{"unlisted kinds", []icp.Event{{Kind: "email_open", Date: daysAgo(1)}, {Kind: "email_open", Date: daysAgo(1)}}, scored{0, icp.Unmatched}, 0},
		{"unknown", nil, scored{0, icp.Missing}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := icp.Prospect{Engagement: tc.events}
			cs := m.Score(&p, asOf).Criteria[0]
			if got := (scored{cs.Points, cs.State}); !got.near(tc.want) || cs.Count != tc.count {
				t.Errorf("Score(%q) = %+v, %d events; want %+v, %d", tc.name, got, cs.Count, tc.want, tc.count)
			}
		})
	}
}
