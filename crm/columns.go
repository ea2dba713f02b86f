package crm

import (
	"strings"
	"unicode"
)

// field is a canonical column.
type field uint8

const (
	fNone field = iota

	// Account attributes; every table may carry them.
	fAccountID
	fAccountName
	fEmployees
	fAnnualRevenue
	fIndustry
	fCountry
	fRegion
	fTechStack
	fFundingStage
	fHeadcountGrowth
	fTriggers
	fIntent
	fEngagement
	fDecisionMaker
	fChampion
	fBuyerTitle
	fChannel

	// Opportunities.
	fOpportunityID
	fCreatedDate
	fCloseDate
	fStage
	fOutcome
	fIsWon
	fIsClosed
	fAmount
	fSource
	fOwner
	fLastStageChange
	fScoreAtCreation
	fTierAtCreation

	// Customers.
	fStartDate
	fChurnDate
	fStartARR
	fCurrentARR
	fStartMRR
	fCurrentMRR
	fCAC
	fGrossMargin

	numFields
)

// fieldNames are the canonical names, as Options.Columns and error
// messages use them.
var fieldNames = [numFields]string{
	fAccountID:       "account_id",
	fAccountName:     "account_name",
	fEmployees:       "employees",
	fAnnualRevenue:   "annual_revenue",
	fIndustry:        "industry",
	fCountry:         "country",
	fRegion:          "region",
	fTechStack:       "tech_stack",
	fFundingStage:    "funding_stage",
	fHeadcountGrowth: "headcount_growth",
	fTriggers:        "triggers",
	fIntent:          "intent",
	fEngagement:      "engagement",
	fDecisionMaker:   "decision_maker",
	fChampion:        "champion",
	fBuyerTitle:      "buyer_title",
	fChannel:         "channel",

	fOpportunityID:   "opportunity_id",
	fCreatedDate:     "created_date",
	fCloseDate:       "close_date",
	fStage:           "stage",
	fOutcome:         "outcome",
	fIsWon:           "is_won",
	fIsClosed:        "is_closed",
	fAmount:          "amount",
	fSource:          "source",
	fOwner:           "owner",
	fLastStageChange: "last_stage_change",
	fScoreAtCreation: "icp_score_at_creation",
	fTierAtCreation:  "icp_tier_at_creation",

	fStartDate:   "start_date",
	fChurnDate:   "churn_date",
	fStartARR:    "start_arr",
	fCurrentARR:  "current_arr",
	fStartMRR:    "start_mrr",
	fCurrentMRR:  "current_mrr",
	fCAC:         "cac",
	fGrossMargin: "gross_margin",
}

func (f field) String() string { return fieldNames[f] }

// tableKind is what a table holds.
type tableKind uint8

const (
	accountsTable tableKind = iota
	opportunitiesTable
	customersTable
)

// fieldsOf lists the fields a table kind reads, in binding order.
func fieldsOf(k tableKind) []field {
	var fs []field
	for f := fAccountID; f <= fChannel; f++ {
		fs = append(fs, f)
	}
	lo, hi := field(1), field(0)
	switch k {
	case opportunitiesTable:
		lo, hi = fOpportunityID, fTierAtCreation
	case customersTable:
		lo, hi = fStartDate, fGrossMargin
	}
	for f := lo; f <= hi; f++ {
		fs = append(fs, f)
	}
	return fs
}

