package calibrate

import (
	"math"

	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/calibrate/metric"
)

// curve bins the current score in tens and fits won on score/100 (Firth,
// so it stays finite when high scores always win).
func curve(d *design) []CurvePoint {
	out := make([]CurvePoint, bins)
	sum := make([]float64, bins)
	for i, s := range d.score {
		b := int(s / 10)
		if b >= bins {
			b = bins - 1
		}
		if b < 0 {
			b = 0
		}
		out[b].Deals++
		sum[b] += s
		if d.won[i] {
			out[b].Won++
		}
	}
	platt := plattFit(d.score, d.won, nil)
	for b := range out {
		c := &out[b]
		c.Low, c.High = float64(b*10), float64(b*10+10)
		c.Observed = rate(c.Won, c.Deals)
		c.ObsLow, c.ObsHigh = metric.Wilson(float64(c.Won), float64(c.Deals), metric.Confidence)
		mid := (c.Low + c.High) / 2
		if c.Deals > 0 {
			mid = sum[b] / float64(c.Deals)
		}
		c.Fitted = platt.prob(mid)
	}
	return out
}

// platt maps a 0–100 score to a win probability: p = σ(a + b·score/100).
type platt struct{ a, b float64 }

func (p platt) prob(score float64) float64 { return 1 / (1 + math.Exp(-(p.a + p.b*score/100))) }

// plattFit fits p on the deals in sel (all when nil). With one outcome
// only, it returns the smoothed base rate.
func plattFit(score []float64, won []bool, sel []int) platt {
	var x []float64
	var y []bool
	if sel == nil {
		x = make([]float64, len(score))
		for i, s := range score {
			x[i] = s / 100
		}
		y = won
	} else {
		for _, i := range sel {
			x = append(x, score[i]/100)
			y = append(y, won[i])
		}
	}
	set := logit.DefaultSettings
	set.Method = logit.Firth
	set.Wald = true
	fit, err := logit.Fit(logit.Design{Names: []string{"score"}, X: x, Won: y}, set)
	if err != nil || len(fit.Coefficients) != 1 {
		var w float64
		for _, v := range y {
			if v {
				w++
			}
		}
		r := (w + 0.5) / (float64(len(y)) + 1)
		return platt{a: math.Log(r / (1 - r))}
	}
	return platt{a: fit.AdjustedIntercept, b: fit.Coefficients[0].Estimate}
}

// capacity tabulates, for thresholds 0, 5, …, 100, the share of deals and
// of wins at or above the threshold for the current and suggested scores.
func capacity(cur, sug []float64, won []bool) []Capacity {
	var nWon float64
	for _, w := range won {
		if w {
			nWon++
		}
	}
	n := float64(len(won))
	var out []Capacity
	for t := 0.0; t <= 100; t += 5 {
		var c Capacity
		c.Score = t
		var k, kw, sk, skw float64
		for i := range won {
			if cur[i] >= t {
				k++
				if won[i] {
					kw++
				}
			}
			if sug != nil && sug[i] >= t {
				sk++
				if won[i] {
					skw++
				}
			}
		}
		c.DealsShare, c.WinsShare = k/n, safeDiv(kw, nWon)
		c.WinRateAbove, c.WinRateBelow = safeDiv(kw, k), safeDiv(nWon-kw, n-k)
		if sug != nil {
			c.SuggestedDealsShare, c.SuggestedWinsShare, c.SuggestedWinRateAbove = sk/n, safeDiv(skw, nWon), safeDiv(skw, sk)
		}
		out = append(out, c)
	}
	return out
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
