// Command designmatrix writes the design matrix `icp-report calibrate`
// fits — one row per closed deal, "won" (0/1) and one column per
// criterion of the first profile, x = points earned / maximum points,
// the deal scored as of the day it was created — so that a peer tool
// (../shared/peers/sklearn_baseline.py) can fit the same regression.
// scripts/bench-scale.sh uses it.
//
// Usage: go run ./scripts/designmatrix MODEL DEALS.csv > design.csv
//
// It mirrors calibrate's design (calibrate/design.go); rows the reader
// rejects are counted on stderr and left out, as calibrate leaves them
// out. Deals stream through: memory stays flat.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: designmatrix MODEL DEALS.csv > design.csv")
		os.Exit(2)
	}
	if err := write(os.Stdout, os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "designmatrix: %v\n", err)
		os.Exit(1)
	}
}

func write(stdout io.Writer, modelPath, dealsPath string) error {
	m, err := icp.Load(modelPath)
	if err != nil {
		return err
	}
	o := crm.Options{Columns: m.Columns()}
	for _, c := range m.CustomFields() {
		o.Custom = append(o.Custom, crm.CustomField{Name: c.Name, Kind: c.Kind})
	}
	t, err := crm.OpenTable(dealsPath, o)
	if err != nil {
		return err
	}
	defer t.Close()
	r, err := crm.NewOpportunityReader(t)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	w.WriteString("won")
	for _, c := range m.Criteria(0) {
		w.WriteString("," + c.Name)
	}
	w.WriteByte('\n')
	var res icp.Result
	var b []byte
	rows, rejected := 0, 0
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *crm.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			rejected++
			continue
		}
		d := &row.Opportunity
		if !d.Outcome.Closed() {
			continue
		}
		p := d.Prospect
		p.Channel = icp.OpportunityStage
		p.Opened, p.ScoredAt, p.LastStageChange = d.Created, d.Created, d.LastStageChange
		m.ScoreInto(&res, &p, d.Created)
		b = b[:0]
		if d.Outcome == icp.Won {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
		for _, c := range res.ProfileCriteria(0) {
			b = append(b, ',')
			b = strconv.AppendFloat(b, c.Points/c.Max, 'g', -1, 64)
		}
		b = append(b, '\n')
		w.Write(b)
		rows++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "designmatrix: %d closed deals, %d rows rejected\n", rows, rejected)
	return nil
}
