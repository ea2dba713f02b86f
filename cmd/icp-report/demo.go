package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/icpkit/icpkit/internal/demo"
	"github.com/icpkit/icpkit/report"
	"github.com/spf13/cobra"
)

func newDemo(e *env) *cobra.Command {
	var out string
	var seed uint64
	c := &cobra.Command{
		Use:   "demo",
		Short: "Run everything on a built-in sample company and write the report",
		Long: `demo needs no files and downloads nothing. It generates a sample B2B
company from a documented, seeded process (3,000 accounts, two years of
deals with outcomes, open pipeline, customers with churn and expansion),
scores it with the playbook's reference model, calibrates the model
against the closed deals, and writes:

  DIR/icp-report.xlsx     the quarterly ICP review and finance cohort workbook
  DIR/*.png               one chart per figure, sized for a slide
  DIR/summary.json        the headline figures
  DIR/suggested.yaml      the model file calibration suggests
  DIR/icp.yaml            the reference model it started from
  DIR/data/*.csv          the sample, to try the other commands on

Then it prints the three most important findings.`,
		Example: `  icp-report demo
  icp-report demo --out /tmp/review --seed 7`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set := demo.DefaultSettings
			if seed != 0 {
				set.Seed = seed
			}
			progress := newStage(e, 5)
			progress.step("generating the sample company")
			s := demo.Generate(set)
			m := icp.Reference()
			progress.step("calibrating against closed deals")
			cal, err := calibrate.Run(m, s.Opportunities, calibrate.Settings{})
			if err != nil {
				return err
			}
			progress.step("building the report")
			rep, err := report.Build(report.Input{
				Model: m, Deals: s.Opportunities, Customers: s.Customers, AsOf: s.AsOf,
				Calibration: cal,
				Sources:     []report.Source{{Name: "accounts", Read: len(s.Accounts)}, {Name: "opportunities", Read: len(s.Opportunities)}, {Name: "customers", Read: len(s.Customers)}},
			}, report.Settings{})
			if err != nil {
				return err
			}
			progress.step("writing " + out)
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			if err := report.WriteDir(out, rep); err != nil {
				return err
			}
			if err := atomicfile.WriteFile(filepath.Join(out, "icp.yaml"), icp.ReferenceYAML(), 0o644); err != nil {
				return err
			}
			if cal.Suggested != nil {
				b, err := cal.Suggested.Marshal()
				if err != nil {
					return err
				}
				if err := atomicfile.WriteFile(filepath.Join(out, "suggested.yaml"), b, 0o644); err != nil {
					return err
				}
			}
			progress.step("writing the sample data")
			if err := s.WriteCSV(filepath.Join(out, "data")); err != nil {
				return err
			}
			progress.done()
			fmt.Fprintf(e.stdout, "Wrote the ICP review of a sample company (%d accounts, %d deals, %d customers) to %s/\n", len(s.Accounts), len(s.Opportunities), len(s.Customers), out)
			fmt.Fprintf(e.stdout, "  %s   the workbook: open it in Excel or LibreOffice\n", filepath.Join(out, "icp-report.xlsx"))
			fmt.Fprintf(e.stdout, "  %s   the charts\n", filepath.Join(out, "*.png"))
			fmt.Fprintf(e.stdout, "  %s   the model calibration suggests\n", filepath.Join(out, "suggested.yaml"))
			fmt.Fprintf(e.stdout, "  %s   the sample as CSV, for the other commands\n", filepath.Join(out, "data")+"/")
			fmt.Fprintln(e.stdout, "\nThe three most important findings:")
			for i, f := range topFindings(cal, 3) {
				fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, f.Title)
				for _, ev := range f.Evidence {
					fmt.Fprintf(e.stdout, "     %s\n", ev)
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "icp-report-demo", "directory to write into")
	c.Flags().Uint64Var(&seed, "seed", 0, "seed of the sample company (0: the documented default)")
	return c
}

// topFindings picks the most severe findings, one per kind.
func topFindings(r *calibrate.Result, n int) []calibrate.Finding {
	var out []calibrate.Finding
	seen := map[string]bool{}
	for sev := calibrate.Action; ; sev-- {
		for _, f := range r.Findings {
			if f.Severity == sev && !seen[f.Kind] && len(out) < n {
				seen[f.Kind] = true
				out = append(out, f)
			}
		}
		if sev == calibrate.Info {
			break
		}
	}
	return out
}
