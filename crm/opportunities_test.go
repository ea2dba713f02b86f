package crm

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

// opp builds the expected opportunity of a fixture row.
func opp(id, account, name string, created, closed time.Time, stage string, out icp.Outcome, amount icp.Number, src icp.Channel, owner string, line int) icp.Opportunity {
	p := icp.Prospect{ID: account, Name: name, Opened: created, ScoredAt: created}
	acct := account
	if acct == "" {
		acct = name
	}
	if out == icp.Open {
		p.Channel = icp.OpportunityStage
		closed = time.Time{}
	}
	return icp.Opportunity{ID: id, Account: acct, Prospect: p, Created: created, Closed: closed, Stage: stage,
		Outcome: out, Amount: amount, Source: src, Owner: owner, Line: line}
}

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

var salesforceOpportunities = []icp.Opportunity{
	opp("0065g00000XyZ01AAB", "0015g00000AbCdEAAV", "Acme Corp", day0(2026, 1, 15), day0(2026, 4, 28), "Closed Won", icp.Won, icp.Num(120000), icp.Inbound, "Dana Whitaker", 2),
	opp("0065g00000XyZ02AAB", "0015g00000AbCdFAAV", "Globex, Inc.", day0(2026, 2, 2), day0(2026, 3, 31), "Closed Lost", icp.Lost, icp.Num(18500), icp.Outbound, "Raj Patel", 3),
	opp("0065g00000XyZ03AAB", "0015g00000AbCdGAAV", "Initech", day0(2026, 5, 20), day0(2026, 7, 30), "Negotiation/Review", icp.Open, icp.Num(42000), icp.ChannelUnknown, "Dana Whitaker", 4),
	opp("0065g00000XyZ04AAB", "0015g00000ZzZzZAAV", "Hooli", day0(2026, 3, 13), day0(2026, 6, 12), "Closed Won", icp.Won, icp.Num(60000), icp.Outbound, "Raj Patel", 5),
}

var hubspotDeals = []icp.Opportunity{
	opp("9912001", "5821937401", "Acme Corp", at(2026, 1, 15, 10, 12), at(2026, 4, 28, 16, 2), "Closed won", icp.Won, icp.Num(120000), icp.Inbound, "Dana Whitaker", 2),
	opp("9912002", "5821937402", "Globex, Inc.", at(2026, 2, 2, 13, 40), at(2026, 3, 31, 9, 0), "Closed lost", icp.Lost, icp.Num(18500), icp.ChannelUnknown, "Raj Patel", 3),
	opp("9912003", "", "Initech", at(2026, 5, 20, 8, 30), time.Time{}, "Contract sent", icp.Open, icp.Num(42000), icp.Inbound, "Dana Whitaker", 4),
	opp("9912004", "5821937404", "Société Générale Démo", at(2026, 6, 1, 12, 0), time.Time{}, "Appointment scheduled", icp.Open, icp.Number{}, icp.Inbound, "", 5),
}

