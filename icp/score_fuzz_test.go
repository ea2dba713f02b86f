package icp_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/icp"
)

// FuzzScore scores prospects built from the fuzz bytes against every model
// file in testdata/models and checks what must hold for any prospect:
//
//   - the score is finite and within 0–100;
//   - it is 100 × (sum of the criteria's points) / total − penalty,
//     floored at 0, and the best profile's score before penalties;
//   - every criterion earns 0 to its maximum, nothing when unknown;
//   - the tier is TierOf(score) unless disqualified;
//   - one reason per criterion, penalty and disqualifier;
//   - ScoreInto on a used Result gives the same result as Score;
//   - adding an attribute that matches a criterion never lowers the score.
func FuzzScore(f *testing.F) {
	models := []*icp.Model{icp.Reference(), load(f, "multi_icp.yaml"), load(f, "gates.yaml"), load(f, "partner_smb.json")}
	f.Add([]byte{})
	f.Add([]byte("a lead of average fit"))
	rng := rand.New(rand.NewPCG(1, 2)) // fixed seeds: the same corpus every run
	for range 32 {
		b := make([]byte, 96)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fb := fuzzBytes(data)
		when := asOf
		if fb.next()%4 == 0 {
			when = time.Time{}
		}
		p := fb.prospect()
		for _, m := range models {
			checkScore(t, m, p, when)
		}
	})
}

func checkScore(t *testing.T, m *icp.Model, p icp.Prospect, when time.Time) {
	r := m.Score(&p, when)
	if math.IsNaN(r.Score) || r.Score < 0 || r.Score > 100+tolerance {
		t.Fatalf("%s: Score(%+v) = %v; want 0–100", m.Name(), p, r.Score)
	}
	pts, missing := 0.0, 0
	for i, cs := range r.Criteria {
		pts += cs.Points
		if cs.Points < 0 || cs.Points > cs.Max+tolerance || (cs.State == icp.Missing && cs.Points != 0) {
			t.Fatalf("%s: Score(%+v).Criteria[%d] = %+v; want 0–%v, 0 when missing", m.Name(), p, i, cs, cs.Max)
		}
		if cs.State == icp.Missing {
			missing++
		}
	}
	before := 100 * pts / m.Total(r.ProfileIndex)
	if want := max(before-r.Penalty, 0); math.Abs(r.Score-want) > tolerance {
		t.Fatalf("%s: Score(%+v) = %v; want 100×%v/%v − %v = %v", m.Name(), p, r.Score, pts, m.Total(r.ProfileIndex), r.Penalty, want)
	}
	for i, ps := range r.Profiles {
		if ps.Score > before+tolerance || (i < r.ProfileIndex && ps.Score >= before-tolerance) {
			t.Fatalf("%s: Score(%+v) picked profile %d (%v) over %d (%v)", m.Name(), p, r.ProfileIndex, before, i, ps.Score)
		}
	}
	wantTier := m.TierOf(r.Score)
	if r.Disqualified() {
		wantTier = icp.TierDisqualified
	}
	if r.Tier != wantTier || r.Missing != missing || r.Completeness < 0 || r.Completeness > 1+tolerance {
		t.Fatalf("%s: Score(%+v) = tier %s, %d missing, completeness %v; want %s, %d, 0–1", m.Name(), p, r.Tier, r.Missing, r.Completeness, wantTier, missing)
	}
	if got, want := len(r.Reasons()), len(r.Criteria)+len(r.Penalties)+len(r.Disqualifiers); got != want {
		t.Fatalf("%s: Score(%+v) has %d reasons; want %d", m.Name(), p, got, want)
	}

	var reused icp.Result
	other := sampleProspects()[1]
	m.ScoreInto(&reused, &other, asOf)
	m.ScoreInto(&reused, &p, when)
	if diff := cmp.Diff(r, &reused, cmpopts.IgnoreUnexported(icp.Result{}), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("%s: ScoreInto(used Result, %+v) differs from Score (-Score +ScoreInto):\n%s", m.Name(), p, diff)
	}

	for _, add := range additions {
		q := p
		q.TechStack = slices.Clone(p.TechStack)
		q.Triggers = slices.Clone(p.Triggers)
		q.Intent = slices.Clone(p.Intent)
		add.f(&q, when)
		if r2 := m.Score(&q, when); r2.Score < r.Score-tolerance {
			t.Fatalf("%s: adding %s lowers Score(%+v) from %v to %v", m.Name(), add.name, p, r.Score, r2.Score)
		}
	}
}

