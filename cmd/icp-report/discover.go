package main

import (
	"fmt"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/spf13/cobra"
)

func newDiscover(e *env) *cobra.Command {
	var (
		in  inputFlags
		out string
		top int
	)
	c := &cobra.Command{
		Use:   "discover --deals FILE | --customers FILE",
		Short: "Find what your best customers share and write a starter model",
		Long: `discover follows the playbook's first step: take your best customers and
look for the pattern ("14 of 20 are software companies with 100–400
employees"). Give it won deals (--deals, with --accounts to join) or a
customer list (--customers); with --top N it keeps the N customers with the
highest current ARR (or the N largest won deals). It prints what they share
and, with --out, writes a starter model file in the playbook's 100-point
structure with those ranges and values.`,
		Example: `  icp-report discover --deals deals.csv --accounts accounts.csv --out starter.yaml
  icp-report discover --customers customers.csv --accounts accounts.csv --top 20`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			defer withProgress(e, &in)()
			m := icp.Reference()
			var best []icp.Prospect
			switch {
			case in.customers != "":
				data, err := in.loadCustomers(e, m)
				if err != nil {
					return err
				}
				best = bestCustomers(data.customers, top)
				data.printCounts(e.info)
			case in.deals != "":
				data, err := in.loadDeals(e, m)
				if err != nil {
					return err
				}
				best = bestDeals(data.deals, top)
				data.printCounts(e.info)
			default:
				return usagef("give --deals or --customers")
			}
			d, err := calibrate.Discover(best)
			if err != nil {
				return err
			}
			if d.Headline != "" {
				fmt.Fprintln(e.stdout, d.Headline+".")
			}
			for _, s := range d.Statements {
				fmt.Fprintf(e.stdout, "  %s\n", s)
			}
			for _, w := range d.Warnings {
				fmt.Fprintf(e.stdout, "warning: %s\n", w)
			}
			if out != "" {
				b, err := d.Spec.Marshal()
				if err != nil {
					return err
				}
				if err := atomicfile.WriteFile(out, b, 0o644); err != nil {
					return err
				}
				fmt.Fprintf(e.info, "wrote the starter model to %s: check it with 'icp-report validate %s'\n", out, out)
			}
			return nil
		},
	}
	in.register(c, false)
	c.Flags().StringVar(&out, "out", "", "write the starter model file here")
	c.Flags().IntVar(&top, "top", 0, "keep only the N best (by current ARR, or won amount); 0 keeps all")
	return c
}
