package icp

func (c *criterion) evalFlag(p *Prospect, out *CriterionScore) {
	f := c.flag(p)
	if f == Unknown {
		return
	}
	out.State = Unmatched
	if (f == Yes) == c.is {
		out.Points = c.max
		out.Detail = 0
	}
	if f == Yes {
		out.Value = 1
	}
}
