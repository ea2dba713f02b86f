package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 4 || recs[0][0] != "tier" {
		t.Fatalf("got %d rows; want a header and cohort rows", len(recs))
	}
	// The latest cohorts started within 12 months of the as-of date: their
	// 12-month figures must be empty (not yet known), never 0.
	col := -1
	for i, h := range recs[0] {
		if h == "logo_retention_12m" {
			col = i
		}
	}
	empty := 0
	for _, r := range recs[1:] {
		if r[col] == "" {
			empty++
		}
	}
	if empty == 0 {
		t.Errorf("no cohort is too young for 12-month retention; the demo's last quarters are")
	}
}
