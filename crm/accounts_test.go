package crm

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

const fixtures = "../testdata/crm/"

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func trigger(kind string, date time.Time) icp.Event { return icp.Event{Kind: kind, Date: date} }

func openTable(t *testing.T, name string, o Options) *Table {
	t.Helper()
	o.File = name
	tb, err := OpenTable(fixtures+name, o)
	if err != nil {
		t.Fatalf("OpenTable(%q) = %v", name, err)
	}
	t.Cleanup(func() { tb.Close() })
	return tb
}

// salesforceAccountOptions maps the custom (__c) fields of the Salesforce
// fixture.
var salesforceAccountOptions = Options{
	Columns: map[string]string{
		"tech_stack":    "Tech_Stack__c",
		"funding_stage": "Funding_Stage__c",
		"triggers":      "Triggers__c",
		"segment":       "Segment__c",
	},
	Custom: []CustomField{{Name: "segment", Kind: icp.KindText}},
}

var salesforceAccounts = []icp.Prospect{
	{
		ID: "0015g00000AbCdEAAV", Name: "Acme Corp", Employees: icp.Num(1200), AnnualRevenue: icp.Num(45e6),
		Industry: "Technology", Country: "United States", Region: "CA",
		TechStack: []string{"Salesforce", "Snowflake", "Slack"}, FundingStage: "Series C",
		Triggers: []icp.Event{trigger("funding", day0(2026, 3, 1)), trigger("new_sales_leader", day0(2026, 5, 10))},
		Custom:   map[string]icp.Value{"segment": icp.TextValue("Enterprise")},
	},
	{
		ID: "0015g00000AbCdFAAV", Name: "Globex, Inc.", Employees: icp.Num(85),
		Industry: "Manufacturing", Country: "Germany", Region: "BY", TechStack: []string{"SAP", "Oracle"},
		Custom: map[string]icp.Value{"segment": icp.TextValue("Mid-Market")},
	},
	{
		ID: "0015g00000AbCdGAAV", Name: "Initech", AnnualRevenue: icp.Num(12500000.5),
		Industry: "Financial Services", Country: "United Kingdom", FundingStage: "Seed", Triggers: []icp.Event{},
		Custom: map[string]icp.Value{"segment": icp.TextValue("SMB")},
	},
	{
		ID: "0015g00000AbCdHAAV", Name: `Umbrella "Health"`, Employees: icp.Num(5400), AnnualRevenue: icp.Num(1.2e9),
		Industry: "Healthcare", Country: "United States", Region: "NY", TechStack: []string{"Epic", "Salesforce"},
		FundingStage: "Public", Triggers: []icp.Event{trigger("regulatory_change", day0(2026, 1, 20))},
		Custom: map[string]icp.Value{"segment": icp.TextValue("Enterprise")},
	},
}

var hubspotCompanies = []icp.Prospect{
	{ID: "5821937401", Name: "Acme Corp", Employees: icp.Num(1200), AnnualRevenue: icp.Num(45e6),
		Industry: "COMPUTER_SOFTWARE", Country: "United States", Region: "California"},
	{ID: "5821937402", Name: "Globex, Inc.", Employees: icp.Num(85), Industry: "MACHINERY", Country: "Germany", Region: "Bavaria"},
	{ID: "5821937403", Name: "Initech", AnnualRevenue: icp.Num(12500000.5), Industry: "FINANCIAL_SERVICES", Country: "United Kingdom"},
	{ID: "5821937404", Name: "Société Générale Démo", Employees: icp.Num(310), AnnualRevenue: icp.Num(4.2e6),
		Industry: "BANKING", Country: "France", Region: "Île-de-France"},
}

