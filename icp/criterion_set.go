package icp

// maxSetValues bounds a set criterion's values so matches fit a bit set.
const maxSetValues = 64

func (c *criterion) evalSet(p *Prospect, out *CriterionScore) {
	items := c.list(p)
	if items == nil {
		return
	}
	out.State = Unmatched
	var seen uint64
	for _, s := range items {
		if i, ok := c.lookup(s); ok {
			seen |= 1 << uint(i)
		}
	}
	n := popcount(seen)
	out.Matched, out.Count = seen, n
	switch c.match {
	case matchAny:
		if n > 0 {
			out.Points = c.max
		}
	case matchAll:
		if n == len(c.values) {
			out.Points = c.max
		}
	case matchEach:
		out.Points = min(float64(n)*c.each, c.max)
	}
}

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}
