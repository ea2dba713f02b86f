package icp

// AppendUpside appends, joined by sep, the Upside entries that move the
// prospect up a tier, in Upside's order and String's words, without
// allocating: the form `score` writes for every row.
func (r *Result) AppendUpside(dst []byte, sep string) []byte {
	if r.model == nil || r.Disqualified() || r.TierIndex <= 0 {
		return dst
	}
	m := r.model
	pr := &m.profiles[r.ProfileIndex]
	type up struct {
		i   int
		add float64
	}
	var buf [maxSetValues]up
	ups := buf[:0]
	for i := range r.Criteria {
		cs := &r.Criteria[i]
		if cs.Points >= cs.Max-pointsTolerance || len(ups) == len(buf) {
			continue
		}
		add := 100 * (cs.Max - cs.Points) / pr.total
		if m.tierIndex(min(r.Score+add, 100)) < r.TierIndex {
			// Insertion sort by points added, largest first; stable.
			j := len(ups)
			ups = append(ups, up{i, add})
			for j > 0 && ups[j-1].add < add {
				ups[j] = ups[j-1]
				j--
			}
			ups[j] = up{i, add}
		}
	}
	for k, u := range ups {
		if k > 0 {
			dst = append(dst, sep...)
		}
		c := &pr.crit[u.i]
		to := min(r.Score+u.add, 100)
		dst = append(dst, c.title()...)
		if r.Criteria[u.i].State == Missing {
			dst = append(dst, " (unknown)"...)
		}
		dst = append(dst, " would add "...)
		dst = appendPoints(dst, u.add)
		dst = append(dst, ": "...)
		dst = appendPoints(dst, r.Score)
		dst = append(dst, " → "...)
		dst = appendPoints(dst, to)
		dst = append(dst, ", "...)
		dst = append(dst, m.tiers[m.tierIndex(to)].Name...)
	}
	return dst
}

// AppendMissing appends the names of the criteria whose attribute is
// unknown, joined by sep.
func (r *Result) AppendMissing(dst []byte, sep string) []byte {
	if r.model == nil {
		return dst
	}
	pr := &r.model.profiles[r.ProfileIndex]
	n := 0
	for i := range r.Criteria {
		if r.Criteria[i].State == Missing {
			if n > 0 {
				dst = append(dst, sep...)
			}
			n++
			dst = append(dst, pr.crit[i].name...)
		}
	}
	return dst
}
