package logit_test

import (
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/icpkit/icpkit/calibrate/logit"
)

// Fit with the default settings: Firth's bias-reduced estimates with
// profile-likelihood intervals. In the endometrial data (Heinze &
// Schemper 2002) NV quasi-completely separates the outcome HG, so ML
// estimates do not exist; Firth's are finite, and the separation is
// reported.
func ExampleFit() {
	f, err := os.Open("testdata/endometrial.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	d := logit.Design{Names: recs[0][:3]} // NV, PI, EH; HG is the outcome
	for _, rec := range recs[1:] {
		for _, s := range rec[:3] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				log.Fatal(err)
			}
			d.X = append(d.X, v)
		}
		d.Won = append(d.Won, rec[3] == "1")
	}

	r, err := logit.Fit(d, logit.Settings{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Method, r.Interval, r.Separation, r.SeparatedBy)
	for _, c := range append([]logit.Coef{r.Intercept}, r.Coefficients...) {
		fmt.Printf("%-11s %7.3f [%6.3f, %6.3f]\n", c.Name, c.Estimate, c.CILow, c.CIHigh)
	}
	fmt.Printf("FLIC intercept %.3f\n", r.AdjustedIntercept)
	fmt.Printf("P(HG | NV=1, PI=10, EH=2) = %.3f\n", r.Predict([]float64{1, 10, 2}))
	// Output:
	// firth profile quasi-complete [NV]
	// (Intercept)   3.775 [ 1.083,  7.209]
	// NV            2.929 [ 0.610,  7.855]
	// PI           -0.035 [-0.124,  0.040]
	// EH           -2.604 [-4.365, -1.233]
	// FLIC intercept 3.786
	// P(HG | NV=1, PI=10, EH=2) = 0.761
}

// ML is R's glm. On separated data its estimates diverge; Fit stops where
// the likelihood stops changing, as glm does, and says so.
func ExampleFit_ml() {
	d := logit.Design{
		Names: []string{"fit"},
		X:     []float64{0, 0, 1, 1, 2, 2, 3, 3},
		Won:   []bool{false, false, false, true, true, true, true, true},
	}
	r, err := logit.Fit(d, logit.Settings{Method: logit.ML})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Converged, r.Reason)
	for _, w := range r.Warnings {
		fmt.Println(w)
	}
	// Output:
	// false separation: estimates diverge
	// quasi-complete separation by fit: maximum likelihood estimates do not exist and the reported ones are where the iterations stopped; use Firth
	// only 3 lost cases for 1 predictor, fewer than 10 per predictor: estimates may be unstable
}

// Case weights are frequency weights: a row of weight 4 counts as four
// identical cases, and identical rows are merged before fitting.
func ExampleFit_weights() {
	d := logit.Design{
		Names:  []string{"points"},
		X:      []float64{0, 0, 1, 1, 2, 2},
		Won:    []bool{true, false, true, false, true, false},
		Weight: []float64{1, 4, 2, 2, 3, 1},
	}
	r, err := logit.Fit(d, logit.Settings{Method: logit.ML})
	if err != nil {
		log.Fatal(err)
	}
	c := r.Coefficients[0]
	fmt.Printf("N=%g won=%g rows=%d\n", r.N, r.Won, r.Rows)
	fmt.Printf("%s: log odds ratio %.4f (SE %.4f), odds ratio %.3f\n", c.Name, c.Estimate, c.StdError, c.OddsRatio)
	// Output:
	// N=13 won=6 rows=6
	// points: log odds ratio 1.2451 (SE 0.8033), odds ratio 3.473
}

// Data that cannot be fitted give errors that wrap sentinels such as
// ErrNoVariation, and bad values a *DataError with their position.
func ExampleFit_errors() {
	_, err := logit.Fit(logit.Design{
		Names: []string{"employees"},
		X:     []float64{12, 3},
		Won:   []bool{true, true},
	}, logit.Settings{})
	fmt.Println(err)

	_, err = logit.Fit(logit.Design{
		Names:  []string{"employees"},
		X:      []float64{12, 3},
		Won:    []bool{true, false},
		Weight: []float64{1, -2},
	}, logit.Settings{})
	fmt.Println(err)
	// Output:
	// logit: all 2 cases won: outcome does not vary
	// logit: row 1, column "weight": -2: negative weight
}
