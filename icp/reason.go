package icp

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Reasons explains the result one line per criterion, then penalties and
// disqualifiers, e.g. "employees 240 in 100–500: +25". It allocates; call
// it when a person will read the answer, not on the hot path.
func (r *Result) Reasons() []string {
	if r.model == nil {
		return nil
	}
	m := r.model
	pr := &m.profiles[r.ProfileIndex]
	out := make([]string, 0, len(r.Criteria)+len(r.Penalties)+len(r.Disqualifiers))
	for i := range r.Criteria {
		out = append(out, pr.crit[i].reason(&r.Criteria[i], pr.total))
	}
	for _, i := range r.Penalties {
		c := &m.pen[i]
		out = append(out, fmt.Sprintf("penalty %s: -%s", c.title(), fmtPoints(100*c.max/pr.total)))
	}
	for _, i := range r.Disqualifiers {
		out = append(out, fmt.Sprintf("disqualified: %s", m.disq[i].title()))
	}
	return out
}

// MissingNames lists the criteria whose attribute is unknown.
func (r *Result) MissingNames() []string {
	if r.model == nil {
		return nil
	}
	pr := &r.model.profiles[r.ProfileIndex]
	var out []string
	for i := range r.Criteria {
		if r.Criteria[i].State == Missing {
			out = append(out, pr.crit[i].name)
		}
	}
	return out
}

func (c *criterion) title() string {
	if c.label != "" {
		return c.label
	}
	return c.name
}

// subject is how a reason names the attribute.
func (c *criterion) subject() string {
	if c.field == fieldCustom {
		return c.custom
	}
	return fields[c.field].display
}

func (c *criterion) reason(cs *CriterionScore, total float64) string {
	pts := "+" + fmtPoints(100*cs.Points/total)
	subj := c.subject()
	if cs.State == Missing {
		return fmt.Sprintf("%s unknown: %s", subj, pts)
	}
	switch c.kind {
	case kindRange:
		if cs.Detail >= 0 {
			b := c.bands[cs.Detail]
			return fmt.Sprintf("%s %s in %s: %s", subj, fmtNumber(cs.Value), bandText(b.lo, b.hi), pts)
		}
		return fmt.Sprintf("%s %s outside the ICP ranges: %s", subj, fmtNumber(cs.Value), pts)
	case kindCategory:
		if cs.Detail >= 0 {
			return fmt.Sprintf("%s %s: %s", subj, c.values[cs.Detail], pts)
		}
		return fmt.Sprintf("%s %s not in the ICP: %s", subj, strings.TrimSpace(cs.Text), pts)
	case kindSet:
		var names []string
		for i := range c.values {
			if cs.Matched&(1<<uint(i)) != 0 {
				names = append(names, c.values[i])
			}
		}
		if len(names) == 0 {
			return fmt.Sprintf("%s: none of %s: %s", subj, strings.Join(c.values, ", "), pts)
		}
		return fmt.Sprintf("%s: %d of %d (%s): %s", subj, len(names), len(c.values), strings.Join(names, ", "), pts)
	case kindEvents:
		if c.bands != nil {
			return fmt.Sprintf("%s: %d events%s: %s", subj, cs.Count, c.windowText(), pts)
		}
		if cs.Count == 0 {
			return fmt.Sprintf("%s: none%s: %s", subj, c.windowText(), pts)
		}
		what := subj
		if cs.Detail >= 0 {
			what = fmt.Sprintf("%s %s", subj, c.values[cs.Detail])
		}
		if cs.Value > 0 {
			return fmt.Sprintf("%s %s days ago: %s", what, fmtNumber(math.Floor(cs.Value)), pts)
		}
		return fmt.Sprintf("%s: %s", what, pts)
	case kindFlag:
		if cs.Value == 1 {
			return fmt.Sprintf("%s: yes: %s", subj, pts)
		}
		return fmt.Sprintf("%s: no: %s", subj, pts)
	}
	return fmt.Sprintf("%s: %s", subj, pts)
}

func (c *criterion) windowText() string {
	if c.window > 0 {
		return fmt.Sprintf(" in the last %s days", fmtNumber(c.window))
	}
	return ""
}

// fmtPoints writes points without needless decimals: 25, 12.5, 13.4.
func fmtPoints(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// fmtNumber writes a value with thousands separators: 1,200 or 0.4.
func fmtNumber(v float64) string {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
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

// bandText writes an inclusive range: "100–500", "at least 1,001", "at most 9".
func bandText(lo, hi float64) string {
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return "any value"
	case math.IsInf(lo, -1):
		return "at most " + fmtNumber(hi)
	case math.IsInf(hi, 1):
		return "at least " + fmtNumber(lo)
	case lo == hi:
		return fmtNumber(lo)
	}
	return fmtNumber(lo) + "–" + fmtNumber(hi)
}
