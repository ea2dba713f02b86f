package icp

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Defaults the model file may leave out.
const (
	DefaultTotal          = 100.0
	DefaultOutboundFloor  = 50.0
	DefaultApprovalBelow  = 65.0
	DefaultReasonBelow    = 60.0
	DefaultNoMovementDays = 180.0
	pointsTolerance       = 1e-9
)

// DefaultRescoreDays are the playbook's re-score checkpoints for an
// opportunity: 60 and 90 days after it opened.
var DefaultRescoreDays = []float64{60, 90}

// Compile checks a Spec and builds a Model. Every problem is a *ModelError
// with the position of the offending value; file names the source.
func Compile(file string, s *Spec) (*Model, error) {
	c := compiler{file: file, custom: map[string]Kind{}}
	m, err := c.model(s)
	if err != nil {
		return nil, err
	}
	m.spec = *cloneSpec(s)
	return m, nil
}

type compiler struct {
	file   string
	custom map[string]Kind
}

func (c *compiler) errf(pos Pos, key, path, format string, args ...any) error {
	return invalidf(c.file, pos.Key(key), join(path, key), format, args...)
}

func (c *compiler) model(s *Spec) (*Model, error) {
	if s.Format != 0 && s.Format != 1 {
		return nil, c.errf(s.Pos, "icpkit", "", "format %d is not supported; this version reads format 1", s.Format)
	}
	if strings.TrimSpace(s.Name) == "" {
		return nil, c.errf(s.Pos, "name", "", "the model needs a name")
	}
	m := &Model{file: c.file, name: s.Name, version: s.Version}
	switch {
	case len(s.Criteria) > 0 && len(s.Profiles) > 0:
		return nil, c.errf(s.Pos, "profiles", "", "give criteria or profiles, not both")
	case len(s.Profiles) > 0:
		if s.Mode != "" {
			return nil, c.errf(s.Pos, "mode", "", "with profiles, set mode on each profile")
		}
		seen := map[string]bool{}
		for i := range s.Profiles {
			ps := &s.Profiles[i]
			path := fmt.Sprintf("profiles[%d]", i)
			if strings.TrimSpace(ps.Name) == "" {
				return nil, c.errf(ps.Pos, "name", path, "a profile needs a name")
			}
			if seen[foldASCII(ps.Name)] {
				return nil, c.errf(ps.Pos, "name", path, "profile name %q is used twice", ps.Name)
			}
			seen[foldASCII(ps.Name)] = true
			total := ps.Total
			if total == 0 {
				total = s.Total
			}
			p, err := c.profile(ps.Name, ps.Label, ps.Mode, total, ps.Criteria, ps.Pos, path)
			if err != nil {
				return nil, err
			}
			m.profiles = append(m.profiles, p)
		}
	case len(s.Criteria) > 0:
		p, err := c.profile(s.Name, "", s.Mode, s.Total, s.Criteria, s.Pos, "")
		if err != nil {
			return nil, err
		}
		m.profiles = []profile{p}
	default:
		return nil, c.errf(s.Pos, "criteria", "", "the model has no criteria")
	}
	for _, p := range m.profiles {
		m.nCrit += len(p.crit)
	}
	var err error
	if m.disq, err = c.side(s.Disqualifiers, "disqualifiers", s.Pos, false); err != nil {
		return nil, err
	}
	if m.pen, err = c.side(s.Penalties, "penalties", s.Pos, true); err != nil {
		return nil, err
	}
	if m.tiers, err = c.tiers(s, m); err != nil {
		return nil, err
	}
	if m.routing, err = c.routing(&s.Routing, m.tiers); err != nil {
		return nil, err
	}
	if err := c.staleness(&s.Staleness, m); err != nil {
		return nil, err
	}
	m.custom = sortedCustom(c.custom)
	return m, nil
}

