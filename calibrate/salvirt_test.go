package calibrate_test

import (
	"math"
	"testing"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
)

// rCoef is one coefficient as R printed it.
type rCoef struct {
	name    string
	est, se float64
}

// References: the design matrix calibrate builds from testdata/salvirt
// (x = points earned / maximum per criterion of testdata/salvirt/model.yaml,
// 448 deals) written to CSV and fitted by ../shared/peers/logit_reference.R
// with R 4.2.2: glm(won ~ ., binomial, epsilon 1e-12) for ML and brglm2 0.9
// glm(..., method = "brglmFit", type = "AS_mean") for Firth.
var (
	salvirtML = []rCoef{
		{"(Intercept)", -2.37086351758, 0.535242867376},
		{"company_size", -0.297276792633, 0.381594793021},
		{"current_client", 1.258331637, 0.377458185082},
		{"up_sale", 1.07115184814, 0.336583230939},
		{"no_competitors", 0.932828572278, 0.294122715692},
		{"budget", 0.500047402406, 0.241029097765},
		{"authority", 0.466411604925, 0.740890431355},
		{"partnership", 0.918186598246, 0.384842442246},
	}
	salvirtMLLogLik = -229.825464771321
	salvirtFirth    = []rCoef{
		{"(Intercept)", -2.3180435899, 0.529359243334},
		{"company_size", -0.282930392852, 0.378368155211},
		{"current_client", 1.22466179341, 0.375138846905},
		{"up_sale", 1.05027514022, 0.335563897821},
		{"no_competitors", 0.913247876471, 0.292487529951},
		{"budget", 0.48500072779, 0.239209220278},
		{"authority", 0.459552537082, 0.734169068937},
		{"partnership", 0.887929543411, 0.381275758278},
	}
)

// relTol is the agreement asked of estimates and standard errors.
const relTol = 1e-6

func readSalvirt(t *testing.T) (*icp.Model, []icp.Opportunity) {
	t.Helper()
	m, err := icp.Load("../testdata/salvirt/model.yaml")
	if err != nil {
		t.Fatal(err)
	}
	o := crm.Options{Columns: m.Columns()}
	for _, c := range m.CustomFields() {
		o.Custom = append(o.Custom, crm.CustomField{Name: c.Name, Kind: c.Kind})
	}
	tb, err := crm.OpenTable("../testdata/salvirt/salvirt.csv", o)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	deals, rej, err := crm.ReadOpportunities(tb)
	if err != nil || len(rej) > 0 {
		t.Fatalf("reading salvirt: %d rejects, %v", len(rej), err)
	}
	return m, deals
}

func TestSalvirtAgreesWithR(t *testing.T) {
	m, deals := readSalvirt(t)
	for _, tt := range []struct {
		method logit.Method
		want   []rCoef
	}{{logit.ML, salvirtML}, {logit.Firth, salvirtFirth}} {
		t.Run(tt.method.String(), func(t *testing.T) {
			res, err := calibrate.Run(m, deals, calibrate.Settings{Method: tt.method, Folds: -1})
			if err != nil {
				t.Fatal(err)
			}
			if res.N != 448 || res.Won != 227 {
				t.Fatalf("n = %d, won = %d; want 448 and 227", res.N, res.Won)
			}
			got := append([]logit.Coef{res.Fit.Intercept}, res.Fit.Coefficients...)
			for i, w := range tt.want {
				g := got[i]
				if rel(g.Estimate, w.est) > relTol || rel(g.StdError, w.se) > relTol {
					t.Errorf("%s: estimate %.12g (se %.12g); want %.12g (se %.12g) within relative %g", w.name, g.Estimate, g.StdError, w.est, w.se, relTol)
				}
			}
			if tt.method == logit.ML && rel(res.Fit.LogLikelihood, salvirtMLLogLik) > relTol {
				t.Errorf("log-likelihood %.12g; want %.12g", res.Fit.LogLikelihood, salvirtMLLogLik)
			}
		})
	}
}

func rel(got, want float64) float64 { return math.Abs(got-want) / math.Max(math.Abs(want), 1e-12) }
