package icp_test

import (
	"math"
	"slices"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestCustomFields(t *testing.T) {
	// testdata/models/partner_smb.json reads a custom attribute of every
	// kind. Its criteria, in order: 0 company_size, 1 segment (category:
	// SMB 20, Mid-Market 10 with aliases MM and Mid Market), 2 arr (range:
	// 1M–20M earns 15), 3 integrations (set, all of Shopify and Stripe:
	// 15), 4 webinars (events in the last 90 days, counted: one earns 10,
	// two or more 20), 5 partner_referral (flag: 10).
	m := load(t, "partner_smb.json")
	want := []icp.CustomField{
		{Name: "arr", Kind: icp.KindNumber},
		{Name: "integrations", Kind: icp.KindList},
		{Name: "partner_referral", Kind: icp.KindFlag},
		{Name: "segment", Kind: icp.KindText},
		{Name: "webinars", Kind: icp.KindEvents},
	}
	if got := m.CustomFields(); !slices.Equal(got, want) {
		t.Errorf("CustomFields() = %v; want %v", got, want)
	}
	webinar := func(age float64) icp.Event { return icp.Event{Kind: "webinar", Date: daysAgo(age)} }
	tests := []struct {
		name      string
		criterion int
		value     icp.Value
		want      scored
	}{
		{"text", 1, icp.TextValue("smb"), scored{20, icp.Matched}},
		{"text alias", 1, icp.TextValue("Mid Market"), scored{10, icp.Partial}},
		{"text unlisted", 1, icp.TextValue("Enterprise"), scored{0, icp.Unmatched}},
		{"text blank", 1, icp.TextValue(" "), scored{0, icp.Missing}},
		{"text given a number", 1, icp.NumberValue(3), scored{0, icp.Missing}},
		{"unknown value", 1, icp.Value{}, scored{0, icp.Missing}},
		{"number", 2, icp.NumberValue(2e6), scored{15, icp.Matched}},
		{"number outside", 2, icp.NumberValue(5e5), scored{0, icp.Unmatched}},
		{"number zero", 2, icp.NumberValue(0), scored{0, icp.Unmatched}},
		{"number NaN", 2, icp.NumberValue(math.NaN()), scored{0, icp.Missing}},
		{"number given text", 2, icp.TextValue("2M"), scored{0, icp.Missing}},
		{"list all", 3, icp.ListValue([]string{"stripe", "Shopify", "Zendesk"}), scored{15, icp.Matched}},
		{"list some", 3, icp.ListValue([]string{"Stripe"}), scored{0, icp.Unmatched}},
		{"list nil is known none", 3, icp.ListValue(nil), scored{0, icp.Unmatched}},
		{"events two", 4, icp.EventsValue([]icp.Event{webinar(5), webinar(80)}), scored{20, icp.Matched}},
		{"events one in window", 4, icp.EventsValue([]icp.Event{webinar(5), webinar(91)}), scored{10, icp.Partial}},
		{"events nil is known none", 4, icp.EventsValue(nil), scored{0, icp.Unmatched}},
		{"flag yes", 5, icp.FlagValue(true), scored{10, icp.Matched}},
		{"flag no", 5, icp.FlagValue(false), scored{0, icp.Unmatched}},
		{"flag given text", 5, icp.TextValue("yes"), scored{0, icp.Missing}},
	}
	names := []string{"", "segment", "arr", "integrations", "webinars", "partner_referral"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := icp.Prospect{Custom: map[string]icp.Value{names[tc.criterion]: tc.value}}
			cs := m.Score(&p, asOf).Criteria[tc.criterion]
			if got := (scored{cs.Points, cs.State}); !got.near(tc.want) {
				t.Errorf("Score(%q) = %+v; want %+v", tc.name, got, tc.want)
			}
		})
	}
	t.Run("absent", func(t *testing.T) {
		r := m.Score(&icp.Prospect{}, asOf)
		for i, cs := range r.Criteria {
			if cs.State != icp.Missing {
				t.Errorf("Score(no custom map).Criteria[%d].State = %v; want missing", i, cs.State)
			}
		}
	})
}
