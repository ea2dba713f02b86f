package icp

import (
	"math"
	"time"
)

// kind of criterion.
type critKind uint8

const (
	kindRange critKind = iota + 1
	kindCategory
	kindSet
	kindEvents
	kindFlag
)

var critKindNames = map[string]critKind{
	"range": kindRange, "category": kindCategory, "set": kindSet, "events": kindEvents, "flag": kindFlag,
}

func (k critKind) String() string {
	for n, v := range critKindNames {
		if v == k {
			return n
		}
	}
	return "unknown"
}

// valueKind is the attribute kind a criterion kind reads.
func (k critKind) valueKind() Kind {
	switch k {
	case kindRange:
		return KindNumber
	case kindCategory:
		return KindText
	case kindSet:
		return KindList
	case kindEvents:
		return KindEvents
	case kindFlag:
		return KindFlag
	}
	return KindUnknown
}

type matchMode uint8

const (
	matchAny matchMode = iota
	matchAll
	matchEach
)

// band is an inclusive range [lo, hi] with open ends as ±Inf.
type band struct {
	lo, hi, points float64
}

// criterion is a compiled Criterion: everything resolved, nothing parsed
// at score time.
type criterion struct {
	name, label string
	group       Group
	field       field
	custom      string
	kind        critKind
	max         float64

	bands []band

	index  map[string]int // folded value or alias -> value index
	values []string       // canonical value names
	points []float64      // per value (category) or per kind (events)
	maxKey int            // longest folded key, for the stack buffer

	match matchMode
	each  float64

	anyKind     bool // events: no kinds listed, every kind counts
	window      float64
	halfLife    float64
	minStrength float64
	byTopic     bool // intent: match Topic rather than Kind

	is bool
}

// State says how a criterion's attribute matched.
type State uint8

const (
	Missing   State = iota // attribute unknown
	Unmatched              // known, earns nothing
	Partial                // earns less than the maximum
	Matched                // earns the maximum
)

var stateNames = [...]string{"missing", "unmatched", "partial", "matched"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "missing"
}

// CriterionScore is what one criterion earned.
type CriterionScore struct {
	Points float64 // points earned, 0..Max
	Max    float64
	State  State

	// Detail for the reason: the band, value or event kind matched (-1
	// for none), the count of matches, the numeric value or event age in
	// days, the text read, and for sets the matched values as a bit set.
	Detail  int
	Count   int
	Value   float64
	Text    string
	Matched uint64
}

const foldBuf = 64 // longest value looked up without allocating

// lookup finds a folded key in c.index without allocating.
func (c *criterion) lookup(s string) (int, bool) {
	var buf [foldBuf]byte
	b, ok := foldInto(buf[:], s)
	if !ok {
		i, ok := c.index[foldASCII(s)]
		return i, ok
	}
	i, ok := c.index[string(b)]
	return i, ok
}

// eval scores one criterion against p.
func (c *criterion) eval(p *Prospect, asOf time.Time, out *CriterionScore) {
	*out = CriterionScore{Max: c.max, Detail: -1}
	switch c.kind {
	case kindRange:
		c.evalRange(p, out)
	case kindCategory:
		c.evalCategory(p, out)
	case kindSet:
		c.evalSet(p, out)
	case kindEvents:
		c.evalEvents(p, asOf, out)
	case kindFlag:
		c.evalFlag(p, out)
	}
	switch {
	case out.State == Missing:
	case out.Points <= 0:
		out.Points = 0
		out.State = Unmatched
	case out.Points >= c.max-1e-9:
		out.State = Matched
	default:
		out.State = Partial
	}
}

// number reads a numeric attribute; ok is false when it is unknown or not finite.
func (c *criterion) number(p *Prospect) (float64, bool) {
	var n Number
	switch c.field {
	case fieldEmployees:
		n = p.Employees
	case fieldAnnualRevenue:
		n = p.AnnualRevenue
	case fieldHeadcountGrowth:
		n = p.HeadcountGrowth
	case fieldCustom:
		v, ok := p.Custom[c.custom]
		if !ok || v.Kind != KindNumber {
			return 0, false
		}
		n = Num(v.Number)
	}
	if !n.Known || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return 0, false
	}
	return n.Value, true
}

func (c *criterion) text(p *Prospect) string {
	switch c.field {
	case fieldIndustry:
		return p.Industry
	case fieldCountry:
		return p.Country
	case fieldRegion:
		return p.Region
	case fieldFundingStage:
		return p.FundingStage
	case fieldBuyerTitle:
		return p.BuyerTitle
	case fieldCustom:
		if v, ok := p.Custom[c.custom]; ok && v.Kind == KindText {
			return v.Text
		}
	}
	return ""
}

func (c *criterion) list(p *Prospect) []string {
	switch c.field {
	case fieldTechStack:
		return p.TechStack
	case fieldCustom:
		if v, ok := p.Custom[c.custom]; ok && v.Kind == KindList {
			if v.List == nil {
				return []string{}
			}
			return v.List
		}
	}
	return nil
}

func (c *criterion) events(p *Prospect) []Event {
	switch c.field {
	case fieldTriggers:
		return p.Triggers
	case fieldIntent:
		return p.Intent
	case fieldEngagement:
		return p.Engagement
	case fieldCustom:
		if v, ok := p.Custom[c.custom]; ok && v.Kind == KindEvents {
			if v.Events == nil {
				return []Event{}
			}
			return v.Events
		}
	}
	return nil
}

func (c *criterion) flag(p *Prospect) Flag {
	switch c.field {
	case fieldDecisionMaker:
		return p.DecisionMaker
	case fieldChampion:
		return p.Champion
	case fieldCustom:
		if v, ok := p.Custom[c.custom]; ok && v.Kind == KindFlag {
			return FlagOf(v.Flag)
		}
	}
	return Unknown
}

// known reports whether p has the attribute c reads.
func (c *criterion) known(p *Prospect) bool {
	switch c.kind {
	case kindRange:
		_, ok := c.number(p)
		return ok
	case kindCategory:
		return trimSpace(c.text(p)) != ""
	case kindSet:
		return c.list(p) != nil
	case kindEvents:
		return c.events(p) != nil
	case kindFlag:
		return c.flag(p) != Unknown
	}
	return false
}
