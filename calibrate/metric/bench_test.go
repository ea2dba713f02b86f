package metric_test

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/icpkit/icpkit/calibrate/metric"
)

const benchN = 1_000_000

// benchDeals returns benchN deals with continuous scores (few ties), the
// shape of a full CRM history.
var benchDeals = sync.OnceValues(func() ([]float64, []bool) {
	rng := rand.New(rand.NewPCG(19, 20))
	pred := make([]float64, benchN)
	won := make([]bool, benchN)
	for i := range pred {
		pred[i] = rng.Float64()
		won[i] = rng.Float64() < pred[i]
	}
	return pred, won
})

var sink float64

func BenchmarkAUC(b *testing.B) {
	pred, won := benchDeals()
	b.ReportAllocs()
	for b.Loop() {
		sink = metric.AUC(pred, won, nil)
	}
}

func BenchmarkAUCWeighted(b *testing.B) {
	pred, won := benchDeals()
	w := make([]float64, len(pred))
	for i := range w {
		w[i] = float64(1 + i%3)
	}
	b.ReportAllocs()
	for b.Loop() {
		sink = metric.AUC(pred, won, w)
	}
}

func BenchmarkDeLong(b *testing.B) {
	pred, won := benchDeals()
	b.ReportAllocs()
	for b.Loop() {
		_, se, _, _, err := metric.DeLong(pred, won)
		if err != nil {
			b.Fatal(err)
		}
		sink = se
	}
}

// BenchmarkDeLongTies has 101 distinct scores, as from a points-based
// ICP score.
func BenchmarkDeLongTies(b *testing.B) {
	rng := rand.New(rand.NewPCG(21, 22))
	pred, won := randomDeals(rng, benchN, 101)
	b.ReportAllocs()
	for b.Loop() {
		_, se, _, _, err := metric.DeLong(pred, won)
		if err != nil {
			b.Fatal(err)
		}
		sink = se
	}
}
