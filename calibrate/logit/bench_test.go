package logit_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// benchDesign returns n cases of p predictors. With prototypes > 0 every
// case copies one of that many random binary rows (ICP criteria met or
// not), so merging leaves at most 2·prototypes rows; otherwise every
// value is continuous and every row distinct.
func benchDesign(n, p, prototypes int) logit.Design {
	g := &splitmix{s: 7}
	unif := func() float64 { return float64(g.next()>>11) / (1 << 53) }
	coef := make([]float64, p)
	for j := range coef {
		coef[j] = 2*unif() - 1
	}
	proto := make([]float64, prototypes*p)
	for i := range proto {
		proto[i] = float64(g.next() % 2)
	}
	d := logit.Design{Names: make([]string, p), X: make([]float64, 0, n*p), Won: make([]bool, 0, n)}
	for j := range d.Names {
		d.Names[j] = fmt.Sprintf("x%d", j)
	}
	row := make([]float64, p)
	for range n {
		if prototypes > 0 {
			k := int(g.next() % uint64(prototypes))
			copy(row, proto[k*p:(k+1)*p])
		} else {
			for j := range row {
				row[j] = 2*unif() - 1
			}
		}
		eta := -0.5
		for j, v := range row {
			eta += coef[j] * v / 2
		}
		d.X = append(d.X, row...)
		d.Won = append(d.Won, unif() < 1/(1+math.Exp(-eta)))
	}
	return d
}

func BenchmarkFit(b *testing.B) {
	merged := benchDesign(1_000_000, 20, 256)
	continuous := benchDesign(100_000, 20, 0)
	for _, bm := range []struct {
		name string
		d    logit.Design
		s    logit.Settings
	}{
		{"merged-1e6x20/ml", merged, logit.Settings{Method: logit.ML}},
		{"merged-1e6x20/firth-profile", merged, logit.Settings{}},
		{"continuous-1e5x20/ml", continuous, logit.Settings{Method: logit.ML}},
		{"continuous-1e5x20/firth-wald", continuous, logit.Settings{Wald: true}},
		{"continuous-1e5x20/ridge", continuous, logit.Settings{Method: logit.Ridge}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := logit.Fit(bm.d, bm.s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
