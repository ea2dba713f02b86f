package crm

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

const benchRows = 1_000_000

// writeAccountsCSV writes n account rows with every canonical column
// filled the way exports fill them: quoted names, money, percentages,
// lists and dated events.
func writeAccountsCSV(tb testing.TB, path string, n int) int64 {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprint(w, "account_id,account_name,employees,annual_revenue,industry,country,region,tech_stack,funding_stage,"+
		"headcount_growth,triggers,intent,engagement,decision_maker,champion,buyer_title,channel\r\n")
	industries := []string{"Software", "Financial Services", "Healthcare", "Manufacturing", "Retail"}
	countries := []string{"United States", "Germany", "United Kingdom", "France", "Canada"}
	for i := range n {
		fmt.Fprintf(w, "A%07d,\"Company %d, Inc.\",%d,\"$%d,%03d,000\",%s,%s,R%d,Salesforce;Slack;Snowflake,Series B,%d%%,"+
			"funding@2026-03-%02d;new_sales_leader@2026-05-10,crm:%d@2026-04-01,page_visit@2026-05-%02d,yes,no,VP Sales,inbound\r\n",
			i, i, 10+i%5000, 1+i%900, i%1000, industries[i%5], countries[i%5], i%50, i%60, 1+i%28, i%100, 1+i%28)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	fi, _ := f.Stat()
	f.Close()
	return fi.Size()
}

// BenchmarkReadAccounts streams a 1,000,000-row accounts CSV through
// AccountReader: CSV splitting, header mapping, every value parsed,
// duplicate ids checked.
func BenchmarkReadAccounts(b *testing.B) {
	path := filepath.Join(b.TempDir(), "accounts.csv")
	size := writeAccountsCSV(b, path, benchRows)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		tb, err := OpenTable(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := NewAccountReader(tb)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		tb.Close()
		if n != benchRows {
			b.Fatalf("read %d rows; want %d", n, benchRows)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCopyAccounts is the I/O half of the score command: stream the
// rows, append a column, write CSV.
func BenchmarkCopyAccounts(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "accounts.csv")
	size := writeAccountsCSV(b, path, benchRows)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		tb, err := OpenTable(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := NewAccountReader(tb)
		if err != nil {
			b.Fatal(err)
		}
		w := NewCSVWriter(io.Discard, tb.Delimiter())
		out := append(append([]string(nil), tb.Header()...), "icp_score")
		w.Write(out)
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			out = append(append(out[:0], row.Cells...), "87")
			w.Write(out)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		tb.Close()
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCSVWriter writes rows the way `icp-report score` does: an
// export's cells plus the icp_* columns, whose reasons and upside often
// hold commas and so are quoted.
func BenchmarkCSVWriter(b *testing.B) {
	rows := [][]string{
		{"account_id", "account_name", "employees", "industry", "tech_stack", "engagement", "icp_score", "icp_reasons", "icp_upside"},
		{"A00000001", "Westwell Bank", "414", "Financial Services", "Salesforce; Microsoft Teams; Zoom",
			"email_open@2022-11-24; email_open@2022-12-09; page_visit@2023-02-23; email_open@2023-07-21; page_visit@2024-09-09",
			"60", "employees 414 in 100–500: +25; industry Financial Services: +20; tech stack: 1 of 5 (Salesforce): +5",
			"Trigger event (unknown) would add 20: 60 → 80, Tier 1; Technology stack would add 10: 60 → 70, Tier 2"},
		{"A00000002", "Riverbridge Payments LLC", "", "Financial Services", "Zoho CRM; Slack; Zoom",
			"email_open@2023-08-22; email_open@2025-08-24; page_visit@2026-05-29; page_visit@2026-07-28",
			"25", "employees unknown: +0; industry Financial Services: +20; country India not in the ICP: +0", ""},
		{"A00000003", `Cobalt "Health", Inc.`, "1,200", "Healthcare", "", "", "87.5", "employees 1,200 in 1,001–5,000: +15", ""},
	}
	var size int64
	for _, r := range rows[1:] {
		for _, c := range r {
			size += int64(len(c)) + 1
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	w := NewCSVWriter(io.Discard, ',')
	w.Write(rows[0])
	for b.Loop() {
		for _, r := range rows[1:] {
			if err := w.Write(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