func (c *compiler) profile(name, label, mode string, total float64, specs []Criterion, pos Pos, path string) (profile, error) {
	p := profile{name: name, label: label, total: total}
	if p.total == 0 {
		p.total = DefaultTotal
	}
	if p.total < 0 {
		return p, c.errf(pos, "total", path, "total %g is negative", total)
	}
	switch mode {
	case "", "points":
	case "gates":
		p.gates = true
	default:
		return p, c.errf(pos, "mode", path, "mode %q is not points or gates", mode)
	}
	if len(specs) == 0 {
		return p, c.errf(pos, "criteria", path, "the profile has no criteria")
	}
	if p.gates && (len(specs) < 2 || len(specs) > 6) {
		return p, c.errf(pos, "criteria", path, "gates mode takes 2 to 6 gates (transactional sales use 3 or 4); got %d", len(specs))
	}
	seen := map[string]bool{}
	sum := 0.0
	for i := range specs {
		cp := join(path, fmt.Sprintf("criteria[%d]", i))
		cr, err := c.criterion(&specs[i], cp, false)
		if err != nil {
			return p, err
		}
		if seen[cr.name] {
			return p, c.errf(specs[i].Pos, "name", cp, "criterion name %q is used twice", cr.name)
		}
		seen[cr.name] = true
		sum += cr.max
		p.crit = append(p.crit, cr)
	}
	if math.Abs(sum-p.total) > pointsTolerance*math.Max(1, p.total) {
		return p, c.errf(pos, "criteria", path, "criteria add up to %s points but the total is %s", fmtPoints(sum), fmtPoints(p.total))
	}
	return p, nil
}

// side compiles disqualifiers or penalties.
func (c *compiler) side(specs []Criterion, key string, pos Pos, penalty bool) ([]criterion, error) {
	var out []criterion
	seen := map[string]bool{}
	for i := range specs {
		cp := fmt.Sprintf("%s[%d]", key, i)
		cr, err := c.criterion(&specs[i], cp, !penalty)
		if err != nil {
			return nil, err
		}
		if seen[cr.name] {
			return nil, c.errf(specs[i].Pos, "name", cp, "name %q is used twice", cr.name)
		}
		seen[cr.name] = true
		out = append(out, cr)
	}
	return out, nil
}

func (c *compiler) criterion(s *Criterion, path string, disqualifier bool) (criterion, error) {
	cr := criterion{name: strings.TrimSpace(s.Name), label: s.Label}
	if cr.name == "" {
		return cr, c.errf(s.Pos, "name", path, "the criterion needs a name")
	}
	if s.Field == "" {
		return cr, c.errf(s.Pos, "field", path, "the criterion needs a field")
	}
	f, custom, err := parseField(s.Field)
	if err != nil {
		return cr, c.errf(s.Pos, "field", path, "%v", err)
	}
	cr.field, cr.custom = f, custom
	k, ok := critKindNames[s.Kind]
	if !ok {
		if s.Kind == "" {
			return cr, c.errf(s.Pos, "kind", path, "the criterion needs a kind: range, category, set, events or flag")
		}
		return cr, c.errf(s.Pos, "kind", path, "kind %q is not range, category, set, events or flag", s.Kind)
	}
	cr.kind = k
	want := k.valueKind()
	if f == fieldCustom {
		if prev, ok := c.custom[custom]; ok && prev != want {
			return cr, c.errf(s.Pos, "kind", path, "custom field %q is read as %s elsewhere and as %s here", custom, prev, want)
		}
		c.custom[custom] = want
	} else if fields[f].kind != want {
		return cr, c.errf(s.Pos, "kind", path, "field %s holds %s, which kind %s cannot score (use %s)", s.Field, kindPhrase(fields[f].kind), s.Kind, kindFor(fields[f].kind))
	}
	cr.group = fields[f].group
	switch s.Group {
	case "":
	case "fit":
		cr.group = Fit
	case "behavior", "behaviour":
		cr.group = Behavior
	default:
		return cr, c.errf(s.Pos, "group", path, "group %q is not fit or behavior", s.Group)
	}
	if s.Points < 0 {
		return cr, c.errf(s.Pos, "points", path, "points %s are negative; use a penalty to take points away", fmtPoints(s.Points))
	}
	if err := c.unused(s, path); err != nil {
		return cr, err
	}
	var best float64 // the most the criterion can earn as written
	switch k {
	case kindRange:
		best, err = c.bands(s, &cr, path, disqualifier)
	case kindCategory, kindSet:
		best, err = c.values(s, &cr, path, disqualifier)
	case kindEvents:
		best, err = c.eventKinds(s, &cr, path, disqualifier)
	case kindFlag:
		cr.is = s.Is == nil || *s.Is
		best = s.Points
	}
	if err != nil {
		return cr, err
	}
	cr.max = s.Points
	if disqualifier {
		// A disqualifier matches when it would earn anything.
		if cr.max == 0 {
			cr.max = math.Max(best, 1)
		}
		if k == kindFlag && cr.max == 0 {
			cr.max = 1
		}
		return cr, nil
	}
	if cr.max == 0 {
		cr.max = best
	}
	if cr.max <= 0 {
		return cr, c.errf(s.Pos, "points", path, "the criterion earns no points; give points")
	}
	if best > cr.max+pointsTolerance {
		return cr, c.errf(s.Pos, "points", path, "a value earns %s points, more than the criterion's %s", fmtPoints(best), fmtPoints(cr.max))
	}
	if best < cr.max-pointsTolerance && k != kindFlag && !(k == kindSet && cr.match != matchEach) {
		return cr, c.errf(s.Pos, "points", path, "no value earns the criterion's %s points (the most is %s)", fmtPoints(cr.max), fmtPoints(best))
	}
	return cr, nil
}

