package icp_test

import (
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestCategory(t *testing.T) {
	// The reference model's industry criterion, plus a value with an alias
	// longer than the 64 bytes ScoreInto folds on the stack.
	const long = "Local, Regional and National Government Agencies and Public Authorities"
	if len(long) <= 64 {
		t.Fatalf("len(%q) = %d; the test needs more than 64", long, len(long))
	}
	m := criterionModel(t, 20, `
  - name: industry
    field: industry
    kind: category
    points: 20
    values:
      - value: Software
        aliases: [SaaS, Computer Software, Technology]
      - value: Financial Services
        aliases: [Fintech, Banking, Insurance]
      - value: Professional Services
        points: 10
        aliases: [Consulting, Management Consulting]
      - value: Public Sector
        points: 5
        aliases: ["`+long+`"]`)
	tests := []struct {
		industry string
		want     scored
	}{
		{"Software", scored{20, icp.Matched}},
		{"software", scored{20, icp.Matched}},
		{"SOFTWARE", scored{20, icp.Matched}},
		{"SaaS", scored{20, icp.Matched}},
		{"saas", scored{20, icp.Matched}},
		{"  Fintech\t", scored{20, icp.Matched}},
		{"computer software", scored{20, icp.Matched}},
		{"Consulting", scored{10, icp.Partial}}, // alias of a value with its own points
		{"PROFESSIONAL SERVICES", scored{10, icp.Partial}},
		{"local, regional and national government agencies and public authorities", scored{5, icp.Partial}},
		{"Retail", scored{0, icp.Unmatched}},
		{"Soft ware", scored{0, icp.Unmatched}},
		{"Sóftware", scored{0, icp.Unmatched}}, // case folding is ASCII only; accents differ
		{"", scored{0, icp.Missing}},
		{"   ", scored{0, icp.Missing}},
	}
	for _, tc := range tests {
		t.Run(tc.industry, func(t *testing.T) {
			if got := first(m, icp.Prospect{Industry: tc.industry}, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.industry, got, tc.want)
			}
		})
	}
}
