package metric_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestLargestRemainder(t *testing.T) {
	tests := []struct {
		name    string
		weights []float64
		total   int
		want    []int
		wantErr error
	}{
		// Wikipedia, "Largest remainder method", Hare quota example: votes
		// 47000, 16000, 15800, 12000, 6100, 3100 for 10 seats.
		{"wikipedia hare", []float64{47000, 16000, 15800, 12000, 6100, 3100}, 10, []int{5, 2, 1, 1, 1, 0}, nil},
		// By hand.
		{"exact", []float64{1, 2, 3}, 12, []int{2, 4, 6}, nil},
		{"ties go to lower index", []float64{1, 1, 1}, 2, []int{1, 1, 0}, nil},
		{"ties go to lower index 2", []float64{1, 1, 1, 1}, 6, []int{2, 2, 1, 1}, nil},
		{"zero weight gets nothing", []float64{0, 1, 0, 1}, 3, []int{0, 2, 0, 1}, nil},
		{"total 0", []float64{0.3, 0.7}, 0, []int{0, 0}, nil},
		{"one weight", []float64{0.2}, 7, []int{7}, nil},
		{"tiny weights", []float64{1e-300, 3e-300}, 4, []int{1, 3}, nil},
		{"huge weights", []float64{math.MaxFloat64, math.MaxFloat64}, 3, []int{2, 1}, nil},
		{"empty", nil, 3, nil, metric.ErrNoWeight},
		{"all zero", []float64{0, 0}, 3, nil, metric.ErrNoWeight},
		{"negative weight", []float64{1, -1}, 3, nil, metric.ErrInvalid},
		{"NaN weight", []float64{math.NaN(), 1}, 3, nil, metric.ErrInvalid},
		{"Inf weight", []float64{math.Inf(1), 1}, 3, nil, metric.ErrInvalid},
		{"negative total", []float64{1}, -1, nil, metric.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.weights)
			got, err := metric.LargestRemainder(tt.weights, tt.total)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("LargestRemainder(%v, %d) error = %v; want %v", tt.weights, tt.total, err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("LargestRemainder(%v, %d) = %v; want %v", tt.weights, tt.total, got, tt.want)
			}
			if !cmp.Equal(in, tt.weights, cmpopts.EquateNaNs()) {
				t.Errorf("LargestRemainder modified its weights: %v; was %v", tt.weights, in)
			}
		})
	}
	var ve *metric.ValueError
	if _, err := metric.LargestRemainder([]float64{1, 2, -3}, 5); !errors.As(err, &ve) || ve.Index != 2 || ve.Arg != "weights" {
		t.Errorf("LargestRemainder(weights[2] = -3) error = %v; want a *ValueError for weights[2]", err)
	}
}

func TestLargestRemainderProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for trial := range 2000 {
		n := 1 + rng.IntN(20)
		w := make([]float64, n)
		for i := range w {
			switch rng.IntN(4) {
			case 0: // leave 0
			case 1:
				w[i] = float64(rng.IntN(5)) // integer ties
			default:
				w[i] = rng.ExpFloat64() * math.Pow(10, float64(rng.IntN(20)-10))
			}
		}
		total := rng.IntN(1000)
		if trial%10 == 0 {
			total = rng.IntN(1 << 40)
		}
		checkLargestRemainder(t, w, total)
	}
}

// checkLargestRemainder checks the defining properties of the Hamilton
// apportionment of total among w.
func checkLargestRemainder(t *testing.T, w []float64, total int) {
	t.Helper()
	got, err := metric.LargestRemainder(w, total)
	if slices.Max(w) == 0 {
		if !errors.Is(err, metric.ErrNoWeight) {
			t.Errorf("LargestRemainder(%v, %d) error = %v; want ErrNoWeight", w, total, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("LargestRemainder(%v, %d): %v", w, total, err)
	}
	var sum, extra int
	top := slices.Max(w)
	var s float64
	for _, x := range w {
		s += x / top
	}
	minGot, maxMissed := math.Inf(1), math.Inf(-1) // remainders that got / missed an extra unit
	for i, x := range w {
		sum += got[i]
		q := float64(total) * (x / top) / s
		f := math.Floor(q)
		if x == 0 && got[i] != 0 {
			t.Errorf("LargestRemainder(%v, %d)[%d] = %d for a zero weight", w, total, i, got[i])
		}
		// Each share is the quota rounded down or up (with slack for the
		// rounding of q itself).
		if float64(got[i]) < f-1 || float64(got[i]) > math.Ceil(q)+1 {
			t.Errorf("LargestRemainder(%v, %d)[%d] = %d; want ⌊%v⌋ or ⌈%v⌉", w, total, i, got[i], q, q)
		}
		if total < 1<<20 && x > 0 {
			if float64(got[i]) > f {
				extra++
				minGot = min(minGot, q-f)
			} else {
				maxMissed = max(maxMissed, q-f)
			}
		}
	}
	if sum != total {
		t.Errorf("Σ LargestRemainder(%v, %d) = %d; want %d", w, total, sum, total)
	}
	// No remainder that missed out is clearly larger than one that got a unit.
	if extra > 0 && maxMissed > minGot+1e-9 {
		t.Errorf("LargestRemainder(%v, %d) = %v: remainder %v missed out while %v got a unit", w, total, got, maxMissed, minGot)
	}
}

func FuzzLargestRemainder(f *testing.F) {
	f.Add(47000.0, 16000.0, 15800.0, 12000.0, uint16(10))
	f.Add(1.0, 1.0, 1.0, 0.0, uint16(2))
	f.Add(0.0, 0.0, 0.0, 1e-300, uint16(65535))
	f.Fuzz(func(t *testing.T, a, b, c, d float64, total uint16) {
		w := []float64{a, b, c, d}
		for _, x := range w {
			if !(x >= 0) || math.IsInf(x, 1) {
				if _, err := metric.LargestRemainder(w, int(total)); !errors.Is(err, metric.ErrInvalid) {
					t.Errorf("LargestRemainder(%v, %d) error = %v; want ErrInvalid", w, total, err)
				}
				return
			}
		}
		checkLargestRemainder(t, w, int(total))
	})
}
