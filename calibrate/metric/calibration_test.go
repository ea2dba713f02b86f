package metric_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/calibrate/metric"
)

func TestCalibrationSlope(t *testing.T) {
	tests := []struct {
		name          string
		w             []float64
		wantIntercept float64
		wantSlope     float64
	}{
		// statsmodels 0.13.5 GLM(won, 1, Binomial, offset=logit(pred)) and
		// GLM(won, [1, logit(pred)], Binomial), freq_weights=w when weighted,
		// on deals40 (testdata/reference.py). R 4.2.2 glm(won ~ offset(x))
		// and glm(won ~ x) (testdata/reference.R) agree to 1e-14:
		// 0.10101465158939384, 0.65614042209810663 and
		// 0.01790818327547786, 0.83965967299988675.
		{"deals40", nil, 0.10101465158939403, 0.6561404220981165},
		{"deals40 weighted", deals40W, 0.017908183275477538, 0.8396596729998876},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, err := metric.CalibrationSlope(deals40Pred, deals40Won, tt.w)
			if err != nil {
				t.Fatalf("CalibrationSlope: %v", err)
			}
			got, want := [2]float64{a, b}, [2]float64{tt.wantIntercept, tt.wantSlope}
			if !cmp.Equal(got, want, cmpopts.EquateApprox(fitTol, 0)) {
				t.Errorf("CalibrationSlope(deals40, %v) = %v, %v; want %v, %v", tt.w, a, b, tt.wantIntercept, tt.wantSlope)
			}
		})
	}
	unchanged(t, func() { metric.CalibrationSlope(deals40Pred, deals40Won, deals40W) })
}

// Recalibrating the predictions with the fitted slope model gives a
// perfectly calibrated model: the score equations of the slope fit are
// those of intercept 0 and slope 1 for the recalibrated predictions.
func TestCalibrationSlopeRecalibrated(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 20 {
		n := 20 + rng.IntN(500)
		pred := make([]float64, n)
		won := make([]bool, n)
		w := make([]float64, n)
		for i := range pred {
			pred[i] = 0.02 + 0.96*rng.Float64()
			won[i] = rng.Float64() < pred[i]*pred[i]
			w[i] = float64(1 + rng.IntN(3))
		}
		_, b, err := metric.CalibrationSlope(pred, won, w)
		if errors.Is(err, metric.ErrSeparation) {
			continue // a small draw can have few wins, all scored high
		}
		if err != nil {
			t.Fatalf("trial %d: CalibrationSlope: %v", trial, err)
		}
		// The slope model's intercept a follows from the recalibrated
		// predictions having intercept 0; find it by fitting with slope b.
		a := interceptGivenSlope(pred, won, w, b)
		re := make([]float64, n)
		for i, p := range pred {
			x := math.Log(p / (1 - p))
			re[i] = 1 / (1 + math.Exp(-(a + b*x)))
		}
		ia, ib, err := metric.CalibrationSlope(re, won, w)
		if err != nil {
			t.Fatalf("trial %d: CalibrationSlope(recalibrated): %v", trial, err)
		}
		if math.Abs(ia) > 1e-8 || math.Abs(ib-1) > 1e-8 {
			t.Errorf("trial %d: CalibrationSlope(recalibrated) = %v, %v; want 0, 1", trial, ia, ib)
		}
	}
}

// interceptGivenSlope solves Σ wᵢ (yᵢ - σ(a + b·xᵢ)) = 0 for a by bisection.
func interceptGivenSlope(pred []float64, won []bool, w []float64, b float64) float64 {
	score := func(a float64) float64 {
		var s float64
		for i, p := range pred {
			x := math.Log(p / (1 - p))
			s -= w[i] / (1 + math.Exp(-(a + b*x)))
			if won[i] {
				s += w[i]
			}
		}
		return s
	}
	lo, hi := -50.0, 50.0
	for range 200 {
		mid := (lo + hi) / 2
		if score(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func TestCalibrationSlopeErrors(t *testing.T) {
	tests := []struct {
		name          string
		pred          []float64
		won           []bool
		w             []float64
		want          error
		wantIntercept bool // intercept fitted despite the error
	}{
		{"empty", nil, nil, nil, metric.ErrNoWeight, false},
		{"zero weights", []float64{0.3, 0.6}, bools(1, 0), []float64{0, 0}, metric.ErrNoWeight, false},
		{"all won", []float64{0.3, 0.6}, bools(1, 1), nil, metric.ErrOneClass, false},
		{"all lost", []float64{0.3, 0.6}, bools(0, 0), nil, metric.ErrOneClass, false},
		{"one row", []float64{0.3}, bools(1), nil, metric.ErrOneClass, false},
		{"lost weight zero", []float64{0.3, 0.6}, bools(1, 0), []float64{1, 0}, metric.ErrOneClass, false},
		{"pred 0", []float64{0.3, 0}, bools(1, 0), nil, metric.ErrInvalid, false},
		{"pred 1", []float64{1, 0.3}, bools(1, 0), nil, metric.ErrInvalid, false},
		{"NaN", []float64{math.NaN(), 0.3}, bools(1, 0), nil, metric.ErrInvalid, false},
		{"negative weight", []float64{0.6, 0.3}, bools(1, 0), []float64{1, -2}, metric.ErrInvalid, false},
		{"constant", []float64{0.3, 0.3, 0.3}, bools(1, 0, 0), nil, metric.ErrConstant, true},
		{"separated", []float64{0.2, 0.3, 0.6, 0.7}, bools(0, 0, 1, 1), nil, metric.ErrSeparation, true},
		{"reversed", []float64{0.2, 0.3, 0.6, 0.7}, bools(1, 1, 0, 0), nil, metric.ErrSeparation, true},
		{"quasi-separated", []float64{0.2, 0.5, 0.5, 0.7}, bools(0, 0, 1, 1), nil, metric.ErrSeparation, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, err := metric.CalibrationSlope(tt.pred, tt.won, tt.w)
			if !errors.Is(err, tt.want) {
				t.Fatalf("CalibrationSlope(%v, %v, %v) error = %v; want %v", tt.pred, tt.won, tt.w, err, tt.want)
			}
			if !math.IsNaN(b) || math.IsNaN(a) == tt.wantIntercept {
				t.Errorf("CalibrationSlope(%v, %v, %v) = %v, %v; want intercept fitted %v, slope NaN", tt.pred, tt.won, tt.w, a, b, tt.wantIntercept)
			}
		})
	}
}

// The intercept of a constant prediction p with observed rate r is
// logit(r) - logit(p), in closed form.
func TestCalibrationInTheLargeConstant(t *testing.T) {
	a, _, err := metric.CalibrationSlope([]float64{0.3, 0.3, 0.3, 0.3}, bools(1, 0, 0, 0), nil)
	if !errors.Is(err, metric.ErrConstant) {
		t.Fatalf("CalibrationSlope(constant) error = %v; want ErrConstant", err)
	}
	want := math.Log(0.25/0.75) - math.Log(0.3/0.7)
	if !cmp.Equal(a, want, cmpopts.EquateApprox(fitTol, 0)) {
		t.Errorf("CalibrationSlope(constant 0.3, rate 0.25) intercept = %v; want %v", a, want)
	}
}