// unused rejects keys that the criterion's kind does not read, so a typo in
// the kind does not silently ignore half the criterion.
func (c *compiler) unused(s *Criterion, path string) error {
	type key struct {
		name  string
		set   bool
		kinds string
	}
	keys := []key{
		{"bands", s.Bands != nil, "range events"},
		{"values", s.Values != nil, "category set"},
		{"match", s.Match != "", "set"},
		{"each", s.Each != 0, "set"},
		{"kinds", s.Kinds != nil, "events"},
		{"window_days", s.WindowDays != 0, "events"},
		{"half_life_days", s.HalfLifeDays != 0, "events"},
		{"min_strength", s.MinStrength != 0, "events"},
		{"is", s.Is != nil, "flag"},
	}
	for _, k := range keys {
		if k.set && !strings.Contains(k.kinds, s.Kind) {
			return c.errf(s.Pos, k.name, path, "%s is not used by kind %s (it belongs to %s)", k.name, s.Kind, strings.ReplaceAll(k.kinds, " ", ", "))
		}
	}
	return nil
}

func (c *compiler) bands(s *Criterion, cr *criterion, path string, disqualifier bool) (float64, error) {
	if len(s.Bands) == 0 {
		return 0, c.errf(s.Pos, "bands", path, "a range criterion needs bands")
	}
	best := 0.0
	for i, b := range s.Bands {
		bp := join(path, fmt.Sprintf("bands[%d]", i))
		lo, hi := math.Inf(-1), math.Inf(1)
		if b.Min != nil {
			lo = *b.Min
		}
		if b.Max != nil {
			hi = *b.Max
		}
		if b.Min == nil && b.Max == nil {
			return 0, c.errf(b.Pos, "min", bp, "a band needs min, max or both")
		}
		if lo > hi {
			return 0, c.errf(b.Pos, "max", bp, "max %s is below min %s", fmtPoints(hi), fmtPoints(lo))
		}
		pts := b.Points
		if pts < 0 {
			return 0, c.errf(b.Pos, "points", bp, "points %s are negative", fmtPoints(pts))
		}
		if disqualifier && pts == 0 {
			pts = 1
		}
		for j, o := range cr.bands {
			if lo <= o.hi && o.lo <= hi {
				return 0, c.errf(b.Pos, "min", bp, "band %s overlaps band %d (%s)", bandText(lo, hi), j, bandText(o.lo, o.hi))
			}
		}
		cr.bands = append(cr.bands, band{lo: lo, hi: hi, points: pts})
		best = math.Max(best, pts)
	}
	return best, nil
}

func (c *compiler) values(s *Criterion, cr *criterion, path string, disqualifier bool) (float64, error) {
	if len(s.Values) == 0 {
		return 0, c.errf(s.Pos, "values", path, "a %s criterion needs values", s.Kind)
	}
	if cr.kind == kindSet {
		switch s.Match {
		case "", "any":
			cr.match = matchAny
		case "all":
			cr.match = matchAll
		case "each":
			cr.match = matchEach
			if s.Each <= 0 {
				return 0, c.errf(s.Pos, "each", path, "match each needs each: the points per matching value")
			}
			cr.each = s.Each
		default:
			return 0, c.errf(s.Pos, "match", path, "match %q is not any, all or each", s.Match)
		}
		if s.Each != 0 && cr.match != matchEach {
			return 0, c.errf(s.Pos, "each", path, "each is used only with match: each")
		}
		if len(s.Values) > maxSetValues {
			return 0, c.errf(s.Pos, "values", path, "a set takes at most %d values; got %d", maxSetValues, len(s.Values))
		}
	}
	cr.index = map[string]int{}
	best := 0.0
	for i, v := range s.Values {
		vp := join(path, fmt.Sprintf("values[%d]", i))
		if strings.TrimSpace(v.Value) == "" {
			return 0, c.errf(v.Pos, "value", vp, "the value is empty")
		}
		pts := s.Points
		if v.Points != nil {
			if cr.kind == kindSet {
				return 0, c.errf(v.Pos, "points", vp, "set values have no points of their own; use match and each")
			}
			pts = *v.Points
			if pts < 0 {
				return 0, c.errf(v.Pos, "points", vp, "points %s are negative", fmtPoints(pts))
			}
		}
		if disqualifier && pts == 0 {
			pts = 1 // every listed value disqualifies
		}
		cr.values = append(cr.values, v.Value)
		cr.points = append(cr.points, pts)
		for _, name := range append([]string{v.Value}, v.Aliases...) {
			k := foldASCII(name)
			if k == "" {
				return 0, c.errf(v.Pos, "aliases", vp, "an alias is empty")
			}
			if j, dup := cr.index[k]; dup {
				return 0, c.errf(v.Pos, "value", vp, "%q is already listed as %q", name, cr.values[j])
			}
			cr.index[k] = i
		}
		best = math.Max(best, pts)
	}
	if cr.kind == kindSet {
		best = s.Points
		if cr.match == matchEach {
			best = float64(len(cr.values)) * cr.each
			if s.Points > 0 {
				best = math.Min(best, s.Points)
			}
		}
	}
	return best, nil
}

