package icp

import (
	"fmt"
	"os"
	"sort"
)

// Model is a compiled model file. It is immutable and safe for concurrent
// use by any number of goroutines.
type Model struct {
	spec     Spec
	file     string
	name     string
	version  string
	profiles []profile
	disq     []criterion
	pen      []criterion
	tiers    []Tier
	routing  routing
	rescore  []float64
	noMove   float64
	custom   []CustomField
	nCrit    int // criteria over all profiles
}

type profile struct {
	name, label string
	gates       bool
	total       float64
	crit        []criterion
}

// Tier is a named band of scores at or above Min.
type Tier struct {
	Name string
	Min  float64
}

// Load reads and compiles a model file.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("icp: load model: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and compiles a model file's bytes; file names it in errors.
func Parse(file string, data []byte) (*Model, error) {
	s, err := ParseSpec(file, data)
	if err != nil {
		return nil, err
	}
	return Compile(file, s)
}

// MustParse is Parse for models built into a program; it panics on error.
func MustParse(file string, data []byte) *Model {
	m, err := Parse(file, data)
	if err != nil {
		panic(err)
	}
	return m
}

// Name returns the model's name.
func (m *Model) Name() string { return m.name }

// Version returns the model's version label.
func (m *Model) Version() string { return m.version }

// File returns the file name the model was parsed from.
func (m *Model) File() string { return m.file }

// Tiers returns the tiers, best first.
func (m *Model) Tiers() []Tier { return append([]Tier(nil), m.tiers...) }

// Profiles returns the names of the model's ICPs, in file order.
func (m *Model) Profiles() []string {
	ns := make([]string, len(m.profiles))
	for i, p := range m.profiles {
		ns[i] = p.name
	}
	return ns
}

// Gates reports whether profile i is scored in gates mode.
func (m *Model) Gates(i int) bool { return m.profiles[i].gates }

// CriterionInfo describes a criterion of a profile.
type CriterionInfo struct {
	Name, Label string
	Field       string // as in the model file, e.g. "employees" or "custom.segment"
	Kind        string // range, category, set, events or flag
	Group       Group
	Max         float64 // maximum points
}

// Criteria describes the criteria of profile i (0 for a single-profile model).
func (m *Model) Criteria(i int) []CriterionInfo {
	cs := m.profiles[i].crit
	out := make([]CriterionInfo, len(cs))
	for j := range cs {
		out[j] = cs[j].info()
	}
	return out
}

// Disqualifiers describes the model's disqualifiers.
func (m *Model) Disqualifiers() []CriterionInfo {
	out := make([]CriterionInfo, len(m.disq))
	for j := range m.disq {
		out[j] = m.disq[j].info()
	}
	return out
}

func (c *criterion) info() CriterionInfo {
	f := fields[c.field].name
	if c.field == fieldCustom {
		f = "custom." + c.custom
	}
	return CriterionInfo{Name: c.name, Label: c.label, Field: f, Kind: c.kind.String(), Group: c.group, Max: c.max}
}

// Total returns the maximum points of profile i.
func (m *Model) Total(i int) float64 { return m.profiles[i].total }

// CustomFields lists the custom attributes the model reads, by name.
func (m *Model) CustomFields() []CustomField { return append([]CustomField(nil), m.custom...) }

// Columns returns the model file's explicit column mapping: canonical
// column name to the header used in the user's files.
func (m *Model) Columns() map[string]string {
	out := make(map[string]string, len(m.spec.Columns))
	for k, v := range m.spec.Columns {
		out[k] = v
	}
	return out
}

// Spec returns a deep copy of the model file the model was compiled from,
// for tools that edit and write it back.
func (m *Model) Spec() *Spec {
	s := cloneSpec(&m.spec)
	return s
}

// RescoreDays returns the opportunity ages, in days, at which a score is due again.
func (m *Model) RescoreDays() []float64 { return append([]float64(nil), m.rescore...) }

// NoMovementDays returns how long an open opportunity may sit in one stage.
func (m *Model) NoMovementDays() float64 { return m.noMove }

func sortedCustom(seen map[string]Kind) []CustomField {
	out := make([]CustomField, 0, len(seen))
	for n, k := range seen {
		out = append(out, CustomField{Name: n, Kind: k})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Penalties describes the model's penalties; Max is the score deducted
// (in points of the first profile's total).
func (m *Model) Penalties() []CriterionInfo {
	out := make([]CriterionInfo, len(m.pen))
	for j := range m.pen {
		out[j] = m.pen[j].info()
	}
	return out
}

// Routing is the compiled routing rule, thresholds on the 0–100 score.
type Routing struct {
	Default       Channel // channel assumed when a prospect has none
	RepAt         float64 // inbound: at or above goes to a rep, else nurture
	Floor         float64 // outbound: no contact below
	ApprovalBelow float64 // opportunity: manager approval below
	ReasonBelow   float64 // opportunity: written reason below
	OneMissed     Route   // gates mode: where one missed gate goes
}

// Routing returns the model's routing rule.
func (m *Model) Routing() Routing {
	r := m.routing
	return Routing{Default: r.def, RepAt: r.repAt, Floor: r.floor, ApprovalBelow: r.approvalBelow, ReasonBelow: r.reasonBelow, OneMissed: r.oneMissed}
}
