package calibrate

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// ErrNoCustomers is returned by Discover when it is given no prospects.
var ErrNoCustomers = errors.New("calibrate: discover needs at least one best customer")

// Discovery is a starter ICP found in best customers: what most of them
// share, in the playbook's words ("14 of 20 are software companies with
// 100–400 employees"), and a model file built from it.
type Discovery struct {
	N          int
	Size       *SizeRange   // nil when no employee count is known
	Industries []ValueShare // the most common values, covering most customers
	Countries  []ValueShare
	Funding    []ValueShare
	Tech       []ValueShare // tools at least a third of them run
	Headline   string
	Statements []string
	Spec       *icp.Spec
	Warnings   []string
}

// SizeRange is the employee range most best customers fall in.
type SizeRange struct {
	Lo, Hi float64
	Count  int // customers inside
	Known  int // customers with a known size
}

// ValueShare is how many best customers have a value.
type ValueShare struct {
	Value string
	Count int
	Share float64 // of the customers whose attribute is known
}

// Coverage is the share of best customers a discovered range or value
// list aims to cover.
const Coverage = 0.7

// Discover finds the shared attributes of best customers (won deals' or
// customers' prospects) and writes a starter model: the playbook's
// 100-point structure with bands and values taken from the data. The
// employee range is the narrowest band of "nice" numbers holding at least
// 70% of known sizes; value lists take the most common values until they
// cover 70% (at most four).
func Discover(best []icp.Prospect) (*Discovery, error) {
	if len(best) == 0 {
		return nil, ErrNoCustomers
	}
	d := &Discovery{N: len(best)}
	if len(best) < MinWins {
		d.Warnings = append(d.Warnings, fmt.Sprintf("only %d best customers: the playbook asks for 20; acknowledge that the sample is limited", len(best)))
	}
	d.Size = sizeRange(best)
	// Spellings the reference model knows as aliases ("SaaS" for
	// Software, "USA" for United States) count as their value.
	ref := referenceAliases()
	d.Industries = topValues(best, func(p *icp.Prospect) []string { return one(ref["industry"].canon(p.Industry)) }, 4)
	d.Countries = topValues(best, func(p *icp.Prospect) []string { return one(ref["geography"].canon(p.Country)) }, 4)
	d.Funding = topValues(best, func(p *icp.Prospect) []string { return one(ref["funding_stage"].canon(p.FundingStage)) }, 3)
	d.Tech = commonTools(best)

	var parts []string
	n := 0
	if len(d.Industries) > 0 {
		parts = append(parts, strings.ToLower(joinValues(d.Industries))+" companies")
	}
	if d.Size != nil {
		parts = append(parts, fmt.Sprintf("with %s–%s employees", fmtNum(d.Size.Lo), fmtNum(d.Size.Hi)))
	}
	for i := range best {
		if matchesDiscovery(d, &best[i], ref["industry"]) {
			n++
		}
	}
	if len(parts) > 0 {
		d.Headline = fmt.Sprintf("%d of %d are %s", n, len(best), strings.Join(parts, " "))
	}
	if d.Size != nil {
		d.Statements = append(d.Statements, fmt.Sprintf("%d of %d with a known size have %s–%s employees", d.Size.Count, d.Size.Known, fmtNum(d.Size.Lo), fmtNum(d.Size.Hi)))
	}
	for _, g := range []struct {
		what string
		vs   []ValueShare
	}{{"industry", d.Industries}, {"country", d.Countries}, {"funding stage", d.Funding}, {"tool", d.Tech}} {
		for _, v := range g.vs {
			d.Statements = append(d.Statements, fmt.Sprintf("%s %s: %d (%s)", g.what, v.Value, v.Count, pct(v.Share)))
		}
	}
	spec, err := discoverSpec(d)
	if err != nil {
		return nil, err
	}
	d.Spec = spec
	return d, nil
}

