package icp_test

import (
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestFlag(t *testing.T) {
	// Decision maker identified: 10 points for yes. No incumbent vendor
	// (is: false): 10 points when the CRM's has_incumbent says no.
	dm := criterionModel(t, 10, `
  - name: decision_maker
    field: decision_maker
    kind: flag
    points: 10`)
	noIncumbent := criterionModel(t, 10, `
  - name: no_incumbent
    field: custom.has_incumbent
    kind: flag
    is: false
    points: 10`)
	tests := []struct {
		name  string
		model *icp.Model
		p     icp.Prospect
		want  scored
	}{
		{"yes", dm, icp.Prospect{DecisionMaker: icp.Yes}, scored{10, icp.Matched}},
		{"no", dm, icp.Prospect{DecisionMaker: icp.No}, scored{0, icp.Unmatched}},
		{"unknown", dm, icp.Prospect{DecisionMaker: icp.Unknown}, scored{0, icp.Missing}},
		{"is false, no", noIncumbent, icp.Prospect{Custom: map[string]icp.Value{"has_incumbent": icp.FlagValue(false)}}, scored{10, icp.Matched}},
		{"is false, yes", noIncumbent, icp.Prospect{Custom: map[string]icp.Value{"has_incumbent": icp.FlagValue(true)}}, scored{0, icp.Unmatched}},
		{"is false, unknown", noIncumbent, icp.Prospect{}, scored{0, icp.Missing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := first(tc.model, tc.p, asOf); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
}