func TestReadAccountsFixtures(t *testing.T) {
	tests := []struct {
		file string
		opts Options
		want []icp.Prospect
	}{
		{"salesforce_accounts.csv", salesforceAccountOptions, salesforceAccounts},
		{"hubspot_companies.csv", Options{}, hubspotCompanies},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, rejects, err := ReadAccounts(openTable(t, tt.file, tt.opts))
			if err != nil || rejects != nil {
				t.Fatalf("ReadAccounts() = _, %v, %v; want no rejects, nil", rejects, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadAccounts() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadAccountsValues(t *testing.T) {
	in := "account_id,employees,headcount_growth,decision_maker,champion,intent,engagement,channel,buyer_title\n" +
		"A1,\"1,200\",40%,Yes,0,crm:80@2026-04-01 | erp@2026-04-02T10:00:00Z,page_visit@2026-05-01;demo_view,Web,VP Sales\n" +
		"A2,n/a,-0.1,N,TRUE,none,,outbound,-\n"
	tb, err := NewCSVTable(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, rejects, err := ReadAccounts(tb)
	if err != nil || rejects != nil {
		t.Fatalf("ReadAccounts() = _, %v, %v", rejects, err)
	}
	want := []icp.Prospect{
		{
			ID: "A1", Employees: icp.Num(1200), HeadcountGrowth: icp.Num(0.4),
			DecisionMaker: icp.Yes, Champion: icp.No,
			Intent: []icp.Event{
				{Topic: "crm", Strength: 80, Date: day0(2026, 4, 1)},
				{Topic: "erp", Date: time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC)},
			},
			Engagement: []icp.Event{trigger("page_visit", day0(2026, 5, 1)), {Kind: "demo_view"}},
			Channel:    icp.Inbound, BuyerTitle: "VP Sales",
		},
		{
			ID: "A2", HeadcountGrowth: icp.Num(-0.1), DecisionMaker: icp.No, Champion: icp.Yes,
			Intent: []icp.Event{}, Channel: icp.Outbound,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadAccounts() mismatch (-want +got):\n%s", diff)
	}
}

func TestReadAccountsCustom(t *testing.T) {
	in := "Account Name,Segment,Tools,Partner,Score Boost,Signals,Plan\n" +
		"Acme,Enterprise,a; b,yes,1.5,funding@2026-01-01,x\n" +
		"Beta,,,,,,\n"
	o := Options{
		Columns: map[string]string{"plan": "Plan"},
		Custom: []CustomField{
			{Name: "segment", Kind: icp.KindText},
			{Name: "tools", Kind: icp.KindList},
			{Name: "partner", Kind: icp.KindFlag},
			{Name: "score_boost", Kind: icp.KindNumber},
			{Name: "signals", Kind: icp.KindEvents},
			{Name: "plan", Kind: icp.KindText},
		},
	}
	tb, err := NewCSVTable(strings.NewReader(in), o)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := ReadAccounts(tb)
	if err != nil {
		t.Fatal(err)
	}
	want := []icp.Prospect{
		{Name: "Acme", Custom: map[string]icp.Value{
			"segment":     icp.TextValue("Enterprise"),
			"tools":       icp.ListValue([]string{"a", "b"}),
			"partner":     icp.FlagValue(true),
			"score_boost": icp.NumberValue(1.5),
			"signals":     icp.EventsValue([]icp.Event{trigger("funding", day0(2026, 1, 1))}),
			"plan":        icp.TextValue("x"),
		}},
		{Name: "Beta"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadAccounts() mismatch (-want +got):\n%s", diff)
	}
}

// TestAccountReaderStream reads enough rows to recycle every batch and
// checks each row as Next returns it, then the end.
func TestAccountReaderStream(t *testing.T) {
	const n = batchRows*batches*3 + 7
	var b strings.Builder
	b.WriteString("account_id,tech_stack,triggers,segment\n")
	for i := range n {
		if i%100 == 99 {
			fmt.Fprintf(&b, "A%d,bad,funding@2026-02-30,s%d\n", i, i)
			continue
		}
		fmt.Fprintf(&b, "A%d,t%d;u%d,k%d@2026-01-01,s%d\n", i, i, i, i, i)
	}
	tb, _ := NewCSVTable(strings.NewReader(b.String()), Options{Custom: []CustomField{{Name: "segment", Kind: icp.KindText}}})
	defer tb.Close()
	r, err := NewAccountReader(tb)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		row, err := r.Next()
		id := fmt.Sprintf("A%d", i)
		if i%100 == 99 {
			if !errors.Is(err, ErrBadEvent) || row.Cells[0] != id || row.Line != i+2 {
				t.Fatalf("row %d: Next() = %+v, %v; want a bad event reject", i, row, err)
			}
			continue
		}
		p := row.Prospect
		if err != nil || row.Line != i+2 || row.Cells[0] != id || p.ID != id ||
			!slices.Equal(p.TechStack, []string{fmt.Sprint("t", i), fmt.Sprint("u", i)}) ||
			len(p.Triggers) != 1 || p.Triggers[0].Kind != fmt.Sprint("k", i) ||
			p.Custom["segment"].Text != fmt.Sprint("s", i) {
			t.Fatalf("row %d: Next() = %+v, %v", i, row, err)
		}
	}
	for range 2 {
		if _, err := r.Next(); err != io.EOF {
			t.Fatalf("Next() at end = %v; want io.EOF", err)
		}
	}
}

// TestAccountReaderClose stops reading half way: Close returns, and Next
// reports the table closed.
func TestAccountReaderClose(t *testing.T) {
	var b strings.Builder
	b.WriteString("account_id\n")
	for i := range batchRows * batches * 4 {
		fmt.Fprintf(&b, "A%d\n", i)
	}
	tb, _ := NewCSVTable(strings.NewReader(b.String()), Options{})
	r, _ := NewAccountReader(tb)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
	var err error
	for range batchRows * batches * 4 {
		if _, err = r.Next(); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrClosed) {
		t.Errorf("Next() after Close = %v; want ErrClosed", err)
	}
}

// TestReadAccountsCopies checks that records from ReadAccounts own their
// slices.
func TestReadAccountsCopies(t *testing.T) {
	in := "account_id,tech_stack\nA1,x;y\nA2,z\n"
	tb, _ := NewCSVTable(strings.NewReader(in), Options{})
	all, _, _ := ReadAccounts(tb)
	all[0].TechStack = append(all[0].TechStack, "w")
	if diff := cmp.Diff([][]string{{"x", "y", "w"}, {"z"}}, [][]string{all[0].TechStack, all[1].TechStack}); diff != "" {
		t.Errorf("ReadAccounts() shares slices between records (-want +got):\n%s", diff)
	}
}

func TestReadAccountsStrict(t *testing.T) {
	in := "account_id,employees\nA1,10\nA2,12k\nA3,x\n"
	tb, _ := NewCSVTable(strings.NewReader(in), Options{File: "a.csv", Strict: true})
	_, _, err := ReadAccounts(tb)
	const want = `a.csv:3:2: field "employees": "12k" is not a number`
	var pe *ParseError
	if !errors.As(err, &pe) || err.Error() != want || !errors.Is(err, ErrNotNumber) {
		t.Errorf("ReadAccounts(strict) = %v; want %q", err, want)
	}
	if pe != nil && (pe.Line != 3 || pe.Column != 2 || pe.Field != "employees" || pe.Value != "12k") {
		t.Errorf("ParseError = %+v; want line 3, column 2, field employees, value 12k", *pe)
	}
}

func TestReadAccountsOptions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts Options
		want []icp.Prospect
	}{
		{
			name: "decimal comma, semicolons",
			in:   "account_id;annual_revenue;headcount_growth\nA1;1.200.000,50 €;12,5%\n",
			opts: Options{DecimalComma: true},
			want: []icp.Prospect{{ID: "A1", AnnualRevenue: icp.Num(1200000.5), HeadcountGrowth: icp.Num(0.125)}},
		},
		{
			name: "own channel names",
			in:   "account_id,Lead Source\nA1,Trade Show\nA2,Partner Referral\nA3,Web\n",
			opts: Options{Channels: map[string]icp.Channel{" trade show ": icp.Outbound}},
			want: []icp.Prospect{{ID: "A1", Channel: icp.Outbound}, {ID: "A2"}, {ID: "A3", Channel: icp.Inbound}},
		},
		{
			name: "explicit mapping beats built-in names",
			in:   "Id,Employees,Headcount (LinkedIn)\nA1,10,12\n",
			opts: Options{Columns: map[string]string{"employees": "headcount (linkedin)"}},
			want: []icp.Prospect{{ID: "A1", Employees: icp.Num(12)}},
		},
		{
			name: "tab separated with excel sep line",
			in:   "sep=\t\r\nAccount Name\tIndustry\r\nAcme, Inc.\tSoftware\r\n",
			want: []icp.Prospect{{Name: "Acme, Inc.", Industry: "Software"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := NewCSVTable(strings.NewReader(tt.in), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, rejects, err := ReadAccounts(tb)
			if err != nil || rejects != nil {
				t.Fatalf("ReadAccounts() = _, %v, %v", rejects, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadAccounts() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
