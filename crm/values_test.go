package crm

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

func TestAppendEvents(t *testing.T) {
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in     string
		intent bool
		want   []icp.Event
		err    string
	}{
		{"", false, nil, ""},
		{"n/a", false, nil, ""},
		{"None", false, []icp.Event{}, ""},
		{" ; | ", false, nil, ""},
		{"funding@2026-03-01; new_sales_leader@2026-05-10", false,
			[]icp.Event{{Kind: "funding", Date: d(2026, 3, 1)}, {Kind: "new_sales_leader", Date: d(2026, 5, 10)}}, ""},
		{" a:b @ 2026-03-01T10:30:00Z |c", false,
			[]icp.Event{{Kind: "a:b", Date: time.Date(2026, 3, 1, 10, 30, 0, 0, time.UTC)}, {Kind: "c"}}, ""},
		{"crm:80@2026-04-01;erp;hr : 5", true,
			[]icp.Event{{Topic: "crm", Strength: 80, Date: d(2026, 4, 1)}, {Topic: "erp"}, {Topic: "hr", Strength: 5}}, ""},
		{"crm@2026-04-01T10:00", true, []icp.Event{{Topic: "crm", Date: time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)}}, ""},
		{"@2026-04-01", false, nil, `is not an event list: entry "@2026-04-01" has no name`},
		{"x@", false, nil, `is not an event list: entry "x@": empty date after @`},
		{"x@soon", false, nil, `is not an event list: entry "x@soon": date "soon" is not a date`},
		{"crm:high", true, nil, `is not an event list: entry "crm:high": strength "high" is not a number`},
		{"crm:-1", true, nil, `is not an event list: entry "crm:-1": strength "-1" is out of range (0–100)`},
	}
	for _, tt := range tests {
		got, err := appendEvents(nil, tt.in, tt.intent, dateSettings{})
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" || gotErr != tt.err {
			t.Errorf("appendEvents(%q, intent=%v) error %q, want %q; mismatch (-want +got):\n%s", tt.in, tt.intent, gotErr, tt.err, diff)
		}
	}
}
