package icp

import (
	"math"
	"time"
)

const hoursPerDay = 24

// evalEvents scores dated events. Without bands the best single event
// counts: its kind's points, halved every half-life of age. With bands the
// number of matching events within the window picks a band.
//
// An event counts when its kind (intent: topic) is listed, or any kind when
// none are; when its strength reaches MinStrength; and, given an as-of date
// and a window, when it happened within the window before the as-of date.
// Events after the as-of date never count, so a deal scored as of its
// creation does not see what came later. Without an as-of date there is no
// window and no decay.
func (c *criterion) evalEvents(p *Prospect, asOf time.Time, out *CriterionScore) {
	evs := c.events(p)
	if evs == nil {
		return
	}
	out.State = Unmatched
	best, bestKind, bestAge, count := 0.0, -1, 0.0, 0
	for i := range evs {
		e := &evs[i]
		pts := c.max
		k := -1
		if !c.anyKind {
			key := e.Kind
			if c.byTopic {
				key = e.Topic
			}
			var ok bool
			if k, ok = c.lookup(key); !ok {
				continue
			}
			pts = c.points[k]
		}
		if c.minStrength > 0 && !(e.Strength >= c.minStrength) { // NaN strength fails
			continue
		}
		age := 0.0
		if !asOf.IsZero() {
			if e.Date.IsZero() {
				if c.window > 0 || c.halfLife > 0 {
					continue
				}
			} else {
				age = asOf.Sub(e.Date).Hours() / hoursPerDay
				if age < 0 || (c.window > 0 && age > c.window) {
					continue
				}
			}
		}
		count++
		if c.halfLife > 0 && age > 0 {
			pts *= math.Exp2(-age / c.halfLife)
		}
		if count == 1 || pts > best {
			best, bestKind, bestAge = pts, k, age
		}
	}
	out.Count = count
	if c.bands != nil {
		n := float64(count)
		out.Value = n
		for i, b := range c.bands {
			if n >= b.lo && n <= b.hi {
				out.Points, out.Detail = b.points, i
				return
			}
		}
		return
	}
	if count > 0 {
		out.Points, out.Detail, out.Value = best, bestKind, bestAge
	}
}
