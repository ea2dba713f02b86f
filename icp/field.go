package icp

import (
	"fmt"
	"strings"
)

// field identifies the Prospect attribute a criterion reads.
type field uint8

const (
	fieldNone field = iota
	fieldEmployees
	fieldAnnualRevenue
	fieldIndustry
	fieldCountry
	fieldRegion
	fieldTechStack
	fieldFundingStage
	fieldHeadcountGrowth
	fieldTriggers
	fieldIntent
	fieldEngagement
	fieldDecisionMaker
	fieldChampion
	fieldBuyerTitle
	fieldCustom
)

type fieldInfo struct {
	name    string // as written in a model file
	display string // as written in a reason
	kind    Kind
	group   Group
}

var fields = [...]fieldInfo{
	fieldEmployees:       {"employees", "employees", KindNumber, Fit},
	fieldAnnualRevenue:   {"annual_revenue", "annual revenue", KindNumber, Fit},
	fieldIndustry:        {"industry", "industry", KindText, Fit},
	fieldCountry:         {"country", "country", KindText, Fit},
	fieldRegion:          {"region", "region", KindText, Fit},
	fieldTechStack:       {"tech_stack", "tech stack", KindList, Fit},
	fieldFundingStage:    {"funding_stage", "funding stage", KindText, Fit},
	fieldHeadcountGrowth: {"headcount_growth", "headcount growth", KindNumber, Fit},
	fieldTriggers:        {"triggers", "trigger event", KindEvents, Behavior},
	fieldIntent:          {"intent", "intent", KindEvents, Behavior},
	fieldEngagement:      {"engagement", "engagement", KindEvents, Behavior},
	fieldDecisionMaker:   {"decision_maker", "decision maker identified", KindFlag, Behavior},
	fieldChampion:        {"champion", "champion identified", KindFlag, Behavior},
	fieldBuyerTitle:      {"buyer_title", "buyer title", KindText, Behavior},
	fieldCustom:          {"", "", KindUnknown, Fit}, // name and kind come from the criterion
}

// FieldNames lists the built-in fields a criterion can read, in the order
// of the Prospect struct. Custom attributes are read as "custom.NAME".
func FieldNames() []string {
	var ns []string
	for _, f := range fields {
		if f.name != "" {
			ns = append(ns, f.name)
		}
	}
	return ns
}

// parseField resolves a model file's field name.
func parseField(s string) (field, string, error) {
	if name, ok := strings.CutPrefix(s, "custom."); ok {
		if name == "" {
			return fieldNone, "", fmt.Errorf("custom field needs a name after \"custom.\"")
		}
		return fieldCustom, name, nil
	}
	for i, f := range fields {
		if f.name != "" && f.name == s {
			return field(i), "", nil
		}
	}
	return fieldNone, "", fmt.Errorf("unknown field %q (known: %s, custom.NAME)", s, strings.Join(FieldNames(), ", "))
}

// Group splits the score into firmographic fit and behavioural signals.
type Group uint8

const (
	Fit Group = iota
	Behavior
)

func (g Group) String() string {
	if g == Behavior {
		return "behavior"
	}
	return "fit"
}

// CustomField is a custom attribute a model reads, with the kind its
// criteria need. Readers use it to parse CRM columns.
type CustomField struct {
	Name string
	Kind Kind
}
