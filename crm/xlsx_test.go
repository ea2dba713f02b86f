package crm

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/icpkit/icpkit/icp"
)

// workbook builds an XLSX export the way a user's spreadsheet holds one:
// typed numbers, real date cells, a blank row, trailing empty cells and a
// second sheet.
func workbook(t testing.TB, date1904 bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Accounts"))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	rows := [][]any{
		{"Account ID", "Account Name", "Employees", "Annual Revenue", "Industry", "Headcount Growth"},
		{"0012", "Acme", 1200, 45000000.5, "Software", 0.4},
		{},
		{"0013", "Globex", nil, "$1,200", "Manufacturing", "25%"},
		{"0014", "Initech"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("Accounts", cell, &r))
	}
	_, err = f.NewSheet("Deals")
	must(err)
	deals := [][]any{
		{"Opportunity ID", "Account ID", "Created Date", "Close Date", "Stage", "Amount"},
		{"O1", "0012", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 28, 12, 0, 0, 0, time.UTC), "Closed Won", 120000},
		{"O2", "0013", "2026-02-02", "3/31/2026", "Closed Lost", ""},
	}
	for i, r := range deals {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("Deals", cell, &r))
	}
	must(f.SetCellStyle("Deals", "C2", "D2", dateStyle))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func TestXLSXAccounts(t *testing.T) {
	tb, err := NewXLSXTable(bytes.NewReader(workbook(t, false)), Options{File: "book.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	got, rejects, err := ReadAccounts(tb)
	if err != nil || rejects != nil {
		t.Fatalf("ReadAccounts() = _, %v, %v", rejects, err)
	}
	want := []icp.Prospect{
		{ID: "0012", Name: "Acme", Employees: icp.Num(1200), AnnualRevenue: icp.Num(45000000.5), Industry: "Software", HeadcountGrowth: icp.Num(0.4)},
		{ID: "0013", Name: "Globex", AnnualRevenue: icp.Num(1200), Industry: "Manufacturing", HeadcountGrowth: icp.Num(0.25)},
		{ID: "0014", Name: "Initech"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadAccounts(xlsx) mismatch (-want +got):\n%s", diff)
	}
}

func TestXLSXDeals(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "book.xlsx")
		if err := os.WriteFile(path, workbook(t, date1904), 0o600); err != nil {
			t.Fatal(err)
		}
		tb, err := OpenTable(path, Options{Sheet: "Deals", DateOrder: MDY})
		if err != nil {
			t.Fatal(err)
		}
		got, rejects, err := ReadOpportunities(tb)
		tb.Close()
		if err != nil || rejects != nil {
			t.Fatalf("ReadOpportunities() = _, %v, %v", rejects, err)
		}
		want := []time.Time{day0(2026, 1, 15), at(2026, 4, 28, 12, 0), day0(2026, 2, 2), day0(2026, 3, 31)}
		gotDates := []time.Time{got[0].Created, got[0].Closed, got[1].Created, got[1].Closed}
		if diff := cmp.Diff(want, gotDates); diff != "" {
			t.Errorf("date1904=%v: dates mismatch (-want +got):\n%s", date1904, diff)
		}
		if got[0].Outcome != icp.Won || got[1].Outcome != icp.Lost || got[0].Amount != icp.Num(120000) {
			t.Errorf("date1904=%v: got %+v", date1904, got)
		}
	}
}

func TestXLSXErrors(t *testing.T) {
	_, err := NewXLSXTable(bytes.NewReader(workbook(t, false)), Options{File: "book.xlsx", Sheet: "Nope"})
	if want := `book.xlsx: no such sheet "Nope" (sheets: Accounts, Deals)`; !errors.Is(err, ErrNoSheet) || err.Error() != want {
		t.Errorf("NewXLSXTable(sheet Nope) = %v; want %q", err, want)
	}
	_, err = NewXLSXTable(bytes.NewReader([]byte("Id,Name\n1,x\n")), Options{File: "book.xlsx"})
	if want := "book.xlsx: not an xlsx workbook: zip: not a valid zip file"; err == nil || err.Error() != want {
		t.Errorf("NewXLSXTable(csv bytes) = %v; want %q", err, want)
	}
	if _, err := OpenTable(filepath.Join(t.TempDir(), "missing.xlsx"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenTable(missing) = %v; want ErrNotExist", err)
	}
}
