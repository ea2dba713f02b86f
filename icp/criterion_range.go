package icp

func (c *criterion) evalRange(p *Prospect, out *CriterionScore) {
	v, ok := c.number(p)
	if !ok {
		return
	}
	out.State = Unmatched
	out.Value = v
	for i, b := range c.bands {
		if v >= b.lo && v <= b.hi {
			out.Points, out.Detail = b.points, i
			return
		}
	}
}
