package icp

// Spec is a model file as written: the YAML (or JSON) document a RevOps
// team edits. Compile checks it and turns it into a Model. Spec values
// round-trip through yaml.Marshal, which is how calibrate writes a
// suggested model.
type Spec struct {
	Format      int    `yaml:"icpkit"` // file format version; 1
	Name        string `yaml:"name"`
	Version     string `yaml:"version,omitempty"`
	Description string `yaml:"description,omitempty"`
	Currency    string `yaml:"currency,omitempty"`

	// Total is the points a perfect prospect earns; criteria maxima must
	// add up to it. Zero means 100.
	Total float64 `yaml:"total,omitempty"`

	// Mode is "points" (the default) or "gates" for the single profile
	// given by Criteria.
	Mode string `yaml:"mode,omitempty"`

	// Criteria is the model when there is one profile. Profiles holds two
	// or more named ICPs instead; a file has one or the other.
	Criteria []Criterion `yaml:"criteria,omitempty"`
	Profiles []Profile   `yaml:"profiles,omitempty"`

	// Disqualifiers force the tier "Disqualified" and the route
	// "disqualify" when they match; the score is kept. Penalties subtract
	// their points when they match.
	Disqualifiers []Criterion `yaml:"disqualifiers,omitempty"`
	Penalties     []Criterion `yaml:"penalties,omitempty"`

	Tiers     []TierSpec        `yaml:"tiers"`
	Routing   RoutingSpec       `yaml:"routing,omitempty"`
	Staleness StalenessSpec     `yaml:"staleness,omitempty"`
	Columns   map[string]string `yaml:"columns,omitempty"`

	Pos Pos `yaml:"-"`
}

// Profile is one named ICP of a file with several.
type Profile struct {
	Name     string      `yaml:"name"`
	Label    string      `yaml:"label,omitempty"`
	Mode     string      `yaml:"mode,omitempty"`
	Total    float64     `yaml:"total,omitempty"`
	Criteria []Criterion `yaml:"criteria"`
	Pos      Pos         `yaml:"-"`
}

// Criterion is one scored attribute. Kind selects how the field's value
// earns points:
//
//	range     numeric field; Bands give points to value ranges
//	category  text field; Values give points per value (default Points)
//	set       list field; Match "any", "all" or "each" (Each points per match, capped at Points)
//	events    dated events; Kinds give points per kind (default Points),
//	          within WindowDays of the as-of date, halved every HalfLifeDays;
//	          with Bands, the count of matching events earns the band's points
//	flag      yes/no field; Points when the value equals Is (default yes)
//
// Points is the criterion's maximum. In a disqualifier it is ignored; in a
// penalty it is the deduction.
type Criterion struct {
	Name         string          `yaml:"name"`
	Label        string          `yaml:"label,omitempty"`
	Group        string          `yaml:"group,omitempty"` // "fit" or "behavior"; default from the field
	Field        string          `yaml:"field"`
	Kind         string          `yaml:"kind"`
	Points       float64         `yaml:"points,omitempty"`
	Bands        []Band          `yaml:"bands,omitempty"`
	Values       []CategoryValue `yaml:"values,omitempty"`
	Match        string          `yaml:"match,omitempty"`
	Each         float64         `yaml:"each,omitempty"`
	Kinds        []EventKind     `yaml:"kinds,omitempty"`
	WindowDays   float64         `yaml:"window_days,omitempty"`
	HalfLifeDays float64         `yaml:"half_life_days,omitempty"`
	MinStrength  float64         `yaml:"min_strength,omitempty"`
	Is           *bool           `yaml:"is,omitempty"`
	Pos          Pos             `yaml:"-"`
}

// Band is an inclusive numeric range. A nil bound is open.
type Band struct {
	Min    *float64 `yaml:"min,omitempty"`
	Max    *float64 `yaml:"max,omitempty"`
	Points float64  `yaml:"points"`
	Pos    Pos      `yaml:"-"`
}

// CategoryValue is one accepted value of a category or set criterion. In a
// file it may be written as a bare string.
type CategoryValue struct {
	Value   string   `yaml:"value"`
	Points  *float64 `yaml:"points,omitempty"`
	Aliases []string `yaml:"aliases,omitempty"`
	Pos     Pos      `yaml:"-"`
}

// EventKind is one event kind (or intent topic) an events criterion
// counts. In a file it may be written as a bare string.
type EventKind struct {
	Kind   string   `yaml:"kind"`
	Points *float64 `yaml:"points,omitempty"`
	Pos    Pos      `yaml:"-"`
}

// TierSpec names the scores at or above Min. Tiers are listed best first
// with strictly decreasing Min; the last one should start at 0.
type TierSpec struct {
	Name string  `yaml:"name"`
	Min  float64 `yaml:"min"`
	Pos  Pos     `yaml:"-"`
}

// RoutingSpec says where a scored prospect goes, per channel.
type RoutingSpec struct {
	// Default is the channel assumed when a prospect has none: "inbound"
	// (the default), "outbound" or "opportunity".
	Default     string          `yaml:"default,omitempty"`
	Inbound     InboundRule     `yaml:"inbound,omitempty"`
	Outbound    OutboundRule    `yaml:"outbound,omitempty"`
	Opportunity OpportunityRule `yaml:"opportunity,omitempty"`
	Gates       GatesRule       `yaml:"gates,omitempty"`
	Pos         Pos             `yaml:"-"`
}

// InboundRule: at or above RepAt go to a rep now, else nurture. Nil means
// the second tier's minimum.
type InboundRule struct {
	RepAt *float64 `yaml:"rep_at,omitempty"`
	Pos   Pos      `yaml:"-"`
}

// OutboundRule: never contact below Floor (nil means 50).
type OutboundRule struct {
	Floor *float64 `yaml:"floor,omitempty"`
	Pos   Pos      `yaml:"-"`
}

// OpportunityRule: below ApprovalBelow a deal needs manager approval
// (nil means 65); below ReasonBelow it also needs a written reason (nil
// means 60).
type OpportunityRule struct {
	ApprovalBelow *float64 `yaml:"approval_below,omitempty"`
	ReasonBelow   *float64 `yaml:"reason_below,omitempty"`
	Pos           Pos      `yaml:"-"`
}

// GatesRule: in gates mode, all gates passed go to a rep and two or more
// missed go to nurture; OneMissed says where one miss goes: "rep",
// "nurture" or "manager_approval" (the default).
type GatesRule struct {
	OneMissed string `yaml:"one_missed,omitempty"`
	Pos       Pos    `yaml:"-"`
}

// StalenessSpec says when a score is out of date. RescoreDays are the
// ages of an opportunity (days since it opened) at which it is re-scored;
// empty means [60, 90]. NoMovementDays flags an open opportunity whose stage
// has not moved for that long; 0 means 180.
type StalenessSpec struct {
	RescoreDays    []float64 `yaml:"rescore_days,omitempty"`
	NoMovementDays float64   `yaml:"no_movement_days,omitempty"`
	Pos            Pos       `yaml:"-"`
}

// Pos is where a value stood in its file: 1-based line and column. The
// decoder records it for messages; it is not written back.
type Pos struct {
	Line, Column int
	keys         map[string]Pos
}

// Key returns the position of the named key of a mapping, or p itself when
// the key was not in the file.
func (p Pos) Key(name string) Pos {
	if k, ok := p.keys[name]; ok {
		return k
	}
	return Pos{Line: p.Line, Column: p.Column}
}