// aliases are export headers each field is also read from, in
// preference order after the canonical name. Salesforce API names and
// report labels, HubSpot export labels.
var aliases = [numFields][]string{
	fAccountID:       {"AccountId", "Account ID", "Account.Id", "Company ID", "Associated Company IDs", "Associated Company ID", "Associated Company IDs (Primary)"},
	fAccountName:     {"Account Name", "Account.Name", "Account", "Company name", "Company", "Associated Company", "Associated Company (Primary)"},
	fEmployees:       {"NumberOfEmployees", "Number of Employees", "Employees", "Employee Count", "Headcount"},
	fAnnualRevenue:   {"AnnualRevenue", "Annual Revenue", "Revenue"},
	fIndustry:        {"Industry"},
	fCountry:         {"BillingCountry", "Billing Country", "Country/Region", "Country"},
	fRegion:          {"BillingState", "Billing State/Province", "State/Region", "State", "Region"},
	fTechStack:       {"Tech Stack", "Technologies", "Technology"},
	fFundingStage:    {"Funding Stage", "Latest Funding Stage", "Last Funding Type"},
	fHeadcountGrowth: {"Headcount Growth", "Employee Growth"},
	fTriggers:        {"Trigger Events", "Triggers"},
	fIntent:          {"Intent Topics", "Intent Signals"},
	fEngagement:      {"Engagement Events"},
	fDecisionMaker:   {"Decision Maker", "Is Decision Maker"},
	fChampion:        {"Champion", "Has Champion"},
	fBuyerTitle:      {"Buyer Title", "Job Title", "Title"},
	fChannel:         {"Channel"},

	fCreatedDate:     {"CreatedDate", "Created Date", "Create Date"},
	fCloseDate:       {"CloseDate", "Close Date", "Closed Date"},
	fStage:           {"StageName", "Stage", "Deal Stage", "Opportunity Stage"},
	fOutcome:         {"Outcome", "Result"},
	fIsWon:           {"IsWon", "Won", "Is Closed Won"},
	fIsClosed:        {"IsClosed", "Closed", "Is Closed", "Is Deal Closed?"},
	fAmount:          {"Amount", "Deal Amount", "Amount in company currency", "Amount (converted)"},
	fSource:          {"LeadSource", "Lead Source", "Source", "Original Source", "Original Source Type", "Deal Source"},
	fOwner:           {"Owner", "Owner.Name", "Owner Name", "Opportunity Owner", "Deal Owner", "OwnerId"},
	fLastStageChange: {"LastStageChangeDate", "Last Stage Change Date", "Last Stage Change"},
	fScoreAtCreation: {"ICP Score at Creation", "ICP Score"},
	fTierAtCreation:  {"ICP Tier at Creation", "ICP Tier"},

	fStartDate:   {"Start Date", "Customer Since", "Became a Customer Date", "Contract Start Date"},
	fChurnDate:   {"Churn Date", "Churned Date", "Cancellation Date"},
	fStartARR:    {"Start ARR", "Initial ARR"},
	fCurrentARR:  {"Current ARR", "ARR"},
	fStartMRR:    {"Start MRR", "Initial MRR"},
	fCurrentMRR:  {"Current MRR", "MRR"},
	fCAC:         {"CAC", "Acquisition Cost", "Customer Acquisition Cost"},
	fGrossMargin: {"Gross Margin"},
}

// kindAliases are names whose meaning depends on the table: "Id" and
// "Record ID" are the opportunity in a deal export and the account in a
// company export; "Name" is the deal name in one and the company in the
// other; a lead source is the account's channel or the deal's source.
var kindAliases = [...]map[field][]string{
	accountsTable: {
		fAccountID:   {"Id", "Record ID"},
		fAccountName: {"Name"},
		fChannel:     {"LeadSource", "Lead Source", "Original Source"},
	},
	opportunitiesTable: {
		fOpportunityID: {"Id", "Record ID", "Opportunity ID", "OpportunityId", "Deal ID"},
	},
	customersTable: {
		fAccountID:   {"Id", "Record ID"},
		fAccountName: {"Name"},
	},
}

// namesOf returns the normalized names a field is read from in a table
// kind, canonical name first.
func namesOf(k tableKind, f field) []string {
	names := []string{normalize(fieldNames[f])}
	for _, a := range kindAliases[k][f] {
		names = append(names, normalize(a))
	}
	for _, a := range aliases[f] {
		names = append(names, normalize(a))
	}
	return names
}

// normalize folds a header for matching: lower case, letters and digits
// only, so "Number of Employees", "number_of_employees" and
// "NumberOfEmployees" are one name.
func normalize(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, h)
}
