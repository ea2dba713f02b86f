package calibrate

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/icpkit/icpkit/calibrate/metric"
	"github.com/icpkit/icpkit/icp"
)

// review runs the quarterly ICP review checks and returns the findings,
// most severe first.
func review(m *icp.Model, d *design, res *Result, s Settings) []Finding {
	var f []Finding
	f = append(f, sampleFindings(res)...)
	f = append(f, tierFindings(res.Tiers)...)
	line := s.ReviewLine
	if line == 0 {
		line = m.Routing().ReasonBelow
	}
	f = append(f, outOfICPWins(d, s, line)...)
	f = append(f, declineFindings(m, d, s)...)
	f = append(f, driftFindings(d, s)...)
	f = append(f, disqualifierFindings(m, d)...)
	f = append(f, criterionFindings(res)...)
	// Many segments are tested at once: Bonferroni keeps the chance of any
	// false alarm at Alpha.
	for _, seg := range res.Segments {
		if seg.Z > 0 && seg.PValue < Alpha/float64(len(res.Segments)) && seg.MeanScore < line {
			f = append(f, Finding{Kind: "segment_missed", Severity: Action,
				Title:    fmt.Sprintf("%s %s wins %s of its deals though it scores %.0f on average: a segment the model does not capture; consider a criterion or a second ICP", strings.ReplaceAll(seg.Field, "_", " "), seg.Value, pct(seg.WinRate), seg.MeanScore),
				Evidence: []string{fmt.Sprintf("%d of %d won; the fitted model expects %.0f (z = %.1f, %s)", seg.Won, seg.Deals, seg.Expected, seg.Z, pval(seg.PValue))}})
		}
	}
	sort.SliceStable(f, func(i, j int) bool { return f[i].Severity > f[j].Severity })
	return f
}

func sampleFindings(res *Result) []Finding {
	var f []Finding
	if res.Won < MinWins || res.Lost < MinWins {
		f = append(f, Finding{Kind: "sample_size", Severity: Warning,
			Title:    fmt.Sprintf("Only %d won and %d lost deals: the sample is limited, so treat the suggested points as a hypothesis to test next quarter", res.Won, res.Lost),
			Evidence: []string{fmt.Sprintf("the playbook starts from 20 best customers; fewer than %d of either outcome leaves wide intervals", MinWins)}})
	}
	return f
}

// tierFindings checks that each tier converts better than the next, and
// meaningfully so (Wilson intervals do not overlap).
func tierFindings(tiers []TierRate) []Finding {
	var f []Finding
	for i := 0; i+1 < len(tiers); i++ {
		a, b := tiers[i], tiers[i+1]
		if a.Tier == icp.TierDisqualified || b.Tier == icp.TierDisqualified || a.Deals == 0 || b.Deals == 0 {
			continue
		}
		ev := []string{tierEvidence(a), tierEvidence(b)}
		switch {
		case a.High < b.Low:
			f = append(f, Finding{Kind: "tiers_not_monotone", Severity: Action,
				Title:    fmt.Sprintf("%s converts worse than %s: the tier definitions are wrong or the criteria are not predictive", a.Tier, b.Tier),
				Evidence: ev})
		case a.Low <= b.High:
			f = append(f, Finding{Kind: "tiers_not_separated", Severity: Warning,
				Title:    fmt.Sprintf("%s does not convert meaningfully better than %s: their 95%% intervals overlap", a.Tier, b.Tier),
				Evidence: ev})
		}
	}
	return f
}

func tierEvidence(t TierRate) string {
	return fmt.Sprintf("%s: %d of %d won, %s (95%% CI %s–%s)", t.Tier, t.Won, t.Deals, pct(t.WinRate), pct(t.Low), pct(t.High))
}