func one(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

func joinValues(vs []ValueShare) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Value
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func matchesDiscovery(d *Discovery, p *icp.Prospect, industry aliases) bool {
	if d.Size != nil && (!p.Employees.Known || p.Employees.Value < d.Size.Lo || p.Employees.Value > d.Size.Hi) {
		return false
	}
	if len(d.Industries) > 0 {
		for _, v := range d.Industries {
			if fold(v.Value) == fold(industry.canon(p.Industry)) {
				return true
			}
		}
		return false
	}
	return true
}

// niceSteps are the round numbers a size band may start or end on.
var niceSteps = []float64{1, 10, 20, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3000, 5000, 7500, 10000, 20000, 50000, 100000}

func sizeRange(best []icp.Prospect) *SizeRange {
	var v []float64
	for i := range best {
		if e := best[i].Employees; e.Known && !math.IsNaN(e.Value) && e.Value >= 0 {
			v = append(v, e.Value)
		}
	}
	if len(v) == 0 {
		return nil
	}
	sort.Float64s(v)
	need := int(math.Ceil(Coverage * float64(len(v))))
	bestLo, bestHi, bestW := 0.0, 0.0, math.Inf(1)
	for i, lo := range niceSteps {
		for _, hi := range niceSteps[i+1:] {
			k := sort.SearchFloat64s(v, hi+1e-9) - sort.SearchFloat64s(v, lo)
			if k >= need {
				if w := math.Log(hi / lo); w < bestW-1e-12 {
					bestLo, bestHi, bestW = lo, hi, w
				}
				break
			}
		}
	}
	if math.IsInf(bestW, 1) {
		bestLo, bestHi = v[0], v[len(v)-1]
	}
	k := sort.SearchFloat64s(v, bestHi+1e-9) - sort.SearchFloat64s(v, bestLo)
	return &SizeRange{Lo: bestLo, Hi: bestHi, Count: k, Known: len(v)}
}

// valueCounts counts the values get returns for each prospect,
// case-insensitively and once per prospect; the first spelling names a
// value. known counts the prospects with any value. The result is sorted
// by count, then name.
func valueCounts(best []icp.Prospect, get func(*icp.Prospect) []string) (vs []ValueShare, known int) {
	counts := map[string]int{}
	label := map[string]string{}
	for i := range best {
		items := get(&best[i])
		if len(items) == 0 {
			continue
		}
		known++
		seen := map[string]bool{}
		for _, v := range items {
			k := fold(v)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if _, ok := label[k]; !ok {
				label[k] = strings.TrimSpace(v)
			}
			counts[k]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		vs = append(vs, ValueShare{Value: label[k], Count: counts[k], Share: float64(counts[k]) / float64(known)})
	}
	return vs, known
}

// topValues takes the most common values until they cover Coverage of
// the prospects whose value is known, at most max.
func topValues(best []icp.Prospect, get func(*icp.Prospect) []string, max int) []ValueShare {
	all, known := valueCounts(best, get)
	var out []ValueShare
	covered := 0
	for _, v := range all {
		if len(out) == max || float64(covered) >= Coverage*float64(known) {
			break
		}
		out = append(out, v)
		covered += v.Count
	}
	return out
}

// commonTools lists the tools at least a third of the customers with a
// known stack run, at most five.
func commonTools(best []icp.Prospect) []ValueShare {
	all, _ := valueCounts(best, func(p *icp.Prospect) []string { return p.TechStack })
	var out []ValueShare
	for _, v := range all {
		if v.Share >= 1.0/3 && len(out) < 5 {
			out = append(out, v)
		}
	}
	return out
}

// discoverSpec builds the starter model from the reference model,
// replacing bands and values with what the customers share.
func discoverSpec(d *Discovery) (*icp.Spec, error) {
	s := icp.Reference().Spec()
	s.Name = "Discovered ICP"
	s.Version = "starter"
	s.Description = "Found in " + fmt.Sprint(d.N) + " best customers by icp-report discover. " + d.Headline
	for i := range s.Criteria {
		c := &s.Criteria[i]
		switch c.Name {
		case "company_size":
			if d.Size != nil {
				lo, hi := d.Size.Lo, d.Size.Hi
				lo2, hi2 := math.Max(1, math.Round(lo/2)), hi*2
				c.Bands = []icp.Band{{Min: &lo, Max: &hi, Points: c.Points}}
				if lo > 1 {
					a, b := lo2, lo-1
					c.Bands = append(c.Bands, icp.Band{Min: &a, Max: &b, Points: math.Round(c.Points / 2)})
				}
				a, b := hi+1, hi2
				c.Bands = append(c.Bands, icp.Band{Min: &a, Max: &b, Points: math.Round(c.Points / 2)})
			}
		case "industry":
			c.Values = valuesFrom(d.Industries, c.Values)
		case "geography":
			c.Values = valuesFrom(d.Countries, c.Values)
		case "funding_stage":
			c.Values = valuesFrom(d.Funding, c.Values)
		case "tech_stack":
			if len(d.Tech) > 0 {
				var vs []icp.CategoryValue
				for _, t := range d.Tech {
					vs = append(vs, icp.CategoryValue{Value: t.Value})
				}
				c.Values = vs
				c.Each = math.Ceil(c.Points / float64(min(3, len(vs))))
				if c.Each*float64(len(vs)) < c.Points {
					c.Each = c.Points
				}
			}
		}
	}
	if _, err := icp.Compile("discovered model", s); err != nil {
		return nil, fmt.Errorf("calibrate: discover: %w", err)
	}
	return s, nil
}

// valuesFrom keeps the reference's values (with their aliases) when the
// data has none.
func valuesFrom(vs []ValueShare, keep []icp.CategoryValue) []icp.CategoryValue {
	if len(vs) == 0 {
		return keep
	}
	out := make([]icp.CategoryValue, len(vs))
	for i, v := range vs {
		out[i] = icp.CategoryValue{Value: v.Value}
		for _, k := range keep {
			if fold(k.Value) == fold(v.Value) {
				out[i].Aliases = k.Aliases
			}
		}
	}
	return out
}

// aliases maps folded spellings to a canonical value.
type aliases map[string]string

func (a aliases) canon(v string) string {
	if c, ok := a[fold(v)]; ok {
		return c
	}
	return v
}

// referenceAliases returns, per category criterion of the reference
// model, its values and aliases mapped to the value.
func referenceAliases() map[string]aliases {
	out := map[string]aliases{}
	for _, c := range icp.Reference().Spec().Criteria {
		a := aliases{}
		for _, v := range c.Values {
			a[fold(v.Value)] = v.Value
			for _, al := range v.Aliases {
				a[fold(al)] = v.Value
			}
		}
		out[c.Name] = a
	}
	return out
}
