package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
	"github.com/spf13/cobra"
)

// scoreColumns are appended to every input row by `score`.
var scoreColumns = []string{"icp_score", "icp_tier", "icp_route", "icp_profile", "icp_fit", "icp_behavior", "icp_reasons", "icp_missing", "icp_upside"}

func newScore(e *env) *cobra.Command {
	var (
		in      inputFlags
		input   string
		out     string
		channel string
	)
	c := &cobra.Command{
		Use:   "score --model M --in FILE [--out FILE]",
		Short: "Score accounts, leads or deals from a CRM export",
		Long: `score reads a CSV or XLSX export of accounts, leads or opportunities,
scores every row with the model and writes every input column unchanged
plus icp_score, icp_tier, icp_route, icp_profile, icp_fit, icp_behavior,
icp_reasons, icp_missing and icp_upside — one row per input row, in the
same order, so the file imports back into the CRM.

Columns are found by their canonical names (employees, industry, …) or
the names Salesforce and HubSpot exports use; --map FIELD=HEADER names any
other. A row with a bad value (a date that does not exist, "12k"
employees) is not scored: it goes to the rejects file with its line and
reason, and the summary counts it. --strict stops at the first one.

--out ending in .xlsx writes a workbook; "-" (the default) writes CSV to
standard output. --in - reads CSV from standard input. The rows stream:
memory stays flat however long the file.`,
		Example: `  icp-report score --model icp.yaml --in accounts.csv --out scored.csv
  icp-report score --model icp.yaml --in hubspot-companies.csv --out scored.xlsx --as-of 2026-10-01
  cat leads.csv | icp-report score --model icp.yaml --in - --channel inbound > routed.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := in.model()
			if err != nil {
				return err
			}
			if input == "" {
				return usagef("--in is required (a CSV or XLSX file, or - for standard input)")
			}
			var ch icp.Channel
			if channel != "" {
				var ok bool
				if ch, ok = icp.ParseChannel(channel); !ok {
					return usagef("--channel %q is not inbound, outbound or opportunity", channel)
				}
			}
			return scoreFile(e, m, &in, input, out, ch)
		},
	}
	in.register(c, true)
	c.Flags().StringVarP(&input, "in", "i", "", "input CSV or XLSX (- for standard input)")
	c.Flags().StringVarP(&out, "out", "o", "-", "output .csv or .xlsx (- for standard output)")
	c.Flags().StringVar(&channel, "channel", "", "routing channel for rows without one: inbound, outbound or opportunity")
	return c
}

func scoreFile(e *env, m *icp.Model, in *inputFlags, input, out string, ch icp.Channel) error {
	o, err := in.options(m)
	if err != nil {
		return err
	}
	t, err := in.open(input, o)
	if err != nil {
		return err
	}
	defer t.Close()
	r, err := crm.NewAccountReader(t)
	if err != nil {
		return err
	}
	header := append(append([]string(nil), r.Header()...), scoreColumns...)

	var dst io.Writer = e.stdout
	var commit func() error
	var abort func()
	if out != "-" {
		af, err := createAtomic(out)
		if err != nil {
			return err
		}
		dst, commit, abort = af, af.Commit, func() { af.Abort() }
	}
	fail := func(err error) error {
		if abort != nil {
			abort()
		}
		return err
	}
	var w crm.RowWriter
	if strings.EqualFold(filepath.Ext(out), ".xlsx") {
		if w, err = crm.NewXLSXWriter(dst, "Scored"); err != nil {
			return fail(err)
		}
	} else {
		w = crm.NewCSVWriter(dst, t.Delimiter())
	}
	if err := w.Write(header); err != nil {
		return fail(err)
	}

	var rejects []crm.Reject
	var res icp.Result
	cells := make([]string, 0, len(header))
	var buf []byte
	n := 0
	for {
		if err := e.ctx.Err(); err != nil {
			return fail(fmt.Errorf("interrupted after %d rows; no output was written: %w", n, err))
		}
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *crm.ParseError
			if !errors.As(err, &pe) || in.strict {
				return fail(err)
			}
			rejects = append(rejects, crm.Reject{Line: row.Line, Cells: append([]string(nil), row.Cells...), Err: err})
			continue
		}
		n++
		p := &row.Prospect
		if p.Channel == icp.ChannelUnknown {
			p.Channel = ch
		}
		m.ScoreInto(&res, p, in.asOf)
		cells = appendScoreCells(append(cells[:0], row.Cells...), &res, &buf)
		if err := w.Write(cells); err != nil {
			return fail(err)
		}
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	if commit != nil {
		if err := commit(); err != nil {
			return err
		}
	}
	if err := in.writeRejects(input, r.Header(), rejects); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s: %d rows scored, %d rejected", input, n, len(rejects))
	if len(rejects) > 0 && in.rejects != "" {
		fmt.Fprintf(e.stderr, " (see %s)", in.rejects)
	}
	fmt.Fprintln(e.stderr)
	for i, rj := range rejects {
		if i == 5 {
			fmt.Fprintf(e.stderr, "  … and %d more; --rejects FILE writes them all\n", len(rejects)-5)
			break
		}
		fmt.Fprintf(e.stderr, "  %v\n", rj.Err)
	}
	if len(rejects) > 0 {
		return &partialError{len(rejects)}
	}
	return nil
}

// partialError reports that some rows were rejected: the output is
// complete for the rest, and the exit status is 1 so scripts notice.
type partialError struct{ n int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d rows were rejected and not scored", e.n)
}

// appendScoreCells appends the icp_* columns for r, formatting through buf.
func appendScoreCells(cells []string, r *icp.Result, buf *[]byte) []string {
	b := (*buf)[:0]
	str := func(f func([]byte) []byte) string {
		b = f(b[:0])
		return string(b)
	}
	num := func(v float64) string {
		return str(func(b []byte) []byte { return appendScore(b, v) })
	}
	cells = append(cells, num(r.Score), r.Tier, r.Route.String(), r.Profile, num(r.Fit), num(r.Behavior),
		str(func(b []byte) []byte { return r.AppendReasons(b, "; ") }),
		str(func(b []byte) []byte { return r.AppendMissing(b, "; ") }),
		str(func(b []byte) []byte { return r.AppendUpside(b, "; ") }))
	*buf = b
	return cells
}

// appendScore writes a score rounded to one decimal: 72 or 72.5.
func appendScore(b []byte, v float64) []byte {
	t := int64(v*10 + 0.5)
	b = strconv.AppendInt(b, t/10, 10)
	if t%10 != 0 {
		b = append(b, '.', byte('0'+t%10))
	}
	return b
}

var _ = os.Stdout
