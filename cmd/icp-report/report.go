package main

import (
	"fmt"
	"os"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/report"
	"github.com/spf13/cobra"
)

func newReport(e *env) *cobra.Command {
	var (
		in     inputFlags
		out    string
		period string
		noCal  bool
	)
	c := &cobra.Command{
		Use:   "report --model M --deals FILE --out DIR",
		Short: "Write the quarterly ICP review and finance cohort workbook with charts",
		Long: `report writes DIR/icp-report.xlsx (Summary, Win rate by tier, Pipeline
mix, Forecast by tier, Aging pipeline, Calibration, Review findings,
Cohorts, Data quality), one PNG per chart and DIR/summary.json with the
headline figures. Every file is written to a temporary name and renamed;
the same inputs give the same bytes.

--as-of sets the date the report is "as of" (aging, cohort maturity); it
defaults to the latest date in the data, never the clock.`,
		Example: `  icp-report report --model icp.yaml --deals opps.csv --accounts accounts.csv --customers customers.csv --out review/
  icp-report report --model icp.yaml --deals deals.xlsx --period month --as-of 2026-10-01 --out review/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			defer withProgress(e, &in)()
			m, err := in.model()
			if err != nil {
				return err
			}
			per, err := calibrate.ParsePeriod(period)
			if err != nil {
				return usagef("--period: %v", err)
			}
			if out == "" {
				return usagef("--out DIR is required")
			}
			data, err := in.loadDeals(e, m)
			if err != nil {
				return err
			}
			asOf := in.asOf
			if asOf.IsZero() {
				asOf = latestDate(data)
			}
			var cal *calibrate.Result
			if !noCal {
				cal, err = calibrate.Run(m, data.deals, calibrate.Settings{Period: per, AsOf: asOf})
				if err != nil {
					fmt.Fprintf(e.info, "icp-report: calibration skipped: %v\n", err)
					cal = nil
				}
			}
			in2 := report.Input{Model: m, Deals: data.deals, Customers: data.customers, AsOf: asOf, Period: report.Period(per), Calibration: cal}
			for _, s := range data.sources {
				in2.Sources = append(in2.Sources, report.Source{Name: s.file, Read: s.read, Rejected: len(s.rejected)})
				for _, r := range s.rejected {
					in2.Rejects = append(in2.Rejects, report.Reject{File: s.file, Line: r.line, Reason: r.reason})
				}
			}
			rep, err := report.Build(in2, report.Settings{})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			if err := report.WriteDir(out, rep); err != nil {
				return err
			}
			data.printCounts(e.info)
			fmt.Fprintf(e.stdout, "wrote %s/icp-report.xlsx, the charts and summary.json (as of %s)\n", out, asOf.Format("2006-01-02"))
			return nil
		},
	}
	in.register(c, true)
	c.Flags().StringVarP(&out, "out", "o", "", "output directory (created if missing)")
	c.Flags().StringVar(&period, "period", "quarter", "reporting period: quarter or month")
	c.Flags().BoolVar(&noCal, "no-calibration", false, "leave out the calibration and review sheets")
	return c
}
