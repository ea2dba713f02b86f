package icp_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/icpkit/icpkit/icp"
)

// Clone must equal its source and share nothing with it: writing into the
// source's slices and custom values afterwards leaves the clone unchanged.
func TestProspectClone(t *testing.T) {
	src := icp.Prospect{
		TechStack:  []string{"Salesforce"},
		Triggers:   []icp.Event{{Kind: "funding", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}},
		Intent:     []icp.Event{},
		Engagement: nil,
		Custom:     map[string]icp.Value{"tools": icp.ListValue([]string{"Gong"}), "events": icp.EventsValue([]icp.Event{{Kind: "x"}})},
	}
	c := src.Clone()
	if diff := cmp.Diff(src, c); diff != "" {
		t.Fatalf("Clone differs (-src +clone):\n%s", diff)
	}
	if c.Intent == nil || c.Engagement != nil {
		t.Errorf("Clone: Intent nil %v, Engagement nil %v; want empty kept empty and nil kept nil", c.Intent == nil, c.Engagement == nil)
	}
	src.TechStack[0] = "changed"
	src.Triggers[0].Kind = "changed"
	src.Custom["tools"].List[0] = "changed"
	src.Custom["events"].Events[0].Kind = "changed"
	src.Custom["new"] = icp.TextValue("x")
	if c.TechStack[0] != "Salesforce" || c.Triggers[0].Kind != "funding" || c.Custom["tools"].List[0] != "Gong" || c.Custom["events"].Events[0].Kind != "x" || len(c.Custom) != 2 {
		t.Errorf("Clone shares memory with its source: %+v", c)
	}
}
