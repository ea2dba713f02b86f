package crm

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

// read runs the reader for kind over a fixture and returns its rejects'
// lines and messages, or the error that stopped it.
func read(t *testing.T, kind tableKind, name string, o Options) (lines []int, msgs []string, err error) {
	t.Helper()
	o.File = "bad/" + name
	tb, err := OpenTable(fixtures+"bad/"+name, o)
	if err != nil {
		return nil, nil, err
	}
	defer tb.Close()
	var rejects []Reject
	switch kind {
	case accountsTable:
		_, rejects, err = ReadAccounts(tb)
	case opportunitiesTable:
		_, rejects, err = ReadOpportunities(tb)
	case customersTable:
		_, rejects, err = ReadCustomers(tb)
	}
	for _, r := range rejects {
		var pe *ParseError
		if !errors.As(r.Err, &pe) || pe.Line != r.Line {
			t.Errorf("reject on line %d has error %v; want a *ParseError on that line", r.Line, r.Err)
		}
		lines = append(lines, r.Line)
		msgs = append(msgs, r.Err.Error())
	}
	return lines, msgs, err
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name string
		kind tableKind
		opts Options
		want error
		msg  string
	}{
		{"empty.csv", accountsTable, Options{}, ErrEmpty, "bad/empty.csv: empty input: no header row"},
		{"header_only.csv", accountsTable, Options{}, ErrNoRows, "bad/header_only.csv:1: header has no data rows"},
		{"duplicate_column.csv", accountsTable, Options{}, ErrDuplicateColumn,
			`bad/duplicate_column.csv:1:4: "industry" is a duplicate column (same name as column 2)`},
		{"utf16.csv", accountsTable, Options{}, ErrUTF16, "bad/utf16.csv:1: input is UTF-16; save it as UTF-8"},
		{"no_known_columns.csv", accountsTable, Options{Delimiter: ','}, ErrMissingColumn,
			"bad/no_known_columns.csv:1: missing column: no column has a known name (account_id, account_name, employees, " +
				"annual_revenue, industry, country, region, tech_stack, funding_stage, headcount_growth, triggers, intent, " +
				"engagement, decision_maker, champion, buyer_title, channel); wrong file, delimiter or Options.Columns?"},
		{"header_only.csv", accountsTable, Options{Columns: map[string]string{"employee_count": "NumberOfEmployees"}}, ErrUnknownField,
			`bad/header_only.csv:1: field "employee_count": is not a field of this table (Options.Columns)`},
		{"header_only.csv", accountsTable, Options{Custom: []CustomField{{Name: "segment", Kind: icp.KindText}}, Columns: map[string]string{"segment": "Segment"}}, ErrMissingColumn,
			`bad/header_only.csv:1: missing column "Segment" for custom field "segment" (Options.Columns["segment"])`},
		{"header_only.csv", accountsTable, Options{Custom: []CustomField{{Name: "Name"}}}, ErrUnknownField,
			`bad/header_only.csv:1: field "Name": is not a field of this table: custom field kind unknown cannot be read`},
		{"header_only.csv", opportunitiesTable, Options{}, ErrMissingColumn,
			`bad/header_only.csv:1: missing column "outcome", "stage" or "is_won" with "is_closed" (also read from StageName, Deal Stage, IsWon, IsClosed)`},
		{"header_only.csv", customersTable, Options{}, ErrMissingColumn,
			`bad/header_only.csv:1: missing column "start_date" (also read from Start Date, Customer Since, Became a Customer Date, Contract Start Date)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := read(t, tt.kind, tt.name, tt.opts)
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("reading %s = %v;\nwant %q", tt.name, err, tt.msg)
			}
		})
	}
}

func TestBadRows(t *testing.T) {
	tests := []struct {
		name  string
		kind  tableKind
		lines []int
		msgs  []string
	}{
		{"accounts.csv", accountsTable,
			[]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13},
			[]string{
				`bad/accounts.csv:3:3: field "employees": "12k" is not a number`,
				`bad/accounts.csv:4:3: field "employees": "-5" is negative`,
				`bad/accounts.csv:5:4: field "annual_revenue": "NaN" is not finite`,
				`bad/accounts.csv:6:3: field "employees": "10.5" is not a whole number`,
				`bad/accounts.csv:7:6: field "decision_maker": "perhaps" is not yes/no`,
				`bad/accounts.csv:8:7: field "triggers": "funding@2026-02-30" is not an event list: entry "funding@2026-02-30": date "2026-02-30" is not a date`,
				`bad/accounts.csv:9:8: field "intent": "crm:150" is not an event list: entry "crm:150": strength "150" is out of range (0–100)`,
				`bad/accounts.csv:10:1: field "account_id": "A1" is a duplicate id (first on line 2)`,
				`bad/accounts.csv:11: ragged row: 9 cells, header has 8`,
				`bad/accounts.csv:12:2: field "account_name": bare " in an unquoted field`,
				`bad/accounts.csv:13:2: field "account_name": "caf\xe9" is not valid UTF-8`,
			}},
		{"opportunities.csv", opportunitiesTable,
			[]int{3, 4, 5, 6, 7, 8, 9, 10},
			[]string{
				`bad/opportunities.csv:3:4: field "close_date": "2026-01-01" is before the created date (2026-02-10)`,
				`bad/opportunities.csv:4:6: field "outcome": "maybe" is not a known outcome`,
				`bad/opportunities.csv:5:2: field "account_id": value is required`,
				`bad/opportunities.csv:6:3: field "created_date": value is required`,
				`bad/opportunities.csv:7:3: field "created_date": "01/02/2026" is ambiguous: day/month or month/day; set Options.DateOrder`,
				`bad/opportunities.csv:8:1: field "opportunity_id": "O1" is a duplicate id (first on line 2)`,
				`bad/opportunities.csv:9:6: field "outcome": value is required`,
				`bad/opportunities.csv:10:7: field "amount": "(500)" is negative`,
			}},
		{"customers.csv", customersTable,
			[]int{2, 3, 4},
			[]string{
				`bad/customers.csv:2:3: field "churn_date": "2024-12-01" is before the start date (2025-01-01)`,
				`bad/customers.csv:3:5: field "gross_margin": "72" is out of range: a margin is at most 1; write 0.72 or 72%`,
				`bad/customers.csv:4:4: field "start_arr": "-1000" is negative`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, msgs, err := read(t, tt.kind, tt.name, Options{})
			if err != nil {
				t.Fatalf("reading %s = %v", tt.name, err)
			}
			if diff := cmp.Diff(tt.lines, lines); diff != "" {
				t.Errorf("reject lines mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.msgs, msgs); diff != "" {
				t.Errorf("reject messages mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// A deals file may have no account and no date columns: it carries its
// own attributes (the Salvirt data has neither). Each row is then read
// with an empty account and zero dates, not rejected.
func TestOpportunitiesWithoutAccountOrDates(t *testing.T) {
	data := "Comp_size;Status\r\nBig;Won\r\nSmall;Lost\r\n"
	tb, err := NewCSVTable(strings.NewReader(data), Options{File: "deals.csv", Columns: map[string]string{"outcome": "Status"}, Custom: []CustomField{{Name: "Comp_size", Kind: icp.KindText}}})
	if err != nil {
		t.Fatal(err)
	}
	opps, rej, err := ReadOpportunities(tb)
	if err != nil || len(rej) != 0 {
		t.Fatalf("ReadOpportunities = %d rejects, %v; want none", len(rej), err)
	}
	if len(opps) != 2 || opps[0].Outcome != icp.Won || opps[1].Outcome != icp.Lost || !opps[0].Created.IsZero() {
		t.Fatalf("ReadOpportunities = %+v; want won then lost, undated", opps)
	}
	if got := opps[0].Prospect.Custom["Comp_size"].Text; got != "Big" {
		t.Errorf("Comp_size = %q; want Big", got)
	}
}

// One mapping serves every file of a run (a model's columns:): a mapped
// field of another kind of table, or a mapped column this file lacks, is
// passed over; a name that is no field at all is still an error.
func TestColumnsShared(t *testing.T) {
	cols := map[string]string{"employees": "Headcount (LinkedIn)", "amount": "close_value", "industry": "sector"}
	tb, err := NewCSVTable(strings.NewReader("account,sector\nAcme,software\n"), Options{File: "accounts.csv", Columns: cols})
	if err != nil {
		t.Fatal(err)
	}
	accts, rej, err := ReadAccounts(tb)
	if err != nil || len(rej) != 0 || len(accts) != 1 || accts[0].Industry != "software" {
		t.Fatalf("ReadAccounts = %+v, %d rejects, %v; want Acme in software", accts, len(rej), err)
	}
	cols["employee_count"] = "x"
	tb, err = NewCSVTable(strings.NewReader("account,sector\nAcme,software\n"), Options{File: "accounts.csv", Columns: cols})
	if err == nil {
		_, _, err = ReadAccounts(tb)
	}
	if !errors.Is(err, ErrUnknownField) {
		t.Errorf("mapping employee_count: error %v; want ErrUnknownField", err)
	}
}
