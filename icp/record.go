package icp

import "time"

// Number is a numeric attribute that may be unknown. The zero value is
// unknown, so a record built field by field never mistakes a missing
// employee count for zero employees.
type Number struct {
	Value float64
	Known bool
}

// Num returns a known Number.
func Num(v float64) Number { return Number{Value: v, Known: true} }

// Flag is a yes/no attribute that may be unknown. The zero value is Unknown.
type Flag uint8

const (
	Unknown Flag = iota
	No
	Yes
)

// String returns "unknown", "no" or "yes".
func (f Flag) String() string {
	switch f {
	case No:
		return "no"
	case Yes:
		return "yes"
	}
	return "unknown"
}

// FlagOf returns Yes for true and No for false.
func FlagOf(b bool) Flag {
	if b {
		return Yes
	}
	return No
}

// Event is a dated occurrence: a trigger event (kind "new_sales_leader",
// "funding", "headcount_surge", "expansion", "competitor_acquired",
// "regulatory_change", or any kind a model names), an intent signal or an
// engagement. Kind and Topic are matched case-insensitively.
//
// A zero Date means the date is unknown: the event counts only when the
// criterion has no time window.
type Event struct {
	Kind     string    // trigger kind, engagement kind ("page_visit", "email_open", "demo_view") or intent source
	Topic    string    // intent topic; empty for triggers and engagement
	Strength float64   // intent strength 0–100; 0 when not given
	Source   string    // where the signal came from (Bombora, G2, website, …)
	Date     time.Time // when it happened
}

// Channel says how a prospect reached sales; it selects the routing rule.
type Channel uint8

const (
	ChannelUnknown   Channel = iota
	Inbound                  // demo request, trial, inquiry: route fast
	Outbound                 // cold target: never contact below the floor
	OpportunityStage         // an open deal: review and approval lines
)

var channelNames = [...]string{"unknown", "inbound", "outbound", "opportunity"}

// String returns "unknown", "inbound", "outbound" or "opportunity".
func (c Channel) String() string {
	if int(c) < len(channelNames) {
		return channelNames[c]
	}
	return "unknown"
}

// ParseChannel reads a channel name as it appears in CRM exports, case-insensitively.
func ParseChannel(s string) (Channel, bool) {
	switch foldASCII(s) {
	case "inbound", "in", "inbound lead", "web", "demo request":
		return Inbound, true
	case "outbound", "out", "outbound prospecting", "cold":
		return Outbound, true
	case "opportunity", "opp", "deal":
		return OpportunityStage, true
	case "", "unknown":
		return ChannelUnknown, true
	}
	return ChannelUnknown, false
}

// Prospect is an account, lead or opportunity as the model sees it.
//
// Every attribute distinguishes unknown from zero: a Number's Known flag,
// an empty string, a nil slice and the Flag value Unknown all mean "not
// known". A non-nil empty slice means "known to be none" (no trigger events,
// no tools on the stack).
type Prospect struct {
	ID   string
	Name string

	// Firmographics.
	Employees       Number
	AnnualRevenue   Number // in the model's currency units
	Industry        string
	Country         string
	Region          string
	TechStack       []string
	FundingStage    string
	HeadcountGrowth Number // annual rate: 0.4 means 40% a year

	// Behaviour.
	Triggers   []Event
	Intent     []Event
	Engagement []Event

	// Decision-making.
	DecisionMaker Flag
	Champion      Flag
	BuyerTitle    string

	// Custom holds attributes a CRM adds, by name as the model refers to
	// them (field "custom.NAME"). Nil means none.
	Custom map[string]Value

	// Context for routing and staleness.
	Channel         Channel
	Opened          time.Time // when the opportunity opened; re-score checkpoints count from it
	ScoredAt        time.Time // when the score under review was set (opportunity creation, last re-score)
	LastStageChange time.Time // last stage movement of an open opportunity
}

// Kind is the type of a custom attribute value.
type Kind uint8

const (
	KindUnknown Kind = iota
	KindNumber
	KindText
	KindList
	KindFlag
	KindEvents
)

var kindNames = [...]string{"unknown", "number", "text", "list", "flag", "events"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Value is a custom attribute. Exactly the field selected by Kind is
// meaningful; Kind KindUnknown means the value is not known.
type Value struct {
	Kind   Kind
	Number float64
	Text   string
	List   []string
	Flag   bool
	Events []Event
}

// NumberValue, TextValue, ListValue, FlagValue and EventsValue build known values.
func NumberValue(v float64) Value { return Value{Kind: KindNumber, Number: v} }
func TextValue(s string) Value    { return Value{Kind: KindText, Text: s} }
func ListValue(s []string) Value  { return Value{Kind: KindList, List: s} }
func FlagValue(b bool) Value      { return Value{Kind: KindFlag, Flag: b} }
func EventsValue(e []Event) Value { return Value{Kind: KindEvents, Events: e} }
