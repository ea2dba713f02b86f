package icp_test

import (
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
)

func TestStaleness(t *testing.T) {
	// Reference staleness: re-score an opportunity 60 and 90 days after it
	// opened; flag one whose stage has not moved for 180 days. Ages are
	// days before asOf.
	m := icp.Reference()
	type ages struct{ opened, scored, moved float64 } // -1: unknown
	at := func(d float64) time.Time {
		if d < 0 {
			return time.Time{}
		}
		return daysAgo(d)
	}
	tests := []struct {
		name      string
		ages      ages
		due       bool
		at        float64
		noMove    bool
		daysStill float64
	}{
		{"fresh", ages{30, 30, 10}, false, 0, false, 10},
		{"day 59", ages{59, 59, -1}, false, 0, false, 0},
		{"day 60", ages{60, 60, -1}, true, 60, false, 0},
		{"day 70 scored at creation", ages{70, 70, -1}, true, 60, false, 0},
		{"day 70 re-scored at 60", ages{70, 10, -1}, false, 0, false, 0},
		{"day 95 scored at creation", ages{95, 95, -1}, true, 90, false, 0},
		{"day 95 re-scored at 65", ages{95, 30, -1}, true, 90, false, 0},
		{"day 95 re-scored at 91", ages{95, 4, -1}, false, 0, false, 0},
		{"no score date", ages{95, -1, -1}, false, 0, false, 0},
		{"opened unknown: from the score date", ages{-1, 70, -1}, true, 60, false, 0},
		{"no movement 179 days", ages{200, 10, 179}, false, 0, false, 179},
		{"no movement 180 days", ages{200, 10, 180}, false, 0, true, 180},
		{"no movement and due", ages{400, 380, 250}, true, 90, true, 250}, // scored on day 20
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := icp.Prospect{Opened: at(tc.ages.opened), ScoredAt: at(tc.ages.scored), LastStageChange: at(tc.ages.moved)}
			s := m.Score(&p, asOf).Stale
			if s.RescoreDue != tc.due || s.RescoreAt != tc.at || s.NoMovement != tc.noMove || !near(s.DaysNoMovement, tc.daysStill) {
				t.Errorf("Score(%q).Stale = %+v; want due %v at %v, no movement %v for %v days", tc.name, s, tc.due, tc.at, tc.noMove, tc.daysStill)
			}
			if s.Stale() != (tc.due || tc.noMove) {
				t.Errorf("Score(%q).Stale.Stale() = %v; want %v", tc.name, s.Stale(), tc.due || tc.noMove)
			}
		})
	}
	t.Run("no as-of date", func(t *testing.T) {
		p := icp.Prospect{Opened: daysAgo(400), ScoredAt: daysAgo(400), LastStageChange: daysAgo(400)}
		if s := m.Score(&p, time.Time{}).Stale; s != (icp.Staleness{}) {
			t.Errorf("Score(no as-of).Stale = %+v; want zero", s)
		}
	})
	t.Run("model settings", func(t *testing.T) {
		m := parse(t, `
icpkit: 1
name: fast cycle
criteria:
  - {name: decision_maker, field: decision_maker, kind: flag, points: 100}
tiers:
  - {name: A, min: 50}
  - {name: B, min: 0}
staleness:
  rescore_days: [30]
  no_movement_days: 45
`)
		p := icp.Prospect{Opened: daysAgo(50), ScoredAt: daysAgo(50), LastStageChange: daysAgo(45)}
		if s := m.Score(&p, asOf).Stale; !s.RescoreDue || s.RescoreAt != 30 || !s.NoMovement {
			t.Errorf("Score(50 days, still for 45).Stale = %+v; want re-score due at 30 and no movement", s)
		}
	})
}
