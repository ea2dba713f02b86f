package crm

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

func TestReadCustomersFixture(t *testing.T) {
	got, rejects, err := ReadCustomers(openTable(t, "customers.csv", Options{}))
	if err != nil || rejects != nil {
		t.Fatalf("ReadCustomers() = _, %v, %v; want no rejects, nil", rejects, err)
	}
	want := []icp.Customer{
		{
			Account:  "0015g00000AbCdEAAV",
			Prospect: icp.Prospect{ID: "0015g00000AbCdEAAV", Name: "Acme Corp", Employees: icp.Num(1200), Industry: "Technology"},
			Start:    day0(2026, 4, 28), StartARR: icp.Num(120000), CurrentARR: icp.Num(132000),
			CAC: icp.Num(35000), GrossMargin: icp.Num(0.78), Line: 2,
		},
		{
			Account:  "0015g00000AbCdHAAV",
			Prospect: icp.Prospect{ID: "0015g00000AbCdHAAV", Name: `Umbrella "Health"`, Employees: icp.Num(5400), Industry: "Healthcare"},
			Start:    day0(2025, 6, 1), Churn: day0(2026, 2, 15), StartARR: icp.Num(60000),
			CAC: icp.Num(22000), GrossMargin: icp.Num(0.64), Line: 3,
		},
		{
			Account:  "0015g00000AbCdJAAV",
			Prospect: icp.Prospect{ID: "0015g00000AbCdJAAV", Name: "Wayne Enterprises"},
			Start:    day0(2025, 9, 10), CurrentARR: icp.Num(54000), Line: 4,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadCustomers() mismatch (-want +got):\n%s", diff)
	}
}

func TestReadCustomersMRROverflow(t *testing.T) {
	in := "account_id,start_date,current_mrr\nC1,2025-01-01,1e308\n"
	tb, _ := NewCSVTable(strings.NewReader(in), Options{File: "c.csv"})
	_, rejects, err := ReadCustomers(tb)
	const want = `c.csv:2:3: field "current_mrr": "1e308" is not finite`
	if err != nil || len(rejects) != 1 || rejects[0].Err.Error() != want {
		t.Errorf("ReadCustomers() = %v, %v; want one reject %q", rejects, err, want)
	}
}
