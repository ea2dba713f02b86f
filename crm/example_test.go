package crm_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
)

// A HubSpot companies export reads without any mapping.
func ExampleReadAccounts() {
	export := "\ufeffRecord ID,Company name,Number of Employees,Annual Revenue,Country/Region\n" +
		"5821937401,Acme Corp,1200,\"$45,000,000\",United States\n" +
		"5821937402,Globex,12k,,Germany\n"
	t, err := crm.NewCSVTable(strings.NewReader(export), crm.Options{File: "companies.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Close()
	accounts, rejects, err := crm.ReadAccounts(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range accounts {
		fmt.Println(a.ID, a.Name, a.Employees.Value, a.AnnualRevenue.Value, a.Country)
	}
	for _, r := range rejects {
		fmt.Println("rejected:", r.Err)
	}
	// Output:
	// 5821937401 Acme Corp 1200 4.5e+07 United States
	// rejected: companies.csv:3:3: field "employees": "12k" is not a number
}

// The score command's loop: stream the rows, append columns, write every
// row back in input order, and set the bad rows aside.
func ExampleAccountReader() {
	in := "Id;Name;NumberOfEmployees\n001;Acme;1200\n002;Globex;n/a\n003;Initech;-4\n"
	t, err := crm.NewCSVTable(strings.NewReader(in), crm.Options{File: "leads.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Close()
	r, err := crm.NewAccountReader(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	out := crm.NewCSVWriter(os.Stdout, t.Delimiter())
	out.Write(append(append([]string(nil), r.Header()...), "icp_size"))
	var rejects []crm.Reject
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			rejects = append(rejects, crm.Reject{Line: row.Line, Cells: append([]string(nil), row.Cells...), Err: err})
			continue
		}
		size := "unknown"
		if e := row.Prospect.Employees; e.Known {
			size = fmt.Sprint(e.Value >= 1000)
		}
		out.Write(append(row.Cells, size))
	}
	out.Close()
	rw := crm.NewRejectsWriter(crm.NewCSVWriter(os.Stdout, ';'), r.Header())
	for _, rj := range rejects {
		rw.Write(rj)
	}
	rw.Close()
	// Output:
	// Id;Name;NumberOfEmployees;icp_size
	// 001;Acme;1200;true
	// 002;Globex;n/a;unknown
	// Id;Name;NumberOfEmployees;line;reason
	// 003;Initech;-4;4;"leads.csv:4:3: field ""employees"": ""-4"" is negative"
}

// Join fills deals from their accounts and returns the deals it could
// not match, for the caller to decide about.
func ExampleJoin() {
	accounts := []icp.Prospect{{ID: "A1", Name: "Acme", Industry: "Software", Employees: icp.Num(1200)}}
	deals := []icp.Opportunity{
		{ID: "O1", Account: "A1", Line: 2, Prospect: icp.Prospect{ID: "A1", Employees: icp.Num(1350)}},
		{ID: "O2", Account: "Hooli", Line: 3, Prospect: icp.Prospect{Name: "Hooli"}},
	}
	joined, unjoined := crm.Join(deals, accounts)
	for _, o := range joined {
		fmt.Println(o.ID, o.Prospect.Industry, o.Prospect.Employees.Value)
	}
	for _, u := range unjoined {
		fmt.Println(u.Opportunity.ID, u.Err)
	}
	// Output:
	// O1 Software 1350
	// O2 line 3: field "account_name": "Hooli" has no matching account
}

func ExampleParseNumber() {
	for _, s := range []string{"$1,200.50", "(1,200)", "40%", "n/a", "12k"} {
		n, err := crm.ParseNumber(s, false)
		fmt.Println(n, err)
	}
	eu, _ := crm.ParseNumber("1.200,50 €", true)
	fmt.Println(eu)
	// Output:
	// {1200.5 true} <nil>
	// {-1200 true} <nil>
	// {0.4 true} <nil>
	// {0 false} <nil>
	// {0 false} "12k" is not a number
	// {1200.5 true}
}

func ExampleParseDate() {
	for _, s := range []string{"2026-03-01T10:00:00+02:00", "13/01/2026", "01/03/2026", "2026-02-30"} {
		d, err := crm.ParseDate(s, crm.DateAuto)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	us, _ := crm.ParseDate("3/1/2026 1:05 PM", crm.MDY)
	fmt.Println(us)
	// Output:
	// 2026-03-01 08:00:00 +0000 UTC
	// 2026-01-13 00:00:00 +0000 UTC
	// "01/03/2026" is ambiguous: day/month or month/day; set Options.DateOrder
	// "2026-02-30" is not a date
	// 2026-03-01 13:05:00 +0000 UTC
}
