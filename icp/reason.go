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
	return string(c.appendReason(nil, cs, total))
}

// appendReason appends the reason for one criterion; it formats with
// strconv rather than fmt because `score` writes a reason per row.
func (c *criterion) appendReason(b []byte, cs *CriterionScore, total float64) []byte {
	pts := func(b []byte) []byte {
		b = append(b, ": +"...)
		return appendPoints(b, 100*cs.Points/total)
	}
	subj := c.subject()
	b = append(b, subj...)
	if cs.State == Missing {
		return pts(append(b, " unknown"...))
	}
	switch c.kind {
	case kindRange:
		b = append(b, ' ')
		b = appendNumber(b, cs.Value)
		if cs.Detail >= 0 {
			bd := c.bands[cs.Detail]
			b = append(b, " in "...)
			b = appendBand(b, bd.lo, bd.hi)
		} else {
			b = append(b, " outside the ICP ranges"...)
		}
	case kindCategory:
		b = append(b, ' ')
		if cs.Detail >= 0 {
			b = append(b, c.values[cs.Detail]...)
		} else {
			b = append(b, strings.TrimSpace(cs.Text)...)
			b = append(b, " not in the ICP"...)
		}
	case kindSet:
		if cs.Matched == 0 {
			b = append(b, ": none of "...)
			for i, v := range c.values {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = append(b, v...)
			}
			break
		}
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(cs.Count), 10)
		b = append(b, " of "...)
		b = strconv.AppendInt(b, int64(len(c.values)), 10)
		b = append(b, " ("...)
		first := true
		for i := range c.values {
			if cs.Matched&(1<<uint(i)) != 0 {
				if !first {
					b = append(b, ", "...)
				}
				first = false
				b = append(b, c.values[i]...)
			}
		}
		b = append(b, ')')
	case kindEvents:
		switch {
		case c.bands != nil:
			b = append(b, ": "...)
			b = strconv.AppendInt(b, int64(cs.Count), 10)
			b = append(b, " events"...)
			b = c.appendWindow(b)
		case cs.Count == 0:
			b = append(b, ": none"...)
			b = c.appendWindow(b)
		default:
			if cs.Detail >= 0 {
				b = append(b, ' ')
				b = append(b, c.values[cs.Detail]...)
			}
			if cs.Value > 0 {
				b = append(b, ' ')
				b = appendNumber(b, math.Floor(cs.Value))
				b = append(b, " days ago"...)
			}
		}
	case kindFlag:
		if cs.Value == 1 {
			b = append(b, ": yes"...)
		} else {
			b = append(b, ": no"...)
		}
	}
	return pts(b)
}

// AppendReasons appends Reasons joined by sep to dst, without the
// intermediate strings: the form `score` writes for every row.
func (r *Result) AppendReasons(dst []byte, sep string) []byte {
	if r.model == nil {
		return dst
	}
	m := r.model
	pr := &m.profiles[r.ProfileIndex]
	n := 0
	next := func() {
		if n > 0 {
			dst = append(dst, sep...)
		}
		n++
	}
	for i := range r.Criteria {
		next()
		dst = pr.crit[i].appendReason(dst, &r.Criteria[i], pr.total)
	}
	for _, i := range r.Penalties {
		next()
		c := &m.pen[i]
		dst = append(dst, "penalty "...)
		dst = append(dst, c.title()...)
		dst = append(dst, ": -"...)
		dst = appendPoints(dst, 100*c.max/pr.total)
	}
	for _, i := range r.Disqualifiers {
		next()
		dst = append(dst, "disqualified: "...)
		dst = append(dst, m.disq[i].title()...)
	}
	return dst
}

func (c *criterion) appendWindow(b []byte) []byte {
	if c.window > 0 {
		b = append(b, " in the last "...)
		b = appendNumber(b, c.window)
		b = append(b, " days"...)
	}
	return b
}

// fmtPoints writes points without needless decimals: 25, 12.5, 13.4.
func fmtPoints(v float64) string { return string(appendPoints(nil, v)) }

// appendPoints appends v as fmtPoints writes it, in the shortest form
// that reads back:
//
//	v              when v is whole and |v| < 1e15
//	round(10v)/10  otherwise
//
// It formats integers when the tenths fit (|10v| < 1e15), which gives
// the digits strconv's shortest float form would: no other decimal of as
// few digits is as close to a float64 that small. -0 stays "-0"; NaN and
// ±Inf read "NaN", "+Inf" and "-Inf".
func appendPoints(b []byte, v float64) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return appendWhole(b, v)
	}
	k := math.Round(v * 10)
	if math.Abs(k) >= 1e15 || k != k {
		return strconv.AppendFloat(b, k/10, 'f', -1, 64)
	}
	t := int64(k)
	if t%10 == 0 {
		return appendWhole(b, k/10)
	}
	if t < 0 {
		b = append(b, '-')
		t = -t
	}
	b = strconv.AppendInt(b, t/10, 10)
	return append(b, '.', byte('0'+t%10))
}

// appendWhole appends a whole v with |v| < 1e15 as strconv.AppendFloat(b,
// v, 'f', -1, 64) would, keeping the sign of -0.
func appendWhole(b []byte, v float64) []byte {
	if v == 0 && math.Signbit(v) {
		return append(b, "-0"...)
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// fmtNumber writes a value with thousands separators: 1,200 or 0.4.
func fmtNumber(v float64) string { return string(appendNumber(nil, v)) }

func appendNumber(b []byte, v float64) []byte {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strconv.AppendFloat(b, v, 'g', 6, 64)
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var d [24]byte
	s := appendWhole(d[:0], v)
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, ch)
	}
	return b
}

// bandText writes an inclusive range: "100–500", "at least 1,001", "at most 9".
func bandText(lo, hi float64) string { return string(appendBand(nil, lo, hi)) }

func appendBand(b []byte, lo, hi float64) []byte {
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return append(b, "any value"...)
	case math.IsInf(lo, -1):
		return appendNumber(append(b, "at most "...), hi)
	case math.IsInf(hi, 1):
		return appendNumber(append(b, "at least "...), lo)
	case lo == hi:
		return appendNumber(b, lo)
	}
	b = appendNumber(b, lo)
	b = append(b, "–"...)
	return appendNumber(b, hi)
}
