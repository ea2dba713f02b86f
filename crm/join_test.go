package crm

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

func TestJoinFixtures(t *testing.T) {
	accounts, _, err := ReadAccounts(openTable(t, "hubspot_companies.csv", Options{}))
	if err != nil {
		t.Fatal(err)
	}
	deals, _, err := ReadOpportunities(openTable(t, "hubspot_deals.csv", Options{}))
	if err != nil {
		t.Fatal(err)
	}
	joined, unjoined := Join(deals, accounts)
	if unjoined != nil {
		t.Errorf("Join() unjoined = %v; want none", unjoined)
	}
	if len(joined) != len(deals) {
		t.Fatalf("Join() joined %d; want %d", len(joined), len(deals))
	}
	// Initech's deal has no company id: it is found by name.
	if got := joined[2].Prospect; got.ID != "5821937403" || got.Industry != "FINANCIAL_SERVICES" || got.Channel != icp.OpportunityStage {
		t.Errorf("Join() Initech prospect = %+v; want the account's id and industry, channel opportunity", got)
	}
	if deals[2].Prospect.ID != "" {
		t.Errorf("Join() modified its input")
	}
}

func TestJoin(t *testing.T) {
	accounts := []icp.Prospect{
		{ID: "001000000000001", Name: "Acme", Employees: icp.Num(100), Industry: "Software", TechStack: []string{"a"}},
		{ID: "B", Name: "Twin", Employees: icp.Num(1)},
		{ID: "C", Name: "twin ", Employees: icp.Num(2)},
		{ID: "D", Name: "Delta", Employees: icp.Num(3), Custom: map[string]icp.Value{"seg": icp.TextValue("smb"), "x": icp.NumberValue(1)}},
	}
	opps := []icp.Opportunity{
		{ID: "1", Account: "001000000000001AAA", Line: 2, Prospect: icp.Prospect{ID: "001000000000001AAA", Employees: icp.Num(120)}},
		{ID: "2", Account: "zz", Line: 3, Prospect: icp.Prospect{ID: "zz", Name: " ACME"}},
		{ID: "3", Account: "Twin", Line: 4, Prospect: icp.Prospect{Name: "Twin"}},
		{ID: "4", Account: "nope", Line: 5, Prospect: icp.Prospect{ID: "nope"}},
		{ID: "5", Account: "Nobody", Line: 6, Prospect: icp.Prospect{Name: "Nobody"}},
		{ID: "6", Account: "D", Line: 7, Prospect: icp.Prospect{ID: "D", Custom: map[string]icp.Value{"seg": icp.TextValue("ent")}}},
	}
	joined, unjoined := Join(opps, accounts)
	want := []icp.Opportunity{
		{ID: "1", Account: "001000000000001AAA", Line: 2, Prospect: icp.Prospect{ID: "001000000000001", Name: "Acme",
			Employees: icp.Num(120), Industry: "Software", TechStack: []string{"a"}}},
		{ID: "2", Account: "zz", Line: 3, Prospect: icp.Prospect{ID: "001000000000001", Name: "Acme",
			Employees: icp.Num(100), Industry: "Software", TechStack: []string{"a"}}},
		{ID: "6", Account: "D", Line: 7, Prospect: icp.Prospect{ID: "D", Name: "Delta", Employees: icp.Num(3),
			Custom: map[string]icp.Value{"seg": icp.TextValue("ent"), "x": icp.NumberValue(1)}}},
	}
	if diff := cmp.Diff(want, joined); diff != "" {
		t.Errorf("Join() joined mismatch (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, u := range unjoined {
		msgs = append(msgs, u.Opportunity.ID+": "+u.Err.Error())
	}
	wantMsgs := []string{
		`3: line 4: field "account_name": "Twin" matches more than one account by name (2 accounts)`,
		`4: line 5: field "account_id": "nope" has no matching account`,
		`5: line 6: field "account_name": "Nobody" has no matching account`,
	}
	if diff := cmp.Diff(wantMsgs, msgs); diff != "" {
		t.Errorf("Join() unjoined mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(unjoined[1].Err, ErrNoAccount) || !errors.Is(unjoined[0].Err, ErrAmbiguousAccount) {
		t.Errorf("Join() errors do not wrap ErrNoAccount / ErrAmbiguousAccount")
	}
	joined[0].Prospect.TechStack[0] = "changed"
	if accounts[0].TechStack[0] != "a" || accounts[3].Custom["seg"].Text != "smb" {
		t.Errorf("Join() results share memory with the accounts")
	}
}