func (c *compiler) eventKinds(s *Criterion, cr *criterion, path string, disqualifier bool) (float64, error) {
	if s.WindowDays < 0 {
		return 0, c.errf(s.Pos, "window_days", path, "window_days %g is negative", s.WindowDays)
	}
	if s.HalfLifeDays < 0 {
		return 0, c.errf(s.Pos, "half_life_days", path, "half_life_days %g is negative", s.HalfLifeDays)
	}
	if s.MinStrength < 0 || s.MinStrength > 100 {
		return 0, c.errf(s.Pos, "min_strength", path, "min_strength %g is outside 0–100", s.MinStrength)
	}
	cr.window, cr.halfLife, cr.minStrength = s.WindowDays, s.HalfLifeDays, s.MinStrength
	cr.byTopic = cr.field == fieldIntent
	cr.anyKind = len(s.Kinds) == 0
	cr.index = map[string]int{}
	best := s.Points
	if !cr.anyKind {
		best = 0
	}
	for i, k := range s.Kinds {
		kp := join(path, fmt.Sprintf("kinds[%d]", i))
		key := foldASCII(k.Kind)
		if key == "" {
			return 0, c.errf(k.Pos, "kind", kp, "the kind is empty")
		}
		if _, dup := cr.index[key]; dup {
			return 0, c.errf(k.Pos, "kind", kp, "kind %q is listed twice", k.Kind)
		}
		pts := s.Points
		if k.Points != nil {
			pts = *k.Points
			if pts < 0 {
				return 0, c.errf(k.Pos, "points", kp, "points %s are negative", fmtPoints(pts))
			}
		}
		if disqualifier && pts == 0 {
			pts = 1 // every listed kind disqualifies
		}
		cr.index[key] = i
		cr.values = append(cr.values, k.Kind)
		cr.points = append(cr.points, pts)
		best = math.Max(best, pts)
	}
	if s.Bands != nil {
		if s.HalfLifeDays != 0 {
			return 0, c.errf(s.Pos, "half_life_days", path, "half_life_days does not apply when bands count events")
		}
		return c.bands(s, cr, path, disqualifier)
	}
	return best, nil
}

func (c *compiler) tiers(s *Spec, m *Model) ([]Tier, error) {
	if len(s.Tiers) == 0 {
		return nil, c.errf(s.Pos, "tiers", "", "the model needs tiers, best first (e.g. Tier 1 at 80, Tier 2 at 65, Tier 3 at 0)")
	}
	seen := map[string]bool{}
	var out []Tier
	for i, t := range s.Tiers {
		tp := fmt.Sprintf("tiers[%d]", i)
		name := strings.TrimSpace(t.Name)
		if name == "" {
			return nil, c.errf(t.Pos, "name", tp, "the tier needs a name")
		}
		if strings.EqualFold(name, TierDisqualified) {
			return nil, c.errf(t.Pos, "name", tp, "%q is reserved for disqualified prospects", TierDisqualified)
		}
		if seen[foldASCII(name)] {
			return nil, c.errf(t.Pos, "name", tp, "tier name %q is used twice", name)
		}
		seen[foldASCII(name)] = true
		if t.Min < 0 || t.Min > 100 {
			return nil, c.errf(t.Pos, "min", tp, "min %s is outside the score range 0–100", fmtPoints(t.Min))
		}
		if i > 0 && t.Min >= out[i-1].Min {
			return nil, c.errf(t.Pos, "min", tp, "tiers must be listed best first with falling minimums: %s (%s) is not below %s (%s)", name, fmtPoints(t.Min), out[i-1].Name, fmtPoints(out[i-1].Min))
		}
		out = append(out, Tier{Name: name, Min: t.Min})
	}
	last := s.Tiers[len(s.Tiers)-1]
	if last.Min != 0 {
		return nil, c.errf(last.Pos, "min", fmt.Sprintf("tiers[%d]", len(s.Tiers)-1), "the last tier must start at 0 so every score has a tier; it starts at %s", fmtPoints(last.Min))
	}
	if err := c.reachable(s, m, out); err != nil {
		return nil, err
	}
	return out, nil
}

