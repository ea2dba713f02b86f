package calibrate

import (
	"math"
	"sort"

	"github.com/icpkit/icpkit/icp"
	"gonum.org/v1/gonum/stat/distuv"
)

// sizeBands are the employee bands of the "size_band" candidate.
var sizeBands = []struct {
	lo    float64
	label string
}{{5000, "5,000+"}, {1000, "1,000–4,999"}, {500, "500–999"}, {100, "100–499"}, {50, "50–99"}, {0, "1–49"}}

// attribute reads a candidate field of a prospect, "" when unknown.
func attribute(p *icp.Prospect, field string) string {
	switch field {
	case "industry":
		return p.Industry
	case "country":
		return p.Country
	case "region":
		return p.Region
	case "funding_stage":
		return p.FundingStage
	case "size_band":
		if !p.Employees.Known {
			return ""
		}
		for _, b := range sizeBands {
			if p.Employees.Value >= b.lo {
				return b.label
			}
		}
	}
	return ""
}

// groupValues groups deals by their value of field (folded; labelled by
// the first spelling seen), over the deals in sel or all when sel is nil.
func groupValues(d *design, field string, sel []int) (labels []string, members [][]int) {
	col := d.column(field)
	if col == nil {
		return nil, nil
	}
	pos := map[int32]int{}
	add := func(i int) {
		id := col.ids[i]
		if id < 0 {
			return
		}
		g, ok := pos[id]
		if !ok {
			g = len(labels)
			pos[id] = g
			labels = append(labels, col.labels[id])
			members = append(members, nil)
		}
		members[g] = append(members[g], i)
	}
	if sel == nil {
		for i := 0; i < d.n(); i++ {
			add(i)
		}
	} else {
		for _, i := range sel {
			add(i)
		}
	}
	return labels, members
}

// segments tests each value of the candidate fields against the fitted
// model: observed wins O, expected wins E = Σ p̂ᵢ and variance V = Σ p̂ᵢ(1−p̂ᵢ)
// over the segment's deals give z = (O − E)/√V, the score test for adding
// the segment's indicator to the regression. It needs no refit, so it runs
// on a million deals. Segments with fewer than MinSegment deals are skipped.
func segments(d *design, s Settings, res *Result) []Segment {
	if res.Fit == nil {
		return nil
	}
	prob := make([]float64, d.n())
	for i := range prob {
		prob[i] = res.Fit.Predict(d.row(i))
	}
	norm := distuv.UnitNormal
	var out []Segment
	for _, f := range s.Candidates {
		labels, members := groupValues(d, f, nil)
		for g, idx := range members {
			if len(idx) < s.MinSegment {
				continue
			}
			seg := Segment{Field: f, Value: labels[g], Deals: len(idx)}
			var v, sc float64
			for _, i := range idx {
				if d.won[i] {
					seg.Won++
				}
				seg.Expected += prob[i]
				v += prob[i] * (1 - prob[i])
				sc += d.score[i]
			}
			seg.WinRate = rate(seg.Won, seg.Deals)
			seg.MeanScore = sc / float64(len(idx))
			if v > 0 {
				seg.Z = (float64(seg.Won) - seg.Expected) / math.Sqrt(v)
				seg.PValue = 2 * norm.Survival(math.Abs(seg.Z))
			} else {
				seg.PValue = 1
			}
			out = append(out, seg)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Z > out[j].Z })
	return out
}

func fold(s string) string {
	b := []byte(trim(s))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func trim(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j]
}
