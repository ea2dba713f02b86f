package report

import (
	"strings"
	"testing"
)

// A lower tier beating a higher one is "out of order" only when the Wilson
// intervals are apart; inside overlapping intervals it is the weaker
// "does not convert meaningfully better" (the Maven CRM data: 62.4% vs
// 63.7% with intervals 60.6–64.1% and 62.1–65.4%).
func TestTierFlags(t *testing.T) {
	known := func(v float64) Figure { return Figure{Value: v, Known: true} }
	tier := func(name string, rate, lo, hi float64) TierRate {
		return TierRate{Tier: name, Closed: 1000, Rate: known(rate), Low: known(lo), High: known(hi)}
	}
	tests := []struct {
		name         string
		a, b         TierRate
		wantA, wantB string
	}{
		{"apart, in order", tier("Tier 1", 0.7, 0.65, 0.75), tier("Tier 2", 0.5, 0.45, 0.55), "", ""},
		{"overlap, in order", tier("Tier 1", 0.637, 0.621, 0.654), tier("Tier 2", 0.62, 0.606, 0.641), "Tier 1 does not convert meaningfully better than Tier 2", ""},
		{"overlap, reversed", tier("Tier 2", 0.624, 0.606, 0.641), tier("Tier 3", 0.637, 0.621, 0.654), "Tier 2 does not convert meaningfully better than Tier 3", ""},
		{"apart, reversed", tier("Tier 1", 0.3, 0.25, 0.35), tier("Tier 2", 0.5, 0.45, 0.55), "", "Tier 2 converts better than Tier 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &WinRate{Tiers: []TierRate{tt.a, tt.b}}
			w.flag(2, DefaultSettings)
			if got := w.Tiers[0].Flag; !strings.Contains(got, tt.wantA) || (tt.wantA == "") != (got == "") {
				t.Errorf("flag(%s) = %q; want %q", tt.a.Tier, got, tt.wantA)
			}
			if got := w.Tiers[1].Flag; !strings.Contains(got, tt.wantB) || (tt.wantB == "") != (got == "") {
				t.Errorf("flag(%s) = %q; want %q", tt.b.Tier, got, tt.wantB)
			}
		})
	}
}