// outOfICPWins looks at won deals scored below the review line and what
// they have in common: values over-represented among them compared with
// all closed deals.
func outOfICPWins(d *design, s Settings, line float64) []Finding {
	var sel, below []int
	var wins int
	for i, w := range d.won {
		if d.score[i] < line {
			below = append(below, i)
		}
		if w {
			wins++
			if d.score[i] < line {
				sel = append(sel, i)
			}
		}
	}
	if len(sel) == 0 || wins == 0 {
		return nil
	}
	fd := Finding{Kind: "out_of_icp_wins", Severity: Info,
		Title: fmt.Sprintf("%d of %d wins (%s) scored below %s: wins outside the ICP", len(sel), wins, pct(float64(len(sel))/float64(wins)), fmtNum(line))}
	type common struct {
		text string
		lift float64
	}
	var cs []common
	for _, field := range []string{"industry", "size_band", "country", "region", "funding_stage"} {
		labels, members := groupValues(d, field, sel)
		allLabels, allMembers := groupValues(d, field, below)
		total := map[string]int{}
		for g, l := range allLabels {
			total[fold(l)] = len(allMembers[g])
		}
		for g, l := range labels {
			k := len(members[g])
			share := float64(k) / float64(len(sel))
			base := float64(total[fold(l)]) / float64(len(below))
			if k >= 3 && k*10 >= len(sel) && base > 0 && share/base >= 1.5 {
				cs = append(cs, common{fmt.Sprintf("%s %s: %d of %d out-of-ICP wins (%s) vs %s of all closed deals below the line", strings.ReplaceAll(field, "_", " "), l, k, len(sel), pct(share), pct(base)), share / base})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].lift > cs[j].lift })
	for i, c := range cs {
		if i == 3 {
			break
		}
		fd.Evidence = append(fd.Evidence, c.text)
	}
	if len(cs) > 0 {
		fd.Severity = Warning
		fd.Title += "; they have something in common (below): there may be a segment you have not defined yet"
	}
	return []Finding{fd}
}

// declineFindings compares the win rate of the last two periods with all
// earlier ones, per tier: a two-proportion z test, or Fisher's exact test
// when a cell is small.
func declineFindings(m *icp.Model, d *design, s Settings) []Finding {
	labels, idx := periods(s.Period, d.closed)
	if len(labels) < 3 {
		return nil
	}
	cut := len(labels) - 2
	recent := labels[cut] + " to " + labels[len(labels)-1]
	var f []Finding
	tiers := m.Tiers()
	for t := range tiers {
		var w1, n1, w2, n2 int
		for i := range d.won {
			if d.tier[i] != t {
				continue
			}
			if idx[i] >= cut {
				n2++
				if d.won[i] {
					w2++
				}
			} else {
				n1++
				if d.won[i] {
					w1++
				}
			}
		}
		if n1 < 10 || n2 < 10 {
			continue
		}
		diff, _, p := metric.TwoProportion(float64(w2), float64(n2), float64(w1), float64(n1))
		if min(w1, w2, n1-w1, n2-w2) < 5 {
			p = metric.FisherExact(w2, n2-w2, w1, n1-w1)
		}
		if diff < 0 && p < Alpha {
			f = append(f, Finding{Kind: "win_rate_decline", Severity: Action,
				Title:    fmt.Sprintf("%s win rate fell from %s to %s in %s: the market or the competition has moved; review whether the criteria still define the best buyers", tiers[t].Name, pct(rate(w1, n1)), pct(rate(w2, n2)), recent),
				Evidence: []string{fmt.Sprintf("before: %d of %d won; %s: %d of %d won; %s", w1, n1, recent, w2, n2, pval(p))}})
		}
	}
	return f
}

