package icp

import "fmt"

// Route is where a scored prospect goes next.
type Route uint8

const (
	RouteNone            Route = iota
	RouteRep                   // a rep works it now
	RouteNurture               // low-touch nurture or product-led path
	RouteManagerApproval       // a manager approves before a rep works it
	RouteWrittenReason         // manager approval and a written reason for pursuing it
	RouteDoNotContact          // outbound below the floor: no cold contact
	RouteDisqualify            // negative ICP: disqualify early
)

var routeNames = [...]string{"none", "rep", "nurture", "manager_approval", "written_reason", "do_not_contact", "disqualify"}

// String returns the route's name as written in files: "rep", "nurture",
// "manager_approval", "written_reason", "do_not_contact" or "disqualify".
func (r Route) String() string {
	if int(r) < len(routeNames) {
		return routeNames[r]
	}
	return "none"
}

// ParseRoute reads a route name.
func ParseRoute(s string) (Route, error) {
	for i, n := range routeNames {
		if n == s && i > 0 {
			return Route(i), nil
		}
	}
	return RouteNone, fmt.Errorf("route %q is not one of rep, nurture, manager_approval, written_reason, do_not_contact, disqualify", s)
}

// routing is the compiled RoutingSpec, thresholds on the 0–100 score.
type routing struct {
	def           Channel
	repAt         float64
	floor         float64
	approvalBelow float64
	reasonBelow   float64
	oneMissed     Route
}

func (c *compiler) routing(s *RoutingSpec, tiers []Tier) (routing, error) {
	r := routing{def: Inbound, floor: DefaultOutboundFloor, approvalBelow: DefaultApprovalBelow, reasonBelow: DefaultReasonBelow, oneMissed: RouteManagerApproval}
	if s.Default != "" {
		ch, ok := ParseChannel(s.Default)
		if !ok || ch == ChannelUnknown {
			return r, c.errf(s.Pos, "default", "routing", "default channel %q is not inbound, outbound or opportunity", s.Default)
		}
		r.def = ch
	}
	r.repAt = tiers[0].Min
	if len(tiers) > 1 {
		r.repAt = tiers[1].Min
	}
	check := func(p *float64, dst *float64, pos Pos, key, path string) error {
		if p == nil {
			return nil
		}
		if *p < 0 || *p > 100 {
			return c.errf(pos, key, path, "%s %s is outside the score range 0–100", key, fmtPoints(*p))
		}
		*dst = *p
		return nil
	}
	if err := check(s.Inbound.RepAt, &r.repAt, s.Inbound.Pos, "rep_at", "routing.inbound"); err != nil {
		return r, err
	}
	if err := check(s.Outbound.Floor, &r.floor, s.Outbound.Pos, "floor", "routing.outbound"); err != nil {
		return r, err
	}
	o := &s.Opportunity
	if err := check(o.ApprovalBelow, &r.approvalBelow, o.Pos, "approval_below", "routing.opportunity"); err != nil {
		return r, err
	}
	if err := check(o.ReasonBelow, &r.reasonBelow, o.Pos, "reason_below", "routing.opportunity"); err != nil {
		return r, err
	}
	if r.reasonBelow > r.approvalBelow {
		return r, c.errf(o.Pos, "reason_below", "routing.opportunity", "reason_below %s is above approval_below %s; a written reason is the stricter line", fmtPoints(r.reasonBelow), fmtPoints(r.approvalBelow))
	}
	if s.Gates.OneMissed != "" {
		rt, err := ParseRoute(s.Gates.OneMissed)
		if err != nil || (rt != RouteRep && rt != RouteNurture && rt != RouteManagerApproval) {
			return r, c.errf(s.Gates.Pos, "one_missed", "routing.gates", "one_missed %q is not rep, nurture or manager_approval", s.Gates.OneMissed)
		}
		r.oneMissed = rt
	}
	return r, nil
}

// route applies the channel's rule to a score.
func (r *routing) route(score float64, ch Channel) Route {
	if ch == ChannelUnknown {
		ch = r.def
	}
	switch ch {
	case Outbound:
		if score < r.floor {
			return RouteDoNotContact
		}
		return RouteRep
	case OpportunityStage:
		switch {
		case score < r.reasonBelow:
			return RouteWrittenReason
		case score < r.approvalBelow:
			return RouteManagerApproval
		}
		return RouteRep
	}
	if score >= r.repAt {
		return RouteRep
	}
	return RouteNurture
}

// gateRoute applies gates mode: all passed go to a rep, two or more
// missed to nurture, one missed as configured.
func (r *routing) gateRoute(missed int) Route {
	switch missed {
	case 0:
		return RouteRep
	case 1:
		return r.oneMissed
	}
	return RouteNurture
}
