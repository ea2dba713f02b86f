package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
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
			// Deals stream once through the calibration and the report
			// builders, each on its own goroutine: memory holds their
			// compact records, not the deals.
			var cb *calibrate.Builder
			var calErr error
			if !noCal {
				// Only the user's --as-of: calibrate drops the deals
				// created after it, and the default is after every deal.
				cb, calErr = calibrate.NewBuilder(m, calibrate.Settings{Period: per, AsOf: in.asOf})
			}
			// Without --as-of the report is as of the latest date in the
			// data, found while the deals stream.
			rb, err := report.NewBuilder(report.Input{Model: m, AsOf: in.asOf, Period: report.Period(per)}, report.Settings{})
			if err != nil {
				return err
			}
			adds := []func(*icp.Opportunity){func(o *icp.Opportunity) { rb.Add(o) }} // a bad deal fails Report
			if cb != nil {
				adds = append(adds, cb.Add)
			}
			fan := newFanOut(adds...)
			in.stdin = e.stdin
			data, err := in.streamDeals(e, m, fan.add)
			fan.close()
			if err != nil {
				return err
			}
			if in.customers != "" {
				if err := readJoinedCustomers(&in, m, data); err != nil {
					return err
				}
			}
			var cal *calibrate.Result
			if cb != nil {
				cal, calErr = cb.Result()
			}
			if calErr != nil {
				fmt.Fprintf(e.info, "icp-report: calibration skipped: %v\n", calErr)
				cal = nil
			}
			rb.SetCalibration(cal)
			rb.SetCustomers(data.customers)
			var sources []report.Source
			var rejects []report.Reject
			for _, s := range data.sources {
				sources = append(sources, report.Source{Name: s.file, Read: s.read, Rejected: len(s.rejected)})
				for _, r := range s.rejected {
					rejects = append(rejects, report.Reject{File: s.file, Line: r.line, Reason: r.reason})
				}
			}
			rb.SetSources(sources, rejects)
			rep, err := rb.Report()
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
			fmt.Fprintf(e.stdout, "wrote %s/icp-report.xlsx, the charts and summary.json (as of %s)\n", out, rep.AsOf.Format("2006-01-02"))
			return nil
		},
	}
	in.register(c, true)
	c.Flags().StringVarP(&out, "out", "o", "", "output directory (created if missing)")
	c.Flags().StringVar(&period, "period", "quarter", "reporting period: quarter or month")
	c.Flags().BoolVar(&noCal, "no-calibration", false, "leave out the calibration and review sheets")
	return c
}

// readJoinedCustomers reads --customers into data, joined with --accounts when
// given. streamDeals keeps no accounts, so they are read again for the
// join; their rows were counted and their rejects written with the deals.
func readJoinedCustomers(in *inputFlags, m *icp.Model, data *loaded) error {
	o, err := in.options(m)
	if err != nil {
		return err
	}
	var accts []icp.Prospect
	if in.accounts != "" {
		t, err := in.open(in.accounts, o)
		if err != nil {
			return err
		}
		accts, _, err = crm.ReadAccounts(t)
		t.Close()
		if err != nil {
			return err
		}
	}
	return in.readCustomers(o, data, accts)
}

// fanOut hands every deal to each of its add functions, in input order,
// each on its own goroutine, so that reading the deals and the builders'
// scoring overlap. The reader reuses a deal's slices once its callback
// returns, so deals are copied into batches; a batch is reused once
// every add function is done with it.
type fanOut struct {
	in   []chan *dealBatch
	free chan *dealBatch
	cur  *dealBatch
	wg   sync.WaitGroup
}

// dealBatch holds copies of deals; their prospects' slices point into
// strs and events.
type dealBatch struct {
	deals  []icp.Opportunity
	strs   []string
	events []icp.Event
	left   atomic.Int32 // add functions still reading the batch
}

// fanBatch is the number of deals handed over at a time.
const fanBatch = 2048

func newFanOut(adds ...func(*icp.Opportunity)) *fanOut {
	f := &fanOut{free: make(chan *dealBatch, 2*len(adds)+2)}
	for _, add := range adds {
		ch := make(chan *dealBatch, 2)
		f.in = append(f.in, ch)
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for b := range ch {
				for i := range b.deals {
					add(&b.deals[i])
				}
				if b.left.Add(-1) == 0 {
					select {
					case f.free <- b:
					default:
					}
				}
			}
		}()
	}
	return f
}

// add copies o into the current batch and hands the batch over when it
// is full.
func (f *fanOut) add(o *icp.Opportunity) {
	b := f.cur
	if b == nil {
		select {
		case b = <-f.free:
			b.deals, b.strs, b.events = b.deals[:0], b.strs[:0], b.events[:0]
		default:
			b = &dealBatch{deals: make([]icp.Opportunity, 0, fanBatch)}
		}
		f.cur = b
	}
	b.deals = append(b.deals, *o)
	if o.Prospect.Custom != nil {
		b.deals[len(b.deals)-1].Prospect = o.Prospect.Clone()
	} else {
		p := &b.deals[len(b.deals)-1].Prospect
		p.TechStack = appendCopy(&b.strs, p.TechStack)
		p.Triggers = appendCopy(&b.events, p.Triggers)
		p.Intent = appendCopy(&b.events, p.Intent)
		p.Engagement = appendCopy(&b.events, p.Engagement)
	}
	if len(b.deals) == fanBatch {
		f.send()
	}
}

// appendCopy copies s to the end of *arena and returns the copy; nil
// (unknown) and empty (none) stay apart.
func appendCopy[T any](arena *[]T, s []T) []T {
	if len(s) == 0 {
		return s
	}
	n := len(*arena)
	*arena = append(*arena, s...)
	return (*arena)[n:len(*arena):len(*arena)]
}

func (f *fanOut) send() {
	b := f.cur
	f.cur = nil
	b.left.Store(int32(len(f.in)))
	for _, ch := range f.in {
		ch <- b
	}
}

// close hands over the last deals and waits until every add function is
// done.
func (f *fanOut) close() {
	if f.cur != nil && len(f.cur.deals) > 0 {
		f.send()
	}
	for _, ch := range f.in {
		close(ch)
	}
	f.wg.Wait()
}