// additions are attributes that match some criterion of the models in
// testdata/models and no penalty.
var additions = []struct {
	name string
	f    func(p *icp.Prospect, when time.Time)
}{
	{"a CRM on the stack", func(p *icp.Prospect, _ time.Time) { p.TechStack = append(p.TechStack, "Salesforce") }},
	{"a payment tool", func(p *icp.Prospect, _ time.Time) { p.TechStack = append(p.TechStack, "Stripe") }},
	{"funding today", func(p *icp.Prospect, when time.Time) {
		p.Triggers = append(p.Triggers, icp.Event{Kind: "funding", Date: when})
	}},
	{"a regulatory change today", func(p *icp.Prospect, when time.Time) {
		p.Triggers = append(p.Triggers, icp.Event{Kind: "regulatory_change", Date: when})
	}},
	{"strong intent today", func(p *icp.Prospect, when time.Time) {
		p.Intent = append(p.Intent, icp.Event{Topic: "compliance automation", Strength: 100, Date: when})
	}},
	{"a decision maker", func(p *icp.Prospect, _ time.Time) { p.DecisionMaker = icp.Yes }},
	{"a champion", func(p *icp.Prospect, _ time.Time) { p.Champion = icp.Yes }},
	{"an industry where unknown", func(p *icp.Prospect, _ time.Time) {
		if p.Industry == "" {
			p.Industry = "Software"
		}
	}},
}

// fuzzBytes hands out fuzz input a byte at a time, zeros when it runs out.
type fuzzBytes []byte

func (b *fuzzBytes) next() byte {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return c
}

func (b *fuzzBytes) pick(opts []string) string { return opts[int(b.next())%len(opts)] }

func (b *fuzzBytes) number(scale float64) icp.Number {
	switch b.next() % 8 {
	case 0:
		return icp.Number{}
	case 1:
		return icp.Num(0)
	case 2:
		return icp.Num(math.NaN())
	case 3:
		return icp.Num(math.Inf(-1))
	}
	v := int16(uint16(b.next())<<8 | uint16(b.next()))
	return icp.Num(float64(v) * scale)
}

func (b *fuzzBytes) list(opts []string) []string {
	n := b.next()
	if n%5 == 0 {
		return nil
	}
	l := make([]string, 0, n%8)
	for range n % 8 {
		l = append(l, b.pick(opts))
	}
	return l
}

func (b *fuzzBytes) events(kinds, topics []string) []icp.Event {
	n := b.next()
	if n%5 == 0 {
		return nil
	}
	evs := make([]icp.Event, 0, n%6)
	for range n % 6 {
		e := icp.Event{Kind: b.pick(kinds), Topic: b.pick(topics), Strength: float64(b.next() % 128)}
		if e.Strength == 127 {
			e.Strength = math.NaN()
		}
		if d := int8(b.next()); d != 0 {
			e.Date = daysAgo(float64(d) * 3.3)
		}
		evs = append(evs, e)
	}
	return evs
}

var (
	fuzzIndustries = []string{"", " ", "Software", "saas", "SAAS ", "Fintech", "Banking", "Consulting", "Insurance", "IT Services",
		"E-commerce", "Retail", "Sóftware", "Local, Regional and National Government Agencies and Public Authorities"}
	fuzzCountries = []string{"", "US", "usa", "United Kingdom", "uk", "Canada", "CA", "Germany"}
	fuzzFunding   = []string{"", "Series A", "series b", "Series C", "Seed"}
	fuzzTitles    = []string{"", "VP Sales", "ceo", "Head of Sales", "Intern"}
	fuzzTools     = []string{"", "Salesforce", "salesforce", "HubSpot", "Slack", "Gong", "Shopify", "Stripe", "Zoom", "Snowflake"}
	fuzzKinds     = []string{"", "funding", "new_sales_leader", "Regulatory_Change", "expansion", "headcount_surge", "layoffs", "webinar", "page_visit"}
	fuzzTopics    = []string{"", "compliance automation", "Sales Outsourcing", "crm"}
)

func (b *fuzzBytes) prospect() icp.Prospect {
	p := icp.Prospect{
		Employees:       b.number(1),
		AnnualRevenue:   b.number(1e4),
		Industry:        b.pick(fuzzIndustries),
		Country:         b.pick(fuzzCountries),
		TechStack:       b.list(fuzzTools),
		FundingStage:    b.pick(fuzzFunding),
		HeadcountGrowth: b.number(1e-3),
		Triggers:        b.events(fuzzKinds, fuzzTopics),
		Intent:          b.events(fuzzKinds, fuzzTopics),
		Engagement:      b.events(fuzzKinds, fuzzTopics),
		DecisionMaker:   icp.Flag(b.next() % 3),
		Champion:        icp.Flag(b.next() % 3),
		BuyerTitle:      b.pick(fuzzTitles),
		Channel:         icp.Channel(b.next() % 4),
	}
	if c := b.next(); c%2 == 1 {
		p.Custom = map[string]icp.Value{
			"is_competitor":    icp.FlagValue(c%4 == 3),
			"segment":          icp.TextValue(b.pick([]string{"SMB", "mm", "Enterprise", ""})),
			"arr":              icp.NumberValue(b.number(1e3).Value),
			"integrations":     icp.ListValue(b.list(fuzzTools)),
			"webinars":         icp.EventsValue(b.events(fuzzKinds, fuzzTopics)),
			"partner_referral": icp.FlagValue(c%8 == 7),
		}
	}
	return p
}
