// Finance-cohorts exports the finance view of the ICP: customers grouped by
// ICP tier and start quarter, with 90-day churn, logo and net revenue
// retention at 3, 6 and 12 months, LTV and CAC payback, as a CSV a finance
// model or warehouse loads. Cohorts too young for a figure get an empty
// cell, never a zero.
//
// Use this shape in a finance pipeline that already has customers and deals
// in Go: build the report in memory and take the typed tables, no workbook
// needed. Here the customers come from the demo's sample company; in your
// pipeline they come from your warehouse or from crm.ReadCustomers.
//
// Run it with `go run ./examples/finance-cohorts > cohorts.csv`.
package main

import (
	"encoding/csv"
	"io"
	"log"
	"os"
	"strconv"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
	"github.com/icpkit/icpkit/report"
)

func run(out io.Writer) error {
	s := demo.Generate(demo.DefaultSettings)
	r, err := report.Build(report.Input{
		Model:     icp.Reference(),
		Deals:     s.Opportunities,
		Customers: s.Customers,
		AsOf:      s.AsOf,
	}, report.Settings{})
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	c := r.Cohorts
	head := []string{"tier", "start_period", "customers", "start_arr", "churn_90d"}
	for _, h := range c.Horizons {
		m := strconv.Itoa(h)
		head = append(head, "logo_retention_"+m+"m", "nrr_"+m+"m")
	}
	head = append(head, "ltv", "cac_payback_months")
	w.Write(head)
	for _, row := range append(c.ByPeriod, c.Tiers...) {
		period := row.Period
		if period == "" {
			period = "all"
		}
		rec := []string{row.Tier, period, strconv.Itoa(row.Customers), num(report.Figure{Value: row.StartARR, Known: true}), num(row.Churn90)}
		for k := range c.Horizons {
			rec = append(rec, num(row.Logo[k]), num(row.NRR[k]))
		}
		rec = append(rec, num(row.LTV), num(row.CACPayback))
		w.Write(rec)
	}
	w.Flush()
	return w.Error()
}

// num writes a known figure with 4 decimals and an unknown one as empty.
func num(f report.Figure) string {
	if !f.Known {
		return ""
	}
	return strconv.FormatFloat(f.Value, 'f', 4, 64)
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}
