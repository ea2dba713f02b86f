package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// The first lead matches the reference ICP on every firmographic and
	// has a decision maker; without a trigger event it earns 80 (Tier 1)
	// and goes to a rep. The second lead has 12 employees: no size points.
	if !strings.Contains(out, "Acme Analytics → rep (score 80, Tier 1") {
		t.Errorf("first lead:\n%s\nwant it routed to a rep at 80, Tier 1", out)
	}
	if !strings.Contains(out, "Corner Bakery → nurture") {
		t.Errorf("second lead:\n%s\nwant it routed to nurture", out)
	}
}
