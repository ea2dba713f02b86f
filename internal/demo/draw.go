package demo

import (
	"math"
	"math/rand/v2"
	"strings"
)

// Stream numbers: each phase of the process draws from its own PCG
// stream, so a change to one phase does not reshuffle the others.
const (
	streamAccounts uint64 = iota + 1
	streamDeals
	streamOutcomes
	streamCustomers
	streamScaleAccounts
	streamScaleDeals
	streamScaleOutcomes
)

// newRand returns the PCG stream of a phase for a seed.
func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^stream*0xbf58476d1ce4e5b9))
}

// pick returns an index drawn with probability proportional to w.
func pick(r *rand.Rand, w []float64) int {
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	u := r.Float64() * sum
	for i, v := range w {
		if u < v {
			return i
		}
		u -= v
	}
	return len(w) - 1
}

// one returns a uniformly drawn element of s.
func one[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// logNormal returns exp(N(mu, sigma²)).
func logNormal(r *rand.Rand, mu, sigma float64) float64 {
	return math.Exp(mu + sigma*r.NormFloat64())
}

// clamp limits v to [lo, hi].
func clamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

// poisson returns a Poisson(lambda) count by inversion; lambda is small.
func poisson(r *rand.Rand, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, r.Float64()
	for p > l {
		k++
		p *= r.Float64()
	}
	return k
}

// spell writes a categorical value the way CRMs hold it: mostly the
// canonical name, sometimes an alias, sometimes in another case.
func spell(r *rand.Rand, name string, aliases []string) string {
	u := r.Float64()
	switch {
	case u < 0.70 || len(aliases) == 0 && u < 0.90:
		return name
	case u < 0.90:
		return one(r, aliases)
	case u < 0.95:
		return strings.ToLower(name)
	default:
		return strings.ToUpper(name)
	}
}

// logistic returns 1/(1+exp(−x)).
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
