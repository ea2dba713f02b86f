package metric

import (
	"math"
	"slices"
	"sort"
)

// Population stability index constants.
const (
	// PSIFloor is the smallest share PSI uses for a bin: an empty bin in
	// either distribution counts as holding this share, so its term stays
	// finite.
	PSIFloor = 1e-4
	// PSIModerate and PSIMajor are the customary interpretation
	// thresholds: PSI < PSIModerate means no significant shift, PSI in
	// [PSIModerate, PSIMajor) a moderate shift worth a look, and PSI ≥
	// PSIMajor a major shift that calls for recalibration or refitting.
	PSIModerate = 0.1
	PSIMajor    = 0.25
	// psiBins is the number of default (decile) bins.
	psiBins = 10
)

// PSIBin is one bin of a population stability index.
type PSIBin struct {
	Low, High    float64 // the bin holds scores x with Low < x ≤ High; the first also -Inf
	ExpectedN    int     // scores of expected in the bin
	ActualN      int     // scores of actual in the bin
	Expected     float64 // share of expected in the bin
	Actual       float64 // share of actual in the bin
	Contribution float64 // the bin's term of the index
}

// PSI returns the population stability index between a baseline score
// distribution, expected (for example last quarter's deals), and a new
// one, actual, and the per-bin table:
//
//	eᵢ  = max(ExpectedNᵢ/len(expected), PSIFloor)
//	aᵢ  = max(ActualNᵢ/len(actual), PSIFloor)
//	PSI = Σᵢ (aᵢ - eᵢ) ln(aᵢ/eᵢ)
//
// Each term is non-negative, and PSI is 0 when the shares agree. See
// PSIModerate and PSIMajor for interpretation.
//
// edges are the interior cut points, finite and strictly increasing: the
// bins are [-Inf, edges[0]], (edges[0], edges[1]], …, (edges[k-1], +Inf],
// so no score falls outside. When edges is empty the cut points are the
// deciles of expected: the empirical quantiles q_j = x₍⌈jn/10⌉₎ of the
// sorted expected scores for j = 1, …, 9, with duplicates dropped, so each
// bin holds about a tenth of expected.
//
// PSI is unweighted. It returns NaN, nil when expected or actual is empty
// or holds a NaN, or when edges holds a NaN or an infinity or is not
// strictly increasing. ±Inf scores fall in the end bins, and infinite
// deciles are dropped.
func PSI(expected, actual, edges []float64) (psi float64, bins []PSIBin) {
	if len(expected) == 0 || len(actual) == 0 ||
		slices.ContainsFunc(expected, math.IsNaN) || slices.ContainsFunc(actual, math.IsNaN) {
		return math.NaN(), nil
	}
	if len(edges) == 0 {
		edges = deciles(expected)
	}
	for i, e := range edges {
		if math.IsNaN(e) || math.IsInf(e, 0) || (i > 0 && !(e > edges[i-1])) {
			return math.NaN(), nil
		}
	}
	bins = make([]PSIBin, len(edges)+1)
	for i := range bins {
		bins[i].Low, bins[i].High = math.Inf(-1), math.Inf(1)
		if i > 0 {
			bins[i].Low = edges[i-1]
		}
		if i < len(edges) {
			bins[i].High = edges[i]
		}
	}
	for _, x := range expected {
		bins[sort.SearchFloat64s(edges, x)].ExpectedN++
	}
	for _, x := range actual {
		bins[sort.SearchFloat64s(edges, x)].ActualN++
	}
	ne, na := float64(len(expected)), float64(len(actual))
	for i := range bins {
		b := &bins[i]
		b.Expected = float64(b.ExpectedN) / ne
		b.Actual = float64(b.ActualN) / na
		e, a := max(b.Expected, PSIFloor), max(b.Actual, PSIFloor)
		b.Contribution = (a - e) * math.Log(a/e)
		psi += b.Contribution
	}
	return psi, bins
}

// deciles returns the distinct finite empirical deciles of the non-empty x.
func deciles(x []float64) []float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	edges := make([]float64, 0, psiBins-1)
	for j := 1; j < psiBins; j++ {
		q := s[(j*n+psiBins-1)/psiBins-1]
		if !math.IsInf(q, 0) && (len(edges) == 0 || q > edges[len(edges)-1]) {
			edges = append(edges, q)
		}
	}
	return edges
}
