package icp_test

import (
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
)

func TestScoreIntoDoesNotAllocate(t *testing.T) {
	// Once a Result has grown to a model's size, ScoreInto reuses it.
	// (Text values longer than 64 bytes with upper-case letters are the
	// exception: they are folded on the heap.)
	for _, tc := range []struct {
		name  string
		model *icp.Model
	}{
		{"reference", icp.Reference()},
		{"multi_icp", load(t, "multi_icp.yaml")},
		{"gates", load(t, "gates.yaml")},
		{"partner_smb", load(t, "partner_smb.json")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := append(sampleProspects(), benchProspects()...)
			var r icp.Result
			for _, when := range []time.Time{asOf, {}} {
				for i := range ps {
					tc.model.ScoreInto(&r, &ps[i], when) // warm up
				}
				allocs := testing.AllocsPerRun(100, func() {
					for i := range ps {
						tc.model.ScoreInto(&r, &ps[i], when)
					}
				})
				if allocs != 0 {
					t.Errorf("ScoreInto(warm Result, %d prospects, as of %v) allocates %v times; want 0", len(ps), when, allocs)
				}
			}
		})
	}
}