func TestReadOpportunitiesFixtures(t *testing.T) {
	tests := []struct {
		file string
		opts Options
		want []icp.Opportunity
	}{
		{"salesforce_opportunities.csv", Options{DateOrder: MDY}, salesforceOpportunities},
		{"hubspot_deals.csv", Options{}, hubspotDeals},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, rejects, err := ReadOpportunities(openTable(t, tt.file, tt.opts))
			if err != nil || rejects != nil {
				t.Fatalf("ReadOpportunities() = _, %v, %v; want no rejects, nil", rejects, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadOpportunities() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSalesforceDatesNeedOrder: US report dates are read where they are
// unambiguous, and the others name the option to set.
func TestSalesforceDatesNeedOrder(t *testing.T) {
	got, rejects, err := ReadOpportunities(openTable(t, "salesforce_opportunities.csv", Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(salesforceOpportunities[:3], got); diff != "" {
		t.Errorf("ReadOpportunities() mismatch (-want +got):\n%s", diff)
	}
	const want = `salesforce_opportunities.csv:5:7: field "close_date": "6/12/2026" is ambiguous: day/month or month/day; set Options.DateOrder`
	if len(rejects) != 1 || rejects[0].Err.Error() != want || rejects[0].Line != 5 || rejects[0].Cells[1] != "0015g00000ZzZzZAAV" {
		t.Errorf("rejects = %+v; want one on line 5: %s", rejects, want)
	}
}

func TestOpportunityOutcome(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		row     string
		want    icp.Outcome
		wantErr string
	}{
		{"outcome won", "outcome", "won", icp.Won, ""},
		{"outcome closed lost", "outcome", "Closed Lost", icp.Lost, ""},
		{"outcome one", "outcome", "1", icp.Won, ""},
		{"outcome open", "outcome", "open", icp.Open, ""},
		{"outcome unknown", "outcome", "Negotiation", icp.Open, `line 2, column 3: field "outcome": "Negotiation" is not a known outcome`},
		{"outcome wins over stage", "outcome,stage", "lost,Closed Won", icp.Lost, ""},
		{"empty outcome falls back to stage", "outcome,stage", ",Closed Won", icp.Won, ""},
		{"is_won and is_closed won", "IsWon,IsClosed", "true,true", icp.Won, ""},
		{"is_won and is_closed lost", "IsWon,IsClosed", "false,true", icp.Lost, ""},
		{"is_won and is_closed open", "IsWon,IsClosed", "false,false", icp.Open, ""},
		{"flags win over stage", "IsWon,IsClosed,StageName", "0,1,Closed Won", icp.Lost, ""},
		{"is_won alone with stage", "IsWon,StageName", "0,Proposal", icp.Open, ""},
		{"stage closed won", "StageName", "Closed Won", icp.Won, ""},
		{"stage closedwon", "Deal Stage", "closedwon", icp.Won, ""},
		{"stage dashed lost", "Stage", "Closed - Lost", icp.Lost, ""},
		{"stage won", "Stage", "Won", icp.Won, ""},
		{"stage other", "Stage", "Negotiation/Review", icp.Open, ""},
		{"stage prospecting", "Stage", "Prospecting", icp.Open, ""},
		{"nothing", "Stage", "", icp.Open, `line 2, column 3: field "stage": value is required`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "account_id,created_date," + tt.header + "\nA1,2026-01-01," + tt.row + "\n"
			tb, err := NewCSVTable(strings.NewReader(in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			r, err := NewOpportunityReader(tb)
			if err != nil {
				t.Fatal(err)
			}
			row, err := r.Next()
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if row.Opportunity.Outcome != tt.want || gotErr != tt.wantErr {
				t.Errorf("Next() outcome = %v, %q; want %v, %q", row.Opportunity.Outcome, gotErr, tt.want, tt.wantErr)
			}
		})
	}
}

func TestOpportunityDealAttributes(t *testing.T) {
	in := "Id,AccountId,CreatedDate,CloseDate,StageName,Employees,Industry,LastStageChangeDate,ICP Score at Creation,ICP Tier at Creation,channel\n" +
		"O1,A1,2026-01-01T09:00:00Z,2026-01-01,Closed Won,250,Software,2026-01-01,72.5,A,inbound\n"
	tb, _ := NewCSVTable(strings.NewReader(in), Options{})
	got, _, err := ReadOpportunities(tb)
	if err != nil {
		t.Fatal(err)
	}
	created := at(2026, 1, 1, 9, 0)
	want := []icp.Opportunity{{
		ID: "O1", Account: "A1", Created: created, Closed: day0(2026, 1, 1), Stage: "Closed Won", Outcome: icp.Won,
		LastStageChange: day0(2026, 1, 1), RecordedScore: icp.Num(72.5), RecordedTier: "A", Line: 2,
		Prospect: icp.Prospect{ID: "A1", Employees: icp.Num(250), Industry: "Software", Channel: icp.Inbound,
			Opened: created, ScoredAt: created, LastStageChange: day0(2026, 1, 1)},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadOpportunities() mismatch (-want +got):\n%s", diff)
	}
}
