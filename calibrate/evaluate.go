package calibrate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/calibrate/metric"
	"github.com/icpkit/icpkit/icp"
)

// Names of the compared models.
const (
	ModelCurrent   = "current"
	ModelSuggested = "suggested"
	ModelEqual     = "equal weights"
)

// evaluate compares the current model, the suggestion and equal weights
// out of sample. Each split fits the suggestion and the score-to-win-rate
// maps on the training deals only, then scores the held-out deals:
//
//   - k-fold cross-validation: deals shuffled with the seed into k folds,
//     each held out once; the held-out predictions are pooled.
//   - time split: the latest close period is held out, earlier ones train.
func evaluate(m *icp.Model, d *design, s Settings) []Evaluation {
	var out []Evaluation
	pool, note := validationPool(d.n(), s.Seed)
	n := len(pool)
	if s.Folds >= 2 && n >= 2*s.Folds {
		fold := make([]int, n)
		perm := rand.New(rand.NewPCG(s.Seed, 0x1c9)).Perm(n)
		for k, i := range perm {
			fold[i] = k % s.Folds
		}
		var tests [][]int
		var trains [][]int
		for f := 0; f < s.Folds; f++ {
			var tr, te []int
			for k, i := range pool {
				if fold[k] == f {
					te = append(te, i)
				} else {
					tr = append(tr, i)
				}
			}
			trains, tests = append(trains, tr), append(tests, te)
		}
		out = append(out, split(m, d, s, fmt.Sprintf("%d-fold cross-validation%s", s.Folds, note), trains, tests)...)
	}
	labels, idx := periods(s.Period, d.closed)
	if len(labels) >= 2 {
		last := len(labels) - 1
		var tr, te []int
		for _, i := range pool {
			if idx[i] == last {
				te = append(te, i)
			} else {
				tr = append(tr, i)
			}
		}
		out = append(out, split(m, d, s, "time split: test "+labels[last]+note, [][]int{tr}, [][]int{te})...)
	}
	return out
}

// MaxValidationDeals bounds the deals the out-of-sample comparison refits
// on: past it a seeded random sample of this many deals is used, which
// measures AUC to about ±0.003 and keeps a million-deal calibration to
// seconds. The main fit always uses every deal.
const MaxValidationDeals = 200000

// validationPool returns the deals to validate on, in order, and a note
// for the split names when it is a sample.
func validationPool(n int, seed uint64) ([]int, string) {
	if n <= MaxValidationDeals {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		return pool, ""
	}
	pool := rand.New(rand.NewPCG(seed, 0x5a3)).Perm(n)[:MaxValidationDeals]
	slices.Sort(pool)
	return pool, fmt.Sprintf(" (a sample of %d of %d deals)", MaxValidationDeals, n)
}

// split evaluates the three models over the given train/test pairs and
// pools the test predictions.
func split(m *icp.Model, d *design, s Settings, name string, trains, tests [][]int) []Evaluation {
	models := []string{ModelCurrent, ModelSuggested, ModelEqual}
	score := make([][]float64, len(models))
	prob := make([][]float64, len(models))
	var won []bool
	var sel []int
	equal := make([]float64, d.p)
	for j := range equal {
		equal[j] = 1
	}
	eqScore := pointsScore(d, equal)
	note := ""
	for f := range tests {
		tr, te := trains[f], tests[f]
		if len(te) == 0 {
			continue
		}
		sug, err := trainSuggestion(d, tr, s)
		if err != nil {
			note = err.Error()
		}
		scores := [][]float64{d.score, sug, eqScore}
		for k := range models {
			if scores[k] == nil {
				continue
			}
			pl := plattFit(scores[k], d.won, tr)
			for _, i := range te {
				score[k] = append(score[k], scores[k][i])
				prob[k] = append(prob[k], pl.prob(scores[k][i]))
			}
		}
		for _, i := range te {
			won = append(won, d.won[i])
			sel = append(sel, i)
		}
	}
	var out []Evaluation
	for k, name2 := range models {
		e := Evaluation{Split: name, Model: name2, N: len(won)}
		for _, w := range won {
			if w {
				e.Won++
			}
		}
		if len(score[k]) != len(won) {
			e.Note = "no suggestion could be fitted on the training deals: " + note
			out = append(out, e)
			continue
		}
		fill(&e, score[k], prob[k], won)
		tiers := make([]int, len(won))
		for i, sc := range score[k] {
			tiers[i] = tierIndex(m.Tiers(), sc)
		}
		e.Tiers = tierRates(m.Tiers(), tiers, won, nil, nil)
		out = append(out, e)
	}
	return out
}

// trainSuggestion fits the criteria on the training deals and returns the
// suggested-points score of every deal.
func trainSuggestion(d *design, train []int, s Settings) ([]float64, error) {
	x := make([]float64, 0, len(train)*d.p)
	y := make([]bool, 0, len(train))
	for _, i := range train {
		x = append(x, d.row(i)...)
		y = append(y, d.won[i])
	}
	set := logit.DefaultSettings
	set.Method, set.Wald = s.Method, true
	if s.Method == logit.Firth && len(train) > ProfileMaxDeals {
		// Firth's correction shrinks with 1/n; on this many deals the
		// folds are fitted by plain maximum likelihood, several times
		// cheaper per iteration, with the same points to the rounding.
		set.Method = logit.ML
	}
	if s.Method == logit.Ridge {
		set.Lambda = s.Lambda
	}
	fit, err := logit.Fit(logit.Design{Names: d.names, X: x, Won: y}, set)
	if err != nil {
		return nil, err
	}
	pts, _, err := suggestPoints(fit, d.total)
	if err != nil {
		return nil, err
	}
	return pointsScore(d, toFloats(pts)), nil
}

// fill computes the discrimination and calibration figures.
func fill(e *Evaluation, score, prob []float64, won []bool) {
	if e.Won == 0 || e.Won == e.N {
		e.Note = "the test deals are all won or all lost: AUC and calibration are undefined"
		e.LogLoss = finite(metric.LogLoss(prob, won, nil))
		e.Brier = finite(metric.Brier(prob, won, nil))
		return
	}
	auc, _, lo, hi, err := metric.DeLong(score, won)
	if err == nil {
		e.AUC, e.AUCLow, e.AUCHigh = auc, lo, hi
	} else {
		e.AUC = finite(metric.AUC(score, won, nil))
		e.Note = err.Error()
	}
	e.LogLoss = finite(metric.LogLoss(prob, won, nil))
	e.Brier = finite(metric.Brier(prob, won, nil))
	if a, b, err := metric.CalibrationSlope(prob, won, nil); err == nil {
		e.CalibrationIntercept, e.CalibrationSlope = finite(a), finite(b)
	}
	e.Reliability = metric.Reliability(prob, won, nil, bins)
	e.Lift = metric.Lift(score, won, nil, bins)
}

// finite turns NaN and ±Inf into 0; callers note why a figure is missing.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
