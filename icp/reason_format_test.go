package icp

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// The forms appendPoints and appendNumber wrote with strconv alone
// before they took integer shortcuts: the shortcuts must not change a
// byte of any reason.
func refPoints(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

func refWhole(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }

func TestAppendPointsMatchesStrconv(t *testing.T) {
	vs := []float64{0, math.Copysign(0, -1), -0.04, 0.04, 0.05, -0.05, 0.15, 0.25, 1, -1, 12.5, 13.44, 13.45, 99.95,
		100, 33.333333333333336, 66.66666666666667, 1e14 - 0.05, 1e14 + 0.3, 1e15 - 1, 1e15, -1e15, 1e15 + 0.5, 9.99999e14,
		math.MaxInt64, math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, math.MaxFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		switch rng.IntN(4) {
		case 0:
			vs = append(vs, (rng.Float64()-0.5)*200)
		case 1:
			vs = append(vs, 100*float64(rng.IntN(40))/float64(1+rng.IntN(120)))
		case 2:
			vs = append(vs, float64(rng.IntN(2001)-1000)/10+(rng.Float64()-0.5)*1e-9)
		default:
			vs = append(vs, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(20))))
		}
	}
	for _, v := range vs {
		if got, want := string(appendPoints(nil, v)), refPoints(v); got != want {
			t.Errorf("appendPoints(%v) = %q; want %q", v, got, want)
		}
		if w := math.Trunc(v); math.Abs(w) < 1e15 {
			if got, want := string(appendWhole(nil, w)), refWhole(w); got != want {
				t.Errorf("appendWhole(%v) = %q; want %q", w, got, want)
			}
		}
	}
}
