package icp_test

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

// randomProspects returns n varied prospects from a fixed seed.
func randomProspects(n int) []icp.Prospect {
	rng := rand.New(rand.NewPCG(3, 4))
	ps := make([]icp.Prospect, n)
	buf := make([]byte, 96)
	for i := range ps {
		for j := range buf {
			buf[j] = byte(rng.Uint32())
		}
		fb := fuzzBytes(buf)
		ps[i] = fb.prospect()
	}
	return ps
}

// outcome is what a test compares of a Result.
type outcome struct {
	score, penalty float64
	tier           string
	route          icp.Route
	profile        int
	criteria       []icp.CriterionScore
	disqualifiers  []int
	stale          icp.Staleness
}

func outcomeOf(r *icp.Result) outcome {
	return outcome{r.Score, r.Penalty, r.Tier, r.Route, r.ProfileIndex, slices.Clone(r.Criteria), slices.Clone(r.Disqualifiers), r.Stale}
}

func (o outcome) equal(r *icp.Result) bool {
	return o.score == r.Score && o.penalty == r.Penalty && o.tier == r.Tier && o.route == r.Route && o.profile == r.ProfileIndex &&
		slices.Equal(o.criteria, r.Criteria) && slices.Equal(o.disqualifiers, r.Disqualifiers) && o.stale == r.Stale
}

func TestConcurrentScoring(t *testing.T) {
	// 16 goroutines share one Model, each with its own Result, and score
	// the same 10,000 prospects, each from a different starting point; every
	// result equals the one scored sequentially. Run with -race.
	const goroutines, prospects = 16, 10000
	ps := randomProspects(prospects)
	for _, tc := range []struct {
		name  string
		model *icp.Model
	}{
		{"reference", icp.Reference()},
		{"multi_icp", load(t, "multi_icp.yaml")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.model
			want := make([]outcome, len(ps))
			var r icp.Result
			for i := range ps {
				m.ScoreInto(&r, &ps[i], asOf)
				want[i] = outcomeOf(&r)
			}
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					var r icp.Result
					for k := range ps {
						i := (k + g*prospects/goroutines) % prospects
						m.ScoreInto(&r, &ps[i], asOf)
						if !want[i].equal(&r) {
							t.Errorf("goroutine %d: Score(prospect %d) = %v %s; want %v %s", g, i, r.Score, r.Tier, want[i].score, want[i].tier)
							return
						}
					}
				})
			}
			wg.Wait()
		})
	}
}
