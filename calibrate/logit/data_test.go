package logit_test

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// splitmix is SplitMix64 (Steele, Lea & Flood 2014), a generator whose
// sequence is fixed by its definition, so the simulated design is the same
// on every platform and Go version.
type splitmix struct{ s uint64 }

func (g *splitmix) next() uint64 {
	g.s += 0x9E3779B97F4A7C15
	z := g.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// simDesign is the 500-case, 4-predictor design of the R references:
// predictor values are exact decimals (k/1000 or small integers), so the
// CSV written for R holds the same doubles, and
//
//	won ~ Bernoulli(logistic(−1.5 + 2 fit − 0.3 size + 0.9 intent + 0.25 points)).
//
// It has 230 won cases.
func simDesign() logit.Design {
	g := &splitmix{s: 2024}
	const n = 500
	d := logit.Design{Names: []string{"fit", "size", "intent", "points"}}
	for range n {
		fit := float64(g.next()%1001) / 1000
		size := float64(g.next()%5001) / 1000
		intent := float64(g.next() % 2)
		points := float64(g.next() % 6)
		eta := -1.5 + 2*fit - 0.3*size + 0.9*intent + 0.25*points
		u := float64(g.next()>>11) / (1 << 53)
		d.X = append(d.X, fit, size, intent, points)
		d.Won = append(d.Won, u < 1/(1+math.Exp(-eta)))
	}
	return d
}

// endometrial reads testdata/endometrial.csv (see endometrial.txt): HG is
// the outcome, NV, PI and EH the predictors.
func endometrial(t testing.TB) logit.Design {
	t.Helper()
	f, err := os.Open("testdata/endometrial.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := logit.Design{Names: []string{"NV", "PI", "EH"}}
	for _, rec := range recs[1:] { // NV,PI,EH,HG
		for _, s := range rec[:3] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			d.X = append(d.X, v)
		}
		d.Won = append(d.Won, rec[3] == "1")
	}
	return d
}
