package report_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/report"
)

// scaleInput generates a review input of the given size with the
// reference model: deals spread over two years before the report date, a
// quarter of them open, and customers over three years. Prospects come
// from a small pool of templates, so the input costs little memory beyond
// the records themselves. The generator is seeded: same size, same input.
func scaleInput(deals, customers int) report.Input {
	rng := rand.New(rand.NewPCG(1, 2))
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	industries := []string{"Software", "SaaS", "Financial Services", "Consulting", "Retail", "Manufacturing", ""}
	countries := []string{"US", "Canada", "UK", "Germany", "France", ""}
	stacks := [][]string{{"Salesforce", "Slack", "Gong"}, {"HubSpot"}, {"Zoom"}, {}, nil}
	funding := []string{"Series A", "Series B", "Series C", "Seed", ""}
	triggerKinds := []string{"funding", "new_sales_leader", "expansion", "regulatory_change"}
	const templates = 512
	pool := make([]icp.Prospect, templates)
	for i := range pool {
		p := icp.Prospect{
			Industry:      industries[rng.IntN(len(industries))],
			Country:       countries[rng.IntN(len(countries))],
			TechStack:     stacks[rng.IntN(len(stacks))],
			FundingStage:  funding[rng.IntN(len(funding))],
			DecisionMaker: icp.Flag(rng.IntN(3)),
		}
		if rng.IntN(8) > 0 {
			p.Employees = icp.Num(float64(5 + rng.IntN(2000)))
		}
		if rng.IntN(3) > 0 {
			p.Triggers = []icp.Event{{Kind: triggerKinds[rng.IntN(len(triggerKinds))], Date: asOf.AddDate(0, 0, -rng.IntN(900))}}
		}
		pool[i] = p
	}
	m := icp.Reference()
	fit := make([]float64, templates) // win chance rises with the score
	for i := range pool {
		fit[i] = 0.05 + 0.5*m.Score(&pool[i], asOf.AddDate(0, -12, 0)).Score/100
	}
	stages := []string{"Discovery", "Qualification", "Demo", "Proposal", "Negotiation", "Commit"}
	owners := make([]string, 300)
	for i := range owners {
		owners[i] = "Owner " + strconv.Itoa(i)
	}
	in := report.Input{Model: m, AsOf: asOf, Deals: make([]icp.Opportunity, deals), Customers: make([]icp.Customer, customers)}
	for i := range in.Deals {
		t := rng.IntN(templates)
		created := asOf.AddDate(0, 0, -rng.IntN(730))
		o := icp.Opportunity{
			ID: "D" + strconv.Itoa(i), Account: "A" + strconv.Itoa(i/2), Prospect: pool[t], Created: created,
			Owner: owners[rng.IntN(len(owners))], Amount: icp.Num(float64(5000 + rng.IntN(95000))), Line: i + 2,
		}
		age := int(asOf.Sub(created).Hours() / 24)
		if rng.IntN(4) == 0 || age < 30 {
			o.Stage = stages[rng.IntN(len(stages))]
			o.LastStageChange = created.AddDate(0, 0, rng.IntN(age+1))
		} else {
			o.Closed = created.AddDate(0, 0, 10+rng.IntN(max(age-10, 1)))
			o.Stage, o.Outcome = "Closed Lost", icp.Lost
			if rng.Float64() < fit[t] {
				o.Stage, o.Outcome = "Closed Won", icp.Won
			}
		}
		in.Deals[i] = o
	}
	for i := range in.Customers {
		t := rng.IntN(templates)
		start := asOf.AddDate(0, 0, -rng.IntN(1095))
		arr := float64(10000 + rng.IntN(90000))
		c := icp.Customer{
			Account: "C" + strconv.Itoa(i), Prospect: pool[t], Start: start, StartARR: icp.Num(arr),
			CurrentARR: icp.Num(arr * (0.8 + 0.6*rng.Float64())), CAC: icp.Num(arr * (0.5 + rng.Float64())),
			GrossMargin: icp.Num(0.75), Line: i + 2,
		}
		if rng.Float64() < 0.2*(1.2-fit[t]) {
			c.Churn = start.AddDate(0, 0, rng.IntN(int(asOf.Sub(start).Hours()/24)+1))
			c.CurrentARR = icp.Num(0)
		}
		in.Customers[i] = c
	}
	in.Sources = []report.Source{{Name: "opportunities.csv", Read: deals + 120, Rejected: 120}, {Name: "customers.csv", Read: customers, Rejected: 0}}
	for i := range 120 {
		in.Rejects = append(in.Rejects, report.Reject{File: "opportunities.csv", Line: 1000 + i*37, Reason: `field "amount": "n/a" is not a number`})
	}
	return in
}

// BenchmarkReview builds and writes the whole review (workbook, charts,
// summary) for 1,000,000 deals and 100,000 customers; it reports the
// workbook size and the process's peak resident memory (Linux).
//
//	go test ./report -run '^$' -bench Review -benchtime 1x
func BenchmarkReview(b *testing.B) {
	in := scaleInput(1_000_000, 100_000)
	inputRSS, _ := procStatus("VmHWM:")
	b.ReportAllocs()
	var size int
	for b.Loop() {
		r, err := report.Build(in, report.Settings{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.WriteXLSX(&buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
		for _, c := range r.Charts() {
			if err := r.WritePNG(io.Discard, c.Name); err != nil {
				b.Fatal(err)
			}
		}
		_ = r.Summary()
	}
	b.ReportMetric(float64(size)/1e6, "MB-xlsx")
	if hwm, ok := procStatus("VmHWM:"); ok {
		b.ReportMetric(hwm/1e6, "MB-peak-rss")
		b.ReportMetric(inputRSS/1e6, "MB-input-rss")
	}
}

// BenchmarkBuild times Build alone on the same input.
func BenchmarkBuild(b *testing.B) {
	in := scaleInput(1_000_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Build(in, report.Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}

// procStatus reads a memory figure of /proc/self/status in bytes:
// "VmHWM:" is the peak resident set size so far.
func procStatus(key string) (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key); ok {
			var kb float64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err == nil {
				return kb * 1024, true
			}
		}
	}
	return 0, false
}
