package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// Shares of the account population.
const (
	unknownShare    = 0.10  // each attribute is unknown this often
	segmentShare    = 0.03  // accounts drawn into the planted out-of-ICP segment
	competitorShare = 0.015 // accounts that are competitors
)

// The planted out-of-ICP segment: Healthcare accounts of 1,000–5,000
// employees. The reference model gives them no size or industry points.
const (
	segmentMinEmployees = 1000
	segmentMaxEmployees = 5000
)

// customCompetitor is the custom attribute the reference model's
// competitor disqualifier reads.
const customCompetitor = "is_competitor"

// account is a generated account: the record a CRM holds (p) and the true
// state behind it, which the CRM may not know.
type account struct {
	p          icp.Prospect
	emp        float64 // true head count, known to the CRM or not
	ind        int     // index into industries
	fund       int     // index into fundingStages
	competitor bool
	weight     float64 // relative chance that a deal is with this account

	custom map[string]icp.Value // reused by the scale writers
}

// known reports, once per attribute, whether the CRM knows it.
func known(r *rand.Rand) bool { return r.Float64() >= unknownShare }

// drawAccount draws an account into a, reusing a's slices. Background
// events (those not tied to a deal) fall in [lo, hi]. When names is not
// nil, names are made unique across the accounts it holds.
func drawAccount(r *rand.Rand, a *account, id string, names map[string]bool, lo, hi day) {
	segment := r.Float64() < segmentShare
	a.competitor = !segment && r.Float64() < competitorShare
	switch {
	case segment:
		a.ind = indHealthcare
	case a.competitor:
		a.ind = indSoftware
	default:
		a.ind = pickIndustry(r)
	}
	if segment {
		a.emp = math.Round(math.Exp(math.Log(segmentMinEmployees) + r.Float64()*math.Log(segmentMaxEmployees/segmentMinEmployees)))
	} else {
		a.emp = math.Round(clamp(logNormal(r, math.Log(180), 1.4), 5, 20000))
	}
	ind := &industries[a.ind]
	ctry := &countries[pickCountry(r)]
	for _, row := range fundingBySize {
		if a.emp < row.below {
			a.fund = pick(r, row.weights)
			break
		}
	}
	growthMean := 0.06
	if a.fund >= fundSeed && a.fund <= fundSeriesC {
		growthMean = 0.22
	}
	growth := math.Round(clamp(growthMean+0.18*r.NormFloat64(), -0.3, 0.8)*100) / 100
	revenue := math.Round(a.emp*ind.revPerEmp*logNormal(r, 0, 0.45)/1000) * 1000

	p := &a.p
	*p = icp.Prospect{
		ID:         id,
		Name:       companyName(r, a.ind, names),
		TechStack:  p.TechStack[:0],
		Triggers:   reuse(p.Triggers),
		Intent:     reuse(p.Intent),
		Engagement: reuse(p.Engagement),
	}
	if segment || known(r) {
		p.Employees = icp.Num(a.emp)
	}
	if known(r) {
		p.AnnualRevenue = icp.Num(revenue)
	}
	if segment || known(r) {
		p.Industry = spell(r, ind.name, ind.aliases)
	}
	if known(r) {
		p.Country = spell(r, ctry.name, ctry.aliases)
	}
	if known(r) {
		rg := regions[ctry.region]
		p.Region = spell(r, rg[0], rg[1:])
	}
	if known(r) {
		p.TechStack = drawStack(r, a.ind, p.TechStack)
	} else {
		p.TechStack = nil
	}
	if known(r) {
		p.FundingStage = fundingStages[a.fund]
		if r.Float64() < 0.1 {
			p.FundingStage = strings.ToLower(p.FundingStage)
		}
	}
	if known(r) {
		p.HeadcountGrowth = icp.Num(growth)
	}
	if !known(r) {
		p.Triggers = nil
	}
	if !known(r) {
		p.Intent = nil
	}
	if !known(r) {
		p.Engagement = nil
	}
	switch u := r.Float64(); {
	case u < 0.45:
		p.DecisionMaker = icp.Yes
	case u < 0.90:
		p.DecisionMaker = icp.No
	}
	champ := 0.25
	if p.DecisionMaker == icp.Yes {
		champ = 0.6
	}
	if r.Float64() >= 0.12 {
		p.Champion = icp.FlagOf(r.Float64() < champ)
	}
	if known(r) {
		p.BuyerTitle = one(r, buyerTitles)
	}
	if known(r) {
		if a.custom == nil {
			a.custom = make(map[string]icp.Value, 1)
		}
		a.custom[customCompetitor] = icp.FlagValue(a.competitor)
		p.Custom = a.custom
	}
	a.background(r, lo, hi)

	// Sales works the accounts that look like the ICP more often.
	xs, xi := 0.0, 0.0
	switch {
	case a.emp >= 100 && a.emp <= 500:
		xs = 1
	case a.emp >= 50 && a.emp <= 1000:
		xs = 0.5
	}
	switch a.ind {
	case indSoftware, indFinancial:
		xi = 1
	case indProfessional:
		xi = 0.5
	}
	a.weight = 0.4 + 0.8*xs + 0.6*xi
	switch {
	case segment:
		a.weight = 1 // big accounts that buy: sales keeps calling
	case a.competitor || a.emp < 10:
		a.weight = 0.3
	}
}

