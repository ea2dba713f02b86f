package icp_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

// model is a small valid model; each compile test replaces one line. Line
// 5 is the second criterion.
const model = `icpkit: 1
name: t
criteria:
  - {name: a, field: decision_maker, kind: flag, points: 50}
  - {name: b, field: champion, kind: flag, points: 50}
tiers:
  - {name: Top, min: 100}
  - {name: Rest, min: 0}
`

// withLine returns model with line n (1-based) replaced by s, or with s
// appended when n is past the end.
func withLine(n int, s string) string {
	lines := strings.Split(strings.TrimSuffix(model, "\n"), "\n")
	if n > len(lines) {
		lines = append(lines, s)
	} else {
		lines[n-1] = s
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestCompileErrors(t *testing.T) {
	// Columns are counted from the quoted line: "  - {" puts the brace
	// at 5 and the first key at 6.
	tests := []struct {
		name string
		src  string
		want string
		err  error
	}{
		{
			"unknown kind",
			withLine(5, "  - {name: b, field: employees, kind: ranges, points: 50, bands: [{min: 1, points: 50}]}"),
			`test.yaml:5:39: field criteria[1].kind: invalid value: kind "ranges" is not range, category, set, events or flag`,
			icp.ErrInvalid,
		},
		{
			"key of another kind",
			withLine(5, "  - {name: b, field: employees, kind: range, points: 50, window_days: 30, bands: [{min: 1, points: 50}]}"),
			"test.yaml:5:71: field criteria[1].window_days: invalid value: window_days is not used by kind range (it belongs to events)",
			icp.ErrInvalid,
		},
		{
			"band max below min",
			withLine(5, "  - {name: b, field: employees, kind: range, points: 50, bands: [{min: 500, max: 100, points: 50}]}"),
			"test.yaml:5:82: field criteria[1].bands[0].max: invalid value: max 100 is below min 500",
			icp.ErrInvalid,
		},
		{
			"value above the criterion",
			withLine(5, "  - {name: b, field: industry, kind: category, points: 50, values: [{value: Software, points: 60}]}"),
			"test.yaml:5:56: field criteria[1].points: invalid value: a value earns 60 points, more than the criterion's 50",
			icp.ErrInvalid,
		},
		{
			"no value earns the points",
			withLine(5, "  - {name: b, field: industry, kind: category, points: 50, values: [{value: Software, points: 40}]}"),
			"test.yaml:5:56: field criteria[1].points: invalid value: no value earns the criterion's 50 points (the most is 40)",
			icp.ErrInvalid,
		},
		{
			"set value with points",
			withLine(5, "  - {name: b, field: tech_stack, kind: set, points: 50, values: [Slack, {value: Zoom, points: 10}]}"),
			"test.yaml:5:95: field criteria[1].values[1].points: invalid value: set values have no points of their own; use match and each",
			icp.ErrInvalid,
		},
		{
			"custom field read two ways",
			withLine(5, "  - {name: b, field: custom.tier, kind: range, points: 50, bands: [{min: 1, points: 50}]}") +
				"disqualifiers:\n  - {name: c, field: custom.tier, kind: category, values: [Z]}\n",
			`test.yaml:10:41: field disqualifiers[0].kind: invalid value: custom field "tier" is read as number elsewhere and as text here`,
			icp.ErrInvalid,
		},
		{
			"intent strength above 100",
			withLine(5, "  - {name: b, field: intent, kind: events, points: 50, min_strength: 120}"),
			"test.yaml:5:70: field criteria[1].min_strength: invalid value: min_strength 120 is outside 0–100",
			icp.ErrInvalid,
		},
		{
			"flag is yes",
			withLine(5, "  - {name: b, field: champion, kind: flag, points: 50, is: yes}"),
			`test.yaml:5:60: field criteria[1].is: wrong type: want true or false, got text "yes"`,
			icp.ErrType,
		},
		{
			"reserved tier name",
			withLine(7, "  - {name: Disqualified, min: 100}"),
			`test.yaml:7:12: field tiers[0].name: invalid value: "Disqualified" is reserved for disqualified prospects`,
			icp.ErrInvalid,
		},
		{
			"last tier above 0",
			withLine(8, "  - {name: Rest, min: 10}"),
			"test.yaml:8:23: field tiers[1].min: invalid value: the last tier must start at 0 so every score has a tier; it starts at 10",
			icp.ErrInvalid,
		},
		{
			"one missed route",
			withLine(9, "routing: {gates: {one_missed: later}}"),
			`test.yaml:9:31: field routing.gates.one_missed: invalid value: one_missed "later" is not rep, nurture or manager_approval`,
			icp.ErrInvalid,
		},
		{
			"reason line above approval line",
			withLine(9, "routing: {opportunity: {approval_below: 60, reason_below: 65}}"),
			"test.yaml:9:59: field routing.opportunity.reason_below: invalid value: reason_below 65 is above approval_below 60; a written reason is the stricter line",
			icp.ErrInvalid,
		},
		{
			"re-score days falling",
			withLine(9, "staleness: {rescore_days: [90, 60]}"),
			"test.yaml:9:27: field staleness.rescore_days: invalid value: rescore_days must be positive and rising: [90 60]",
			icp.ErrInvalid,
		},
		{
			"columns as a list",
			withLine(9, "columns: [employees]"),
			"test.yaml:9:10: field columns: wrong type: want a mapping, got a list",
			icp.ErrType,
		},
		{
			"format 2",
			withLine(1, "icpkit: 2"),
			"test.yaml:1:9: field icpkit: invalid value: format 2 is not supported; this version reads format 1",
			icp.ErrInvalid,
		},
		{
			"no name",
			withLine(2, "# no name"),
			"test.yaml:1:1: field name: invalid value: the model needs a name",
			icp.ErrInvalid,
		},
		{
			"duplicate key",
			withLine(2, "name: t\nname: u"),
			`test.yaml:3:1: field name: invalid value: duplicate key "name"`,
			icp.ErrInvalid,
		},
		{
			"gates need two",
			"icpkit: 1\nname: t\nmode: gates\ncriteria:\n  - {name: a, field: decision_maker, kind: flag, points: 100}\ntiers: [{name: A, min: 0}]\n",
			"test.yaml:5:3: field criteria: invalid value: gates mode takes 2 to 6 gates (transactional sales use 3 or 4); got 1",
			icp.ErrInvalid,
		},
		{
			"profile names differ only in case",
			"icpkit: 1\nname: t\nprofiles:\n  - name: Tech\n    criteria: [{name: a, field: decision_maker, kind: flag, points: 100}]\n" +
				"  - name: TECH\n    criteria: [{name: a, field: decision_maker, kind: flag, points: 100}]\ntiers: [{name: A, min: 0}]\n",
			`test.yaml:6:11: field profiles[1].name: invalid value: profile name "TECH" is used twice`,
			icp.ErrInvalid,
		},
		{
			"merge keys are not supported",
			withLine(5, "  - {<<: {name: b}, field: champion, kind: flag, points: 50}"),
			`test.yaml:5:6: field criteria[1].<<: unknown key: "<<" is not a key of criteria[1] (known: name, label, group, field, kind, points, bands, values, match, each, kinds, window_days, half_life_days, min_strength, is)`,
			icp.ErrUnknownKey,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := icp.Parse("test.yaml", []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("Parse(%q) error =\n\t%v\nwant\n\t%s", tc.name, err, tc.want)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("Parse(%q) error %v is not %v", tc.name, err, tc.err)
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	// Forms a model file may take that a strict decoder could trip on.
	tests := []struct {
		name string
		src  string
	}{
		{"date as version", withLine(2, "name: t\nversion: 2026-10-01")},
		{"number as version", withLine(2, "name: t\nversion: 3")},
		{"nulls", withLine(2, "name: t\ndescription: ~\nrouting: null")},
		{"bare category values", withLine(5, "  - {name: b, field: industry, kind: category, points: 50, values: [Software, SaaS]}")},
		{"bare event kinds", withLine(5, "  - {name: b, field: triggers, kind: events, points: 50, kinds: [funding, expansion]}")},
		{"aliases", withLine(5, "  - {name: b, field: champion, kind: flag, points: &p 50}") + "penalties:\n  - {name: p, field: employees, kind: range, points: *p, bands: [{max: 1, points: *p}]}\n"},
		{"empty rescore list is the default", withLine(9, "staleness: {rescore_days: []}")},
		{"underscores in numbers", withLine(5, "  - {name: b, field: employees, kind: range, points: 50, bands: [{min: 1_000, points: 50}]}")},
		{"JSON", `{"icpkit": 1, "name": "t", "criteria": [{"name": "a", "field": "champion", "kind": "flag", "points": 100}], "tiers": [{"name": "A", "min": 0}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := icp.Parse("test.yaml", []byte(tc.src)); err != nil {
				t.Errorf("Parse(%q) = %v; want a model", tc.name, err)
			}
		})
	}
	t.Run("empty rescore list", func(t *testing.T) {
		m := parse(t, withLine(9, "staleness: {rescore_days: []}"))
		if got := m.RescoreDays(); len(got) != 2 || got[0] != 60 || got[1] != 90 {
			t.Errorf("RescoreDays() = %v; want [60 90]", got)
		}
	})
}
