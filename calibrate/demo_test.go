package calibrate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
)

// The demo company's outcomes come from a known logistic model (see
// internal/demo): calibration must recover it. The reference is the
// generator's own truth; the tolerance is three standard errors of each
// estimate, which a correct fit misses with probability about 0.003.
func TestRunRecoversDemoTruth(t *testing.T) {
	s := demo.Generate(demo.DefaultSettings)
	deals := s.ClosedBy(demo.RuleLogistic)
	res, err := calibrate.Run(icp.Reference(), deals, calibrate.Settings{Folds: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Criteria {
		want := s.Truth.Effects[c.Name]
		if d := math.Abs(c.Coef.Estimate - want); d > 3*c.Coef.StdError {
			t.Errorf("%s: effect %.3f (se %.3f); want %.3f within 3 se", c.Name, c.Coef.Estimate, c.Coef.StdError, want)
		}
	}
	for _, c := range res.Criteria {
		if s.Truth.Effects[c.Name] == 0 && c.Suggested > 3 {
			t.Errorf("%s has no true effect but is suggested %d points", c.Name, c.Suggested)
		}
	}
}

// On all the demo's deals the review must find what was planted: the
// declining tier and the segment outside the ICP that wins.
func TestReviewFindsPlantedPatterns(t *testing.T) {
	s := demo.Generate(demo.DefaultSettings)
	res, err := calibrate.Run(icp.Reference(), s.Opportunities, calibrate.Settings{Folds: -1})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]string{}
	for _, f := range res.Findings {
		kinds[f.Kind] = append(kinds[f.Kind], f.Title)
	}
	if d := strings.Join(kinds["win_rate_decline"], "\n"); !strings.Contains(d, s.Truth.DecliningTier+" win rate fell") {
		t.Errorf("decline findings %q; want %s's decline", d, s.Truth.DecliningTier)
	}
	if seg := strings.Join(kinds["segment_missed"], "\n") + strings.Join(kinds["out_of_icp_wins"], "\n"); !strings.Contains(seg, "Healthcare") {
		t.Errorf("segment findings %q; want the Healthcare segment", seg)
	}
	if len(kinds["weak_criterion"]) == 0 {
		t.Errorf("no weak criterion found; geography and funding stage have no true effect")
	}
}
