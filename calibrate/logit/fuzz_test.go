package logit_test

import (
	"errors"
	"math"
	"testing"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// FuzzFit checks that Fit never panics on data: it returns an error
// wrapping a sentinel or a Result whose floats are all finite.
func FuzzFit(f *testing.F) {
	f.Add([]byte{3, 2, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
	f.Add([]byte{2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 5, 250, 251, 252, 253, 254, 255, 9, 9, 9, 9})
	f.Add([]byte{4, 1, 7, 7, 7, 7, 7, 7, 7, 7, 200, 3, 1, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 3 {
			return
		}
		p := int(data[0] % 4)
		method := logit.Method(data[1] % 3)
		weighted := data[1]&4 != 0
		data = data[2:]
		per := p + 1 // predictors and an outcome byte
		if weighted {
			per++
		}
		n := min(len(data)/per, 40)
		d := logit.Design{Names: []string{"a", "b", "c"}[:p]}
		if weighted {
			d.Weight = make([]float64, 0, n)
		}
		for i := range n {
			row := data[i*per : (i+1)*per]
			for _, b := range row[:p] {
				d.X = append(d.X, value(b))
			}
			d.Won = append(d.Won, row[p]&1 == 1)
			if weighted {
				d.Weight = append(d.Weight, value(row[p+1]))
			}
		}
		r, err := logit.Fit(d, logit.Settings{Method: method, Profile: true})
		if err != nil {
			for _, s := range []error{logit.ErrEmpty, logit.ErrNoVariation, logit.ErrNonFinite, logit.ErrNegativeWeight, logit.ErrNumerical} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("Fit error %v wraps no sentinel", err)
		}
		checkFinite(t, r)
	})
}

// value maps a byte to small integers, a few fractions and extremes.
func value(b byte) float64 {
	switch b {
	case 255:
		return math.NaN()
	case 254:
		return math.Inf(1)
	case 253:
		return 1e300
	case 252:
		return -1e-300
	case 251:
		return 0.1
	}
	return float64(int(b%16) - 4)
}
