package demo

import (
	"math"
	"math/rand/v2"
)

// Strata of outcome sampling: rule × tier (Disqualified and the
// reference model's three) × before or after the decline starts.
const (
	stratumTiers = 4
	nStrata      = len(ruleNames) * stratumTiers * 2
)

// stratum returns the stratum of a deal with rule, tier index (−1 when
// disqualified) and whether it closes in the last two quarters.
func stratum(rule Rule, tierIndex int, late bool) int {
	k := (int(rule)*stratumTiers + min(tierIndex+1, stratumTiers-1)) * 2
	if late {
		k++
	}
	return k
}

// outcomeSampler draws outcomes by systematic sampling within strata. In
// each stratum the deals, in the random order they were drawn, lay their
// probabilities end to end on a line; a deal is won when its segment
// holds a point of the grid u, u+1, u+2, … for the stratum's uniform
// offset u. So each deal is won with exactly its probability, as with
// independent draws, but a stratum's wins equal the sum of its
// probabilities up to one deal: the planted patterns show at their
// planted size in every sample instead of drifting with the seed.
type outcomeSampler struct {
	offset [nStrata]float64
	cum    [nStrata]float64
}

func newOutcomeSampler(r *rand.Rand) *outcomeSampler {
	s := new(outcomeSampler)
	for k := range s.offset {
		s.offset[k] = r.Float64()
	}
	return s
}

// won draws the outcome of the next deal of stratum k, won with
// probability p (0 ≤ p ≤ 1).
func (s *outcomeSampler) won(k int, p float64) bool {
	before := math.Floor(s.cum[k] + s.offset[k])
	s.cum[k] += p
	return math.Floor(s.cum[k]+s.offset[k]) > before
}
