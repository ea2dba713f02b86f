package demo

// The vocabularies below are the values a generated CRM holds, with the
// spellings CRMs really contain. Order matters: draws index into these
// slices, so reordering them changes every sample.

// industry is a vertical with the spellings an export may use for it.
type industry struct {
	name      string   // canonical name
	weight    float64  // share of accounts
	aliases   []string // other spellings of the same vertical
	revPerEmp float64  // median annual revenue per employee, USD
	suffixes  []string // company-name suffixes typical of the vertical
}

// Indices into industries that the process refers to.
const (
	indSoftware     = 0
	indFinancial    = 1
	indProfessional = 2
	indHealthcare   = 3
)

var industries = []industry{
	{"Software", 0.22, []string{"SaaS", "Computer Software", "Technology", "Information Technology and Services"}, 220e3,
		[]string{"Labs", "Software", "Technologies", "Systems", "Cloud"}},
	{"Financial Services", 0.14, []string{"Fintech", "Banking", "Insurance"}, 350e3,
		[]string{"Capital", "Financial", "Bank", "Insurance", "Payments"}},
	{"Professional Services", 0.12, []string{"Consulting", "Management Consulting"}, 180e3,
		[]string{"Consulting", "Advisors", "Partners", "Group"}},
	{"Healthcare", 0.12, []string{"Hospital & Health Care", "Health Care", "Medical Practice"}, 150e3,
		[]string{"Health", "Medical", "Care", "Clinics"}},
	{"Retail", 0.10, []string{"E-commerce", "Consumer Goods"}, 250e3,
		[]string{"Retail", "Stores", "Goods", "Brands"}},
	{"Manufacturing", 0.12, []string{"Industrial Automation", "Machinery"}, 300e3,
		[]string{"Industries", "Manufacturing", "Components", "Works"}},
	{"Education", 0.08, []string{"Higher Education", "E-Learning"}, 90e3,
		[]string{"Learning", "Academy", "Education", "Schools"}},
	{"Logistics", 0.10, []string{"Logistics and Supply Chain", "Transportation"}, 200e3,
		[]string{"Logistics", "Freight", "Shipping", "Transport"}},
}

// country is a market with its spellings and sales region.
type country struct {
	name    string
	weight  float64
	aliases []string
	region  int // index into regions
}

var countries = []country{
	{"United States", 0.45, []string{"US", "USA", "United States of America"}, 0},
	{"Canada", 0.08, []string{"CA"}, 0},
	{"United Kingdom", 0.12, []string{"UK", "GB", "Great Britain"}, 1},
	{"Germany", 0.09, []string{"DE", "Deutschland"}, 1},
	{"France", 0.06, []string{"FR"}, 1},
	{"Netherlands", 0.04, []string{"NL", "The Netherlands"}, 1},
	{"Australia", 0.06, []string{"AU"}, 2},
	{"Singapore", 0.04, []string{"SG"}, 2},
	{"India", 0.03, []string{"IN"}, 2},
	{"Brazil", 0.03, []string{"BR", "Brasil"}, 3},
}

// regions are sales regions, each with its spellings.
var regions = [][]string{
	{"North America", "NA", "AMER"},
	{"EMEA", "Europe"},
	{"APAC", "Asia Pacific"},
	{"LATAM", "Latin America"},
}

// Funding stages, smallest first. fundingBySize gives the stage mix by
// company size: a seed company has 20 people, a public one thousands.
var fundingStages = []string{"Bootstrapped", "Seed", "Series A", "Series B", "Series C", "Series D+", "Public"}

const (
	fundSeed    = 1
	fundSeriesC = 4
	fundSeriesD = 5
	fundPublic  = 6
)

var fundingBySize = []struct {
	below   float64 // employees below this use the row
	weights []float64
}{
	{20, []float64{0.55, 0.35, 0.10, 0, 0, 0, 0}},
	{200, []float64{0.30, 0.15, 0.25, 0.20, 0.07, 0.03, 0}},
	{1000, []float64{0.20, 0, 0.10, 0.25, 0.20, 0.15, 0.10}},
	{1e18, []float64{0.10, 0, 0, 0, 0.10, 0.30, 0.50}},
}

// Tools. The reference model gives points for the first five.
var (
	crmTools   = []string{"Salesforce", "HubSpot", "Pipedrive", "Microsoft Dynamics", "Zoho CRM", "SugarCRM", ""}
	crmWeights = []float64{0.40, 0.30, 0.10, 0.08, 0.05, 0.03, 0.04}
)

const (
	toolSlack    = "Slack"
	toolOutreach = "Outreach"
	toolGong     = "Gong"
	toolZoom     = "Zoom"
	toolTeams    = "Microsoft Teams"
	toolNotes    = "Lotus Notes"
	toolExcel    = "Excel"
)

// Trigger kinds: the reference model's six, and layoffs, which it does not
// count. Weights are the base mix; funding and regulatory change are
// reweighted by funding stage and industry.
var (
	triggerKinds   = [...]string{"new_sales_leader", "funding", "headcount_surge", "expansion", "competitor_acquired", "regulatory_change", "layoffs"}
	triggerWeights = [len(triggerKinds)]float64{0.22, 0.16, 0.16, 0.18, 0.08, 0.10, 0.10}
)

const (
	trigFunding    = 1
	trigRegulatory = 5
	trigLayoffs    = 6
)

var (
	intentTopics   = []string{"sales outsourcing", "lead scoring", "sales hiring", "revenue operations", "sales engagement"}
	intentSources  = []string{"Bombora", "G2", "TrustRadius"}
	sourceWeights  = []float64{0.5, 0.3, 0.2}
	engagementKind = []string{"page_visit", "email_open", "demo_view"}
)

var buyerTitles = []string{
	"VP Sales", "Chief Revenue Officer", "Head of Sales", "Director of Sales Operations",
	"RevOps Manager", "CEO", "Founder", "COO", "CFO", "VP Marketing",
}

// owners are the eight sales reps.
var owners = []string{
	"Avery Chen", "Jordan Patel", "Sam Okafor", "Riley Novak",
	"Morgan Silva", "Casey Lindqvist", "Taylor Brooks", "Jamie Moreau",
}

var openStages = []string{"Discovery", "Qualification", "Proposal", "Negotiation"}

const (
	stageWon  = "Closed Won"
	stageLost = "Closed Lost"
)

var (
	namePrefixes = []string{
		"North", "Blue", "Bright", "Clear", "Silver", "Iron", "Red", "Green", "Summit", "Harbor",
		"Pioneer", "Cedar", "Granite", "Apex", "Nova", "Atlas", "Vertex", "Crescent", "Evergreen", "Falcon",
		"Golden", "Horizon", "Juniper", "Keystone", "Lumen", "Maple", "Meridian", "Oak", "Orbit", "Pine",
		"Quantum", "River", "Sage", "Signal", "Stone", "True", "Union", "Vista", "West", "Zenith",
	}
	nameRoots = []string{
		"wave", "field", "bridge", "point", "line", "path", "gate", "works", "stack", "forge",
		"light", "peak", "shore", "view", "core", "scale", "mark", "well", "ridge", "loop",
	}
	legalForms  = []string{"", " Inc.", ", Inc.", " LLC", " Ltd", " GmbH"}
	legalWeight = []float64{0.50, 0.15, 0.10, 0.10, 0.10, 0.05}
)
