package report

import (
	"math"
	"sort"

	"github.com/icpkit/icpkit/calibrate/metric"
)

// Figure is a number of a table that may be unknown. The zero value is
// unknown. A Figure is never NaN or infinite: a computation that has no
// finite answer (a rate without deals, a cohort too young for a horizon)
// gives an unknown Figure whose Note says why; the workbook writes it as
// an empty cell carrying the note, and the JSON summary as null.
type Figure struct {
	Value float64
	Known bool
	Note  string // why the value is unknown; empty when Known
}

// known returns a known Figure, or an unknown one noted "not defined" when
// v is not finite (a guard; callers check their denominators first).
func known(v float64) Figure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Figure{Note: "not defined"}
	}
	return Figure{Value: v, Known: true}
}

// unknown returns an unknown Figure with its reason.
func unknown(note string) Figure { return Figure{Note: note} }

// ratio returns num/den, or an unknown Figure with the note when den is 0.
func ratio(num, den float64, note string) Figure {
	if den == 0 {
		return unknown(note)
	}
	return known(num / den)
}

// times returns f×k when f is known, else f (with its note).
func (f Figure) times(k float64) Figure {
	if !f.Known {
		return f
	}
	return known(f.Value * k)
}

// ptr returns the value for JSON: nil when unknown.
func (f Figure) ptr() *float64 {
	if !f.Known {
		return nil
	}
	v := f.Value
	return &v
}

// wilson returns the Wilson score interval of won out of n at the given
// confidence (metric.Wilson), unknown when n is 0:
//
//	p̂ = won/n, z = Φ⁻¹(1 − (1−confidence)/2)
//	centre ± half = (p̂ + z²/2n)/(1 + z²/n) ± z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²)
func wilson(won, n int, confidence float64) (low, high Figure) {
	if n == 0 {
		return unknown(noClosedNote), unknown(noClosedNote)
	}
	lo, hi := metric.Wilson(float64(won), float64(n), confidence)
	return known(lo), known(hi)
}

// median returns the median of xs (the mean of the middle two for an even
// count), sorting xs in place; unknown with note when xs is empty.
func median(xs []float64, note string) Figure {
	if len(xs) == 0 {
		return unknown(note)
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return known(xs[n/2])
	}
	return known((xs[n/2-1] + xs[n/2]) / 2)
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

const (
	noClosedNote = "no closed deals"
	noWonNote    = "no won deals"
)
