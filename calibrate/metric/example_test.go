package metric_test

import (
	"fmt"

	"github.com/icpkit/icpkit/calibrate/metric"
)

// Last quarter's closed deals: the ICP score at creation and the outcome.
var (
	scores = []float64{0.91, 0.85, 0.82, 0.77, 0.71, 0.66, 0.64, 0.58, 0.52, 0.47, 0.41, 0.38, 0.33, 0.29, 0.22, 0.18, 0.15, 0.12, 0.08, 0.05}
	won    = []bool{true, true, false, true, true, false, true, false, true, false, false, true, false, false, false, true, false, false, false, false}
)

func ExampleAUC() {
	fmt.Printf("AUC = %.3f\n", metric.AUC(scores, won, nil))
	// Weight each deal by its amount in $k.
	amount := []float64{120, 40, 35, 60, 80, 20, 45, 30, 25, 15, 50, 10, 12, 18, 9, 22, 14, 8, 11, 5}
	fmt.Printf("amount-weighted AUC = %.3f\n", metric.AUC(scores, won, amount))
	// Output:
	// AUC = 0.792
	// amount-weighted AUC = 0.834
}

func ExampleDeLong() {
	auc, se, low, high, err := metric.DeLong(scores, won)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("AUC %.3f (SE %.3f), 95%% CI %.3f–%.3f\n", auc, se, low, high)

	_, _, _, _, err = metric.DeLong([]float64{0.9, 0.4, 0.2}, []bool{true, false, false})
	fmt.Println(err)
	// Output:
	// AUC 0.792 (SE 0.106), 95% CI 0.584–1.000
	// metric: delong: 1 won, 2 lost: too few won or lost deals
}

func ExampleWilson() {
	// 7 of 20 deals in the top tier were won.
	low, high := metric.Wilson(7, 20, 0.95)
	fmt.Printf("win rate 35%%, 95%% CI %.1f%%–%.1f%%\n", 100*low, 100*high)
	// Output:
	// win rate 35%, 95% CI 18.1%–56.7%
}

func ExampleLogLoss() {
	fmt.Printf("log loss %.4f\n", metric.LogLoss(scores, won, nil))
	// A constant prediction of the 40% base rate, for comparison.
	base := make([]float64, len(scores))
	for i := range base {
		base[i] = 0.4
	}
	fmt.Printf("base rate %.4f\n", metric.LogLoss(base, won, nil))
	// Output:
	// log loss 0.5442
	// base rate 0.6730
}

func ExampleBrier() {
	fmt.Printf("Brier %.4f\n", metric.Brier(scores, won, nil))
	// Output:
	// Brier 0.1852
}

func ExampleCalibrationSlope() {
	intercept, slope, err := metric.CalibrationSlope(scores, won, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("calibration-in-the-large %.3f, slope %.3f\n", intercept, slope)
	// Output:
	// calibration-in-the-large -0.327, slope 0.918
}

func ExampleReliability() {
	for _, b := range metric.Reliability(scores, won, nil, 4) {
		fmt.Printf("%.2f–%.2f  n=%v  predicted %.2f  observed %.2f [%.2f, %.2f]\n",
			b.Low, b.High, b.N, b.Predicted, b.Observed, b.ObsLow, b.ObsHigh)
	}
	// Output:
	// 0.05–0.18  n=5  predicted 0.12  observed 0.20 [0.04, 0.62]
	// 0.22–0.41  n=5  predicted 0.33  observed 0.20 [0.04, 0.62]
	// 0.47–0.66  n=5  predicted 0.57  observed 0.40 [0.12, 0.77]
	// 0.71–0.91  n=5  predicted 0.81  observed 0.80 [0.38, 0.96]
}

func ExampleLift() {
	fmt.Println("group  scores     win rate  lift  cum. wins")
	for _, d := range metric.Lift(scores, won, nil, 4) {
		fmt.Printf("%5d  %.2f–%.2f  %8.2f  %4.2f  %9.2f\n",
			d.Group, d.Low, d.High, d.WinRate, d.Lift, d.CumulativeWinsShare)
	}
	// Output:
	// group  scores     win rate  lift  cum. wins
	//     1  0.71–0.91      0.80  2.00       0.50
	//     2  0.47–0.66      0.40  1.00       0.75
	//     3  0.22–0.41      0.20  0.50       0.88
	//     4  0.05–0.18      0.20  0.50       1.00
}

func ExamplePSI() {
	// This quarter's open pipeline scores against last quarter's.
	current := []float64{0.95, 0.93, 0.88, 0.86, 0.81, 0.79, 0.74, 0.69, 0.66, 0.61, 0.57, 0.55, 0.49, 0.44, 0.39, 0.35, 0.31, 0.26, 0.21, 0.17}
	psi, bins := metric.PSI(scores, current, []float64{0.25, 0.5, 0.75})
	for _, b := range bins {
		fmt.Printf("(%v, %v]  expected %.2f  actual %.2f\n", b.Low, b.High, b.Expected, b.Actual)
	}
	switch {
	case psi < metric.PSIModerate:
		fmt.Printf("PSI %.3f: stable\n", psi)
	case psi < metric.PSIMajor:
		fmt.Printf("PSI %.3f: moderate shift\n", psi)
	default:
		fmt.Printf("PSI %.3f: major shift\n", psi)
	}
	// Output:
	// (-Inf, 0.25]  expected 0.30  actual 0.10
	// (0.25, 0.5]  expected 0.25  actual 0.30
	// (0.5, 0.75]  expected 0.25  actual 0.30
	// (0.75, +Inf]  expected 0.20  actual 0.30
	// PSI 0.279: major shift
}

func ExampleTwoProportion() {
	// Q1: 38 of 120 deals won; Q2: 21 of 110.
	diff, z, p := metric.TwoProportion(38, 120, 21, 110)
	fmt.Printf("win rate fell %.1f points, z = %.2f, two-sided p = %.3f, one-sided p = %.3f\n",
		100*diff, z, p, p/2)
	// Output:
	// win rate fell 12.6 points, z = 2.18, two-sided p = 0.029, one-sided p = 0.015
}

func ExampleFisherExact() {
	// Enterprise segment: Q1 won 9 of 12, Q2 won 3 of 11.
	p := metric.FisherExact(9, 3, 3, 8)
	fmt.Printf("p = %.4f\n", p)
	// Output:
	// p = 0.0391
}

func ExampleLargestRemainder() {
	// Split 25 SDR-qualified meetings across tiers in proportion to their
	// pipeline value.
	seats, err := metric.LargestRemainder([]float64{410, 270, 180, 90}, 25)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(seats)
	// Output:
	// [11 7 5 2]
}