// driftFindings measures how the score distribution of deals created in
// the latest period moved from earlier ones (population stability index
// over 10-point bands).
func driftFindings(d *design, s Settings) []Finding {
	ts := append(append([]time.Time(nil), d.created...), d.openPeriod...)
	scores := append(append([]float64(nil), d.score...), d.openScores...)
	labels, idx := periods(s.Period, ts)
	if len(labels) < 2 {
		return nil
	}
	last := len(labels) - 1
	var before, now []float64
	for i, p := range idx {
		if p == last {
			now = append(now, scores[i])
		} else {
			before = append(before, scores[i])
		}
	}
	if len(now) < 20 || len(before) < 20 {
		return nil
	}
	edges := []float64{10, 20, 30, 40, 50, 60, 70, 80, 90}
	psi, _ := metric.PSI(before, now, edges)
	if math.IsNaN(psi) {
		return nil
	}
	sev, what := Info, "stayed stable"
	switch {
	case psi >= 0.25:
		sev, what = Action, "shifted markedly"
	case psi >= 0.1:
		sev, what = Warning, "shifted"
	}
	return []Finding{{Kind: "score_drift", Severity: sev,
		Title:    fmt.Sprintf("The score distribution of deals created in %s has %s from earlier periods (PSI %.2f)", labels[last], what, psi),
		Evidence: []string{fmt.Sprintf("mean score %s vs %s; PSI under 0.1 is stable, 0.1–0.25 a shift to watch, over 0.25 a change in who enters the pipeline", fmtNum(mean(now)), fmtNum(mean(before)))}}}
}

// disqualifierFindings audits each disqualifier: the deals it matched and
// the won deals and revenue it would have blocked.
func disqualifierFindings(m *icp.Model, d *design) []Finding {
	var f []Finding
	for k, dq := range m.Disqualifiers() {
		if k >= 64 {
			break
		}
		var n, won int
		var revenue float64
		for i, bits := range d.disq {
			if bits&(1<<uint(k)) == 0 {
				continue
			}
			n++
			if d.won[i] {
				won++
				if !math.IsNaN(d.amount[i]) {
					revenue += d.amount[i]
				}
			}
		}
		name := dq.Label
		if name == "" {
			name = dq.Name
		}
		switch {
		case n == 0:
			f = append(f, Finding{Kind: "disqualifier_audit", Severity: Info,
				Title: fmt.Sprintf("Disqualifier %q matched no closed deal", name)})
		case won == 0:
			f = append(f, Finding{Kind: "disqualifier_audit", Severity: Info,
				Title: fmt.Sprintf("Disqualifier %q matched %d closed deals and none was won: it works", name, n)})
		default:
			f = append(f, Finding{Kind: "disqualifier_blocks_wins", Severity: Warning,
				Title:    fmt.Sprintf("Disqualifier %q would have blocked %d won deals worth %s", name, won, fmtNum(revenue)),
				Evidence: []string{fmt.Sprintf("%d of %d matched deals were won (%s)", won, n, pct(rate(won, n)))}})
		}
	}
	return f
}

func criterionFindings(res *Result) []Finding {
	var f []Finding
	for _, c := range res.Criteria {
		switch {
		case c.NegativeICP:
			f = append(f, Finding{Kind: "negative_icp_candidate", Severity: Action,
				Title:    fmt.Sprintf("%s predicts losing, not winning: a negative-ICP candidate; the suggestion gives it no points", c.Label),
				Evidence: []string{coefEvidence(c)}})
		case c.Coef.StdError > 0 && c.Coef.CILow <= 0 && c.Current >= 5 && c.Share > 0 && c.Share < 1:
			f = append(f, Finding{Kind: "weak_criterion", Severity: Warning,
				Title:    fmt.Sprintf("%s carries %s points but the data do not show it predicts wins", c.Label, fmtNum(c.Current)),
				Evidence: []string{coefEvidence(c), fmt.Sprintf("win rate %s with full points vs %s with none", pct(c.WinRateWith), pct(c.WinRateWithout))}})
		}
	}
	return f
}

func coefEvidence(c Criterion) string {
	return fmt.Sprintf("effect %.2f log-odds (95%% CI %.2f to %.2f), odds ratio %.2f", c.Coef.Estimate, c.Coef.CILow, c.Coef.CIHigh, c.Coef.OddsRatio)
}

func pct(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }

// pval writes "p = 0.008" or "p < 0.001".
func pval(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return fmt.Sprintf("p = %.3f", p)
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s := fmt.Sprintf("%.0f", math.Abs(v))
		var b strings.Builder
		if v < 0 {
			b.WriteByte('-')
		}
		for i, ch := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(ch)
		}
		return b.String()
	}
	return fmt.Sprintf("%.1f", v)
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