// reuse returns s emptied, or a new empty slice: never nil, which would
// mean unknown.
func reuse(s []icp.Event) []icp.Event {
	if s == nil {
		return make([]icp.Event, 0, 8)
	}
	return s[:0]
}

func pickIndustry(r *rand.Rand) int {
	u := r.Float64()
	for i := range industries {
		if u < industries[i].weight {
			return i
		}
		u -= industries[i].weight
	}
	return len(industries) - 1
}

func pickCountry(r *rand.Rand) int {
	u := r.Float64()
	for i := range countries {
		if u < countries[i].weight {
			return i
		}
		u -= countries[i].weight
	}
	return len(countries) - 1
}

// drawStack appends the account's tools to s: one CRM (or none),
// messaging, video, sales tools, and the spreadsheets everyone has.
func drawStack(r *rand.Rand, ind int, s []string) []string {
	add := func(tool string) {
		if r.Float64() < 0.1 {
			tool = strings.ToLower(tool)
		}
		s = append(s, tool)
	}
	crm := pick(r, crmWeights)
	if crmTools[crm] != "" {
		add(crmTools[crm])
	}
	switch u := r.Float64(); {
	case u < 0.55:
		add(toolSlack)
	case u < 0.90:
		add(toolTeams)
	case u < 0.93:
		add(toolNotes)
	}
	if r.Float64() < 0.6 {
		add(toolZoom)
	}
	outreach := 0.08
	if crm <= 1 {
		outreach = 0.25
	}
	if r.Float64() < outreach {
		add(toolOutreach)
	}
	gong := 0.10
	if ind == indSoftware {
		gong = 0.25
	}
	if r.Float64() < gong {
		add(toolGong)
	}
	if r.Float64() < 0.25 || len(s) == 0 {
		add(toolExcel)
	}
	return s
}

// companyName draws a plausible company name for an industry. With names
// it redraws on a clash and numbers the name as a last resort.
func companyName(r *rand.Rand, ind int, names map[string]bool) string {
	var name string
	for try := 0; ; try++ {
		name = one(r, namePrefixes) + one(r, nameRoots) + " " + one(r, industries[ind].suffixes) + legalForms[pick(r, legalWeight)]
		if names == nil {
			return name
		}
		if !names[name] {
			break
		}
		if try == 8 {
			base := name
			for k := 2; names[name]; k++ {
				name = base + " " + strconv.Itoa(k)
			}
			break
		}
	}
	names[name] = true
	return name
}
