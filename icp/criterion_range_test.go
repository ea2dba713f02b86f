package icp_test

import (
	"math"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestRange(t *testing.T) {
	// The reference model's company size: 25 points for 100–500
	// employees, 12 for 50–99 and for 501–1,000; bands include both ends.
	m := criterionModel(t, 25, `
  - name: company_size
    field: employees
    kind: range
    points: 25
    bands:
      - {min: 100, max: 500, points: 25}
      - {min: 50, max: 99, points: 12}
      - {min: 501, max: 1000, points: 12}`)
	tests := []struct {
		name      string
		employees icp.Number
		want      scored
	}{
		{"inside", icp.Num(240), scored{25, icp.Matched}},
		{"lower edge", icp.Num(100), scored{25, icp.Matched}},
		{"upper edge", icp.Num(500), scored{25, icp.Matched}},
		{"partial below", icp.Num(75), scored{12, icp.Partial}},
		{"partial lower edge", icp.Num(50), scored{12, icp.Partial}},
		{"partial above", icp.Num(501), scored{12, icp.Partial}},
		{"partial upper edge", icp.Num(1000), scored{12, icp.Partial}},
		{"too big", icp.Num(1001), scored{0, icp.Unmatched}},
		{"too small", icp.Num(49), scored{0, icp.Unmatched}},
		{"between bands", icp.Num(99.5), scored{0, icp.Unmatched}},
		{"zero is known", icp.Num(0), scored{0, icp.Unmatched}},
		{"negative", icp.Num(-3), scored{0, icp.Unmatched}},
		{"unknown", icp.Number{}, scored{0, icp.Missing}},
		{"value without Known", icp.Number{Value: 240}, scored{0, icp.Missing}},
		{"NaN is unknown", icp.Num(math.NaN()), scored{0, icp.Missing}},
		{"Inf is unknown", icp.Num(math.Inf(1)), scored{0, icp.Missing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{Employees: tc.employees}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestRangeOpenBands(t *testing.T) {
	// Headcount growth: at least 40% a year earns 10, 10%–39% earns 4; a
	// band without max (or min) is open on that side.
	m := criterionModel(t, 10, `
  - name: growth
    field: headcount_growth
    kind: range
    points: 10
    bands:
      - {min: 0.4, points: 10}
      - {min: 0.1, max: 0.39, points: 4}
      - {max: -0.5, points: 1}`)
	tests := []struct {
		name   string
		growth float64
		want   scored
	}{
		{"at min of open band", 0.4, scored{10, icp.Matched}},
		{"far above", 3, scored{10, icp.Matched}},
		{"middle band", 0.25, scored{4, icp.Partial}},
		{"middle band lower edge", 0.1, scored{4, icp.Partial}},
		{"slow", 0.05, scored{0, icp.Unmatched}},
		{"open below", -0.9, scored{1, icp.Partial}},
		{"open below edge", -0.5, scored{1, icp.Partial}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(m, icp.Prospect{HeadcountGrowth: icp.Num(tc.growth)}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}