// reachable rejects a tier that no score can fall in. Scores are sums of
// the points each criterion can earn; criteria with decay make scores
// continuous, and then every tier is reachable. So does a model too large
// to enumerate within maxSums distinct sums or maxSumWork additions.
func (c *compiler) reachable(s *Spec, m *Model, tiers []Tier) error {
	const (
		maxSums    = 20000
		maxSumWork = 2000000
	)
	work := 0
	reach := make([]bool, len(tiers))
	for _, p := range m.profiles {
		sums := []float64{0}
		continuous := false
		for i := range p.crit {
			opts := p.crit[i].earnable()
			work += len(sums) * len(opts)
			if opts == nil || work > maxSumWork {
				continuous = true
				break
			}
			next := map[float64]bool{}
			for _, a := range sums {
				for _, b := range opts {
					next[math.Round((a+b)*1e6)/1e6] = true
				}
			}
			if len(next) > maxSums {
				continuous = true
				break
			}
			sums = sums[:0]
			for v := range next {
				sums = append(sums, v)
			}
		}
		if continuous || len(m.pen) > 0 {
			return nil // penalties and decay fill the gaps
		}
		for _, v := range sums {
			sc := 100 * v / p.total
			for i, t := range tiers {
				if sc >= t.Min-pointsTolerance {
					reach[i] = true
					break
				}
			}
		}
	}
	for i, ok := range reach {
		if !ok {
			return c.errf(s.Tiers[i].Pos, "min", fmt.Sprintf("tiers[%d]", i), "no score can reach tier %s (at %s); check the tier minimums against the criteria's points", tiers[i].Name, fmtPoints(tiers[i].Min))
		}
	}
	return nil
}

// earnable lists the distinct points a criterion can earn, or nil when
// they are continuous (decay).
func (c *criterion) earnable() []float64 {
	set := map[float64]bool{0: true}
	switch c.kind {
	case kindRange:
		for _, b := range c.bands {
			set[b.points] = true
		}
	case kindCategory:
		for _, p := range c.points {
			set[p] = true
		}
	case kindSet:
		set[c.max] = true
		if c.match == matchEach {
			for n := 1; n <= len(c.values); n++ {
				set[math.Min(float64(n)*c.each, c.max)] = true
			}
		}
	case kindEvents:
		if c.halfLife > 0 {
			return nil
		}
		if c.bands != nil {
			for _, b := range c.bands {
				set[b.points] = true
			}
		} else if c.anyKind {
			set[c.max] = true
		}
		for _, p := range c.points {
			set[p] = true
		}
	case kindFlag:
		set[c.max] = true
	}
	out := make([]float64, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Float64s(out)
	return out
}

func (c *compiler) staleness(s *StalenessSpec, m *Model) error {
	m.rescore = DefaultRescoreDays
	if len(s.RescoreDays) > 0 { // an empty list is the default too, so a Spec round-trips through Marshal
		m.rescore = nil
		for i, d := range s.RescoreDays {
			if d <= 0 || (i > 0 && d <= s.RescoreDays[i-1]) {
				return c.errf(s.Pos, "rescore_days", "staleness", "rescore_days must be positive and rising: %v", s.RescoreDays)
			}
			m.rescore = append(m.rescore, d)
		}
	}
	m.noMove = s.NoMovementDays
	if m.noMove < 0 {
		return c.errf(s.Pos, "no_movement_days", "staleness", "no_movement_days %g is negative", m.noMove)
	}
	if m.noMove == 0 {
		m.noMove = DefaultNoMovementDays
	}
	return nil
}

func kindPhrase(k Kind) string {
	switch k {
	case KindNumber:
		return "a number"
	case KindText:
		return "text"
	case KindList:
		return "a list"
	case KindFlag:
		return "yes/no"
	case KindEvents:
		return "dated events"
	}
	return "nothing"
}

func kindFor(k Kind) string {
	switch k {
	case KindNumber:
		return "range"
	case KindText:
		return "category"
	case KindList:
		return "set"
	case KindFlag:
		return "flag"
	case KindEvents:
		return "events"
	}
	return "?"
}
