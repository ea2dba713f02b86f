package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/icpkit/icpkit/internal/demo"
	"github.com/spf13/cobra"
)

func newGenerate(e *env) *cobra.Command {
	var (
		out   string
		seed  uint64
		scale int
	)
	c := &cobra.Command{
		Use:   "generate",
		Short: "Write the demo's sample company as CSV files",
		Long: `generate writes the sample company the demo uses, so you can try the
other commands on files: accounts.csv, opportunities.csv, customers.csv and
a README.txt that documents how the data were made and which attributes
really drive wins (the ground truth calibration should recover).

With --scale N it instead writes N synthetic accounts (accounts.csv) and N
closed deals (deals.csv) for timing score and calibrate at scale; memory
stays flat however large N is.`,
		Example: `  icp-report generate --out sample
  icp-report score --model icp.yaml --in sample/accounts.csv --out scored.csv
  icp-report generate --scale 1000000 --out big`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			if seed == 0 {
				seed = demo.DefaultSettings.Seed
			}
			if scale > 0 {
				for _, f := range []struct {
					name  string
					write func(io.Writer) error
				}{
					{"accounts.csv", func(w io.Writer) error { return demo.WriteScaleAccounts(w, scale, seed) }},
					{"deals.csv", func(w io.Writer) error { return demo.WriteScaleDeals(w, scale, seed) }},
				} {
					write := func(w io.Writer) error { return f.write(ctxWriter{e.ctx, w}) }
					if err := writeFileWith(filepath.Join(out, f.name), write); err != nil {
						return err
					}
				}
				fmt.Fprintf(e.stdout, "wrote %d accounts and %d closed deals to %s/\n", scale, scale, out)
				return nil
			}
			set := demo.DefaultSettings
			set.Seed = seed
			s := demo.Generate(set)
			if err := s.WriteCSV(out); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "wrote %d accounts, %d opportunities and %d customers to %s/ (as of %s)\n", len(s.Accounts), len(s.Opportunities), len(s.Customers), out, s.AsOf.Format("2006-01-02"))
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "icp-sample", "directory to write into")
	c.Flags().Uint64Var(&seed, "seed", 0, "seed (0: the documented default)")
	c.Flags().IntVar(&scale, "scale", 0, "write N synthetic accounts and deals instead, for benchmarks")
	return c
}

// ctxWriter fails its writes once ctx is done, so that long generated
// output stops at Ctrl-C and is discarded rather than left half written.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("interrupted (%w)", err)
	}
	return c.w.Write(p)
}
