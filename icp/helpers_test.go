package icp_test

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// asOf is the date the tests score as of, unless a test says otherwise.
var asOf = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// daysAgo returns the date d days before asOf; a negative d is after it.
func daysAgo(d float64) time.Time {
	return asOf.Add(-time.Duration(d * float64(24*time.Hour)))
}

// tolerance for hand-derived scores: they are sums of the model's points
// times 100/total, and powers of two for decay, exact to a few ulps.
const tolerance = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }

// parse compiles a model written in a test.
func parse(t testing.TB, src string) *icp.Model {
	t.Helper()
	m, err := icp.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

// criterionModel compiles a model of one criterion, written as a YAML list
// item, whose total is the criterion's points: the criterion's points are
// then the score's points out of total.
func criterionModel(t testing.TB, total float64, criterion string) *icp.Model {
	t.Helper()
	return parse(t, fmt.Sprintf(`icpkit: 1
name: one criterion
total: %g
criteria:
%s
tiers:
  - {name: Top, min: 100}
  - {name: Rest, min: 0}
`, total, criterion))
}

// load compiles a model file from testdata/models.
func load(t testing.TB, name string) *icp.Model {
	t.Helper()
	m, err := icp.Load(filepath.Join("..", "testdata", "models", name))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

// scored is what a criterion earned, as the criterion tests compare it.
type scored struct {
	Points float64
	State  icp.State
}

func (s scored) near(o scored) bool { return near(s.Points, o.Points) && s.State == o.State }

// first scores p as of when and returns what the first criterion earned.
func first(m *icp.Model, p icp.Prospect, when time.Time) scored {
	cs := m.Score(&p, when).Criteria[0]
	return scored{cs.Points, cs.State}
}
