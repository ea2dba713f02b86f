// Quarterly-review runs the playbook's quarterly ICP review from Go:
// calibrate the model against closed-won/lost deals, then write the
// workbook, the charts and summary.json into a directory.
//
// Use this shape when the review runs as a scheduled job next to your CRM
// sync rather than by hand with `icp-report report`. Here the deals are the
// demo's sample company; yours come from crm.ReadOpportunities and
// crm.Join, or straight from your warehouse as []icp.Opportunity.
//
// Run it with `go run ./examples/quarterly-review [DIR]` (default
// ./quarterly-review-out).
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
	"github.com/icpkit/icpkit/report"
)

func run(dir string, out io.Writer) error {
	s := demo.Generate(demo.DefaultSettings)
	m := icp.Reference()
	cal, err := calibrate.Run(m, s.Opportunities, calibrate.Settings{})
	if err != nil {
		return err
	}
	rep, err := report.Build(report.Input{
		Model: m, Deals: s.Opportunities, Customers: s.Customers, AsOf: s.AsOf, Calibration: cal,
	}, report.Settings{})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := report.WriteDir(dir, rep); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s/icp-report.xlsx\n", dir)
	for _, c := range cal.Criteria {
		fmt.Fprintf(out, "%-15s now %2.0f  suggested %2d\n", c.Name, c.Current, c.Suggested)
	}
	return nil
}

func main() {
	dir := "quarterly-review-out"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir, os.Stdout); err != nil {
		log.Fatal(err)
	}
}
