package icp

func (c *criterion) evalCategory(p *Prospect, out *CriterionScore) {
	s := c.text(p)
	if trimSpace(s) == "" {
		return
	}
	out.State = Unmatched
	out.Text = s
	if i, ok := c.lookup(s); ok {
		out.Points, out.Detail = c.points[i], i
	}
}
