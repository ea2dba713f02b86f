package calibrate

import (
	"errors"
	"fmt"
	"math"

	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/calibrate/metric"
	"github.com/icpkit/icpkit/icp"
)

// ErrNoPositiveEffect is returned when no criterion predicts winning.
var ErrNoPositiveEffect = errors.New("calibrate: no criterion has a positive effect on winning; no points can be suggested")

// suggestPoints turns the positive coefficients into whole points adding
// up to total by largest-remainder rounding:
//
//	points_j = total × b_j⁺ / Σ_k b_k⁺
//
// With x_j in [0, 1], b_j is the change in log-odds from no points to full
// points on criterion j, so points proportional to b_j make the score a
// linear function of the log-odds: each point adds Σb⁺/total to it. The
// second result is Σb⁺.
func suggestPoints(fit *logit.Result, total float64) ([]int, float64, error) {
	w := make([]float64, len(fit.Coefficients))
	sum := 0.0
	for j, c := range fit.Coefficients {
		if c.Estimate > 0 && !math.IsInf(c.Estimate, 0) {
			w[j] = c.Estimate
			sum += c.Estimate
		}
	}
	if sum == 0 {
		return nil, 0, ErrNoPositiveEffect
	}
	pts, err := metric.LargestRemainder(w, int(math.Round(total)))
	if err != nil {
		return nil, 0, fmt.Errorf("calibrate: suggest points: %w", err)
	}
	return pts, sum, nil
}

// suggestThresholds places the tiers on the suggested score. The line
// between the second-best tier and the rest is the score that best splits
// wins from losses (Youden's J: share of wins kept minus share of losses
// kept); the best tier starts at the lowest score above the line where
// deals at or above it win at least twice the base rate (or halfway from
// the base rate to certainty, when that is lower), with at least 10 deals. Models with more tiers keep their other
// lines in proportion.
func suggestThresholds(cur []icp.Tier, score []float64, won []bool) []icp.Tier {
	out := append([]icp.Tier(nil), cur...)
	if len(cur) < 2 {
		return out
	}
	var nWon, nLost float64
	for _, w := range won {
		if w {
			nWon++
		} else {
			nLost++
		}
	}
	bestJ, line := -1.0, cur[1].Min
	for t := 5.0; t <= 95; t += 5 {
		var kw, kl float64
		for i, s := range score {
			if s >= t {
				if won[i] {
					kw++
				} else {
					kl++
				}
			}
		}
		if j := kw/nWon - kl/nLost; j > bestJ+1e-12 {
			bestJ, line = j, t
		}
	}
	base := nWon / (nWon + nLost)
	top := math.NaN()
	for t := line + 5; t <= 95; t += 5 {
		var k, kw float64
		for i, s := range score {
			if s >= t {
				k++
				if won[i] {
					kw++
				}
			}
		}
		if k >= 10 && kw/k >= math.Min(2*base, (1+base)/2) {
			top = t
			break
		}
	}
	if math.IsNaN(top) {
		top = math.Min(95, line+15)
	}
	if len(cur) == 2 {
		out[0].Min, out[1].Min = line, 0
		return out
	}
	out[0].Min, out[1].Min = top, line
	// Tiers below the second keep their spacing, scaled into [0, line).
	for k := 2; k < len(cur)-1; k++ {
		out[k].Min = math.Round(cur[k].Min / cur[1].Min * line)
	}
	out[len(out)-1].Min = 0
	return out
}

// suggestSpec writes the suggested points and thresholds into a copy of
// the model file. Sub-points (bands, values, kinds, each) scale with their
// criterion; criteria suggested 0 points are left out (listed in the
// review as negative-ICP or weak criteria).
func suggestSpec(m *icp.Model, prof int, pts []int, tiers []icp.Tier) (*icp.Spec, error) {
	s := m.Spec()
	crit := &s.Criteria
	if len(s.Profiles) > 0 {
		crit = &s.Profiles[prof].Criteria
	}
	var kept []icp.Criterion
	for j := range *crit {
		c := (*crit)[j]
		if pts[j] == 0 {
			continue
		}
		old := m.Criteria(prof)[j].Max
		scaleCriterion(&c, old, float64(pts[j]))
		kept = append(kept, c)
	}
	*crit = kept
	for k := range s.Tiers {
		if k < len(tiers) {
			s.Tiers[k].Min = tiers[k].Min
		}
	}
	if s.Version != "" {
		s.Version += "-suggested"
	} else {
		s.Version = "suggested"
	}
	if _, err := icp.Compile("suggested model", s); err != nil {
		return nil, fmt.Errorf("calibrate: the suggested model does not compile: %w", err)
	}
	return s, nil
}

func scaleCriterion(c *icp.Criterion, old, now float64) {
	f := now / old
	sc := func(v float64) float64 { return math.Round(v*f*10) / 10 }
	c.Points = now
	for i := range c.Bands {
		if c.Bands[i].Points >= old-1e-9 {
			c.Bands[i].Points = now
		} else {
			c.Bands[i].Points = sc(c.Bands[i].Points)
		}
	}
	for i := range c.Values {
		if p := c.Values[i].Points; p != nil {
			v := sc(*p)
			if *p >= old-1e-9 {
				v = now
			}
			c.Values[i].Points = &v
		}
	}
	for i := range c.Kinds {
		if p := c.Kinds[i].Points; p != nil {
			v := sc(*p)
			if *p >= old-1e-9 {
				v = now
			}
			c.Kinds[i].Points = &v
		}
	}
	if c.Each > 0 {
		c.Each = sc(c.Each)
		if n := float64(len(c.Values)); c.Each*n < now {
			c.Each = math.Ceil(now/n*10) / 10
		}
	}
}
