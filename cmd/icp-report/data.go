package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/spf13/cobra"
)

// inputFlags are the flags every data command shares.
type inputFlags struct {
	modelPath string
	deals     string
	accounts  string
	customers string
	asOfText  string
	asOf      time.Time
	dateOrder string
	decComma  bool
	sheet     string
	columns   []string
	rejects   string
	strict    bool
}

func (f *inputFlags) register(c *cobra.Command, needModel bool) {
	fl := c.Flags()
	if needModel {
		fl.StringVarP(&f.modelPath, "model", "m", "", "model file (YAML or JSON); required")
	}
	fl.StringVar(&f.deals, "deals", "", "opportunities CSV/XLSX (closed and open deals)")
	fl.StringVar(&f.accounts, "accounts", "", "accounts CSV/XLSX to join to deals by account id or name")
	fl.StringVar(&f.customers, "customers", "", "customers CSV/XLSX (start, churn, ARR) for finance cohorts")
	fl.StringVar(&f.asOfText, "as-of", "", "as-of date (YYYY-MM-DD) for event windows, staleness and cohort maturity")
	fl.StringVar(&f.dateOrder, "date-order", "", "read ambiguous dates like 01/03/2026 as mdy (US) or dmy (EU)")
	fl.BoolVar(&f.decComma, "decimal-comma", false, "numbers use a decimal comma (1.200,50)")
	fl.StringVar(&f.sheet, "sheet", "", "worksheet to read from XLSX inputs (default: the first)")
	fl.StringArrayVar(&f.columns, "map", nil, "map a field to your column header, FIELD=HEADER (repeatable)")
	fl.StringVar(&f.rejects, "rejects", "", "write rejected rows here with line and reason (default: next to the output, or only counted)")
	fl.BoolVar(&f.strict, "strict", false, "fail on the first bad row instead of rejecting it")
}

func (f *inputFlags) model() (*icp.Model, error) {
	if f.modelPath == "" {
		return nil, usagef("--model is required (create one with 'icp-report init')")
	}
	m, err := icp.Load(f.modelPath)
	if err != nil {
		return nil, err
	}
	if f.asOfText != "" {
		t, err := time.Parse("2006-01-02", f.asOfText)
		if err != nil {
			return nil, usagef("--as-of %q is not a date like 2026-10-01", f.asOfText)
		}
		f.asOf = t
	}
	return m, nil
}

// options builds the reader options for m.
func (f *inputFlags) options(m *icp.Model) (crm.Options, error) {
	o := crm.Options{Sheet: f.sheet, DecimalComma: f.decComma, Strict: f.strict, Columns: m.Columns()}
	switch strings.ToLower(f.dateOrder) {
	case "":
	case "mdy", "us":
		o.DateOrder = crm.MDY
	case "dmy", "eu":
		o.DateOrder = crm.DMY
	default:
		return o, usagef("--date-order %q is not mdy or dmy", f.dateOrder)
	}
	for _, kv := range f.columns {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || v == "" {
			return o, usagef("--map %q is not FIELD=HEADER", kv)
		}
		o.Columns[k] = v
	}
	for _, c := range m.CustomFields() {
		o.Custom = append(o.Custom, crm.CustomField{Name: c.Name, Kind: c.Kind})
	}
	return o, nil
}

// loaded is what a data command read, with every row accounted for.
type loaded struct {
	deals     []icp.Opportunity
	customers []icp.Customer
	sources   []source
}

// source counts one input file's rows.
type source struct {
	name     string
	file     string
	read     int
	rejected []rejected
}

type rejected struct {
	line   int
	reason string
}

func (l *loaded) printCounts(w io.Writer) {
	for _, s := range l.sources {
		fmt.Fprintf(w, "%s: %d rows read, %d rejected\n", s.file, s.read, len(s.rejected))
		for i, r := range s.rejected {
			if i == 5 {
				fmt.Fprintf(w, "  … and %d more (see --rejects)\n", len(s.rejected)-5)
				break
			}
			fmt.Fprintf(w, "  %s\n", r.reason)
		}
	}
}

func (f *inputFlags) open(path string, o crm.Options) (*crm.Table, error) {
	if path == "-" {
		o.File = "stdin"
		return crm.NewCSVTable(os.Stdin, o)
	}
	return crm.OpenTable(path, o)
}

// loadDeals reads --deals, joined with --accounts when given.
func (f *inputFlags) loadDeals(e *env, m *icp.Model) (*loaded, error) {
	if f.deals == "" {
		return nil, usagef("--deals is required")
	}
	o, err := f.options(m)
	if err != nil {
		return nil, err
	}
	l := &loaded{}
	t, err := f.open(f.deals, o)
	if err != nil {
		return nil, err
	}
	deals, rej, err := crm.ReadOpportunities(t)
	t.Close()
	if err != nil {
		return nil, err
	}
	src := source{name: "opportunities", file: f.deals, read: len(deals) + len(rej)}
	rejects := []crm.Reject(nil)
	rejects = append(rejects, rej...)
	header := t.Header()
	if f.accounts != "" {
		at, err := f.open(f.accounts, o)
		if err != nil {
			return nil, err
		}
		accts, arej, err := crm.ReadAccounts(at)
		at.Close()
		if err != nil {
			return nil, err
		}
		asrc := source{name: "accounts", file: f.accounts, read: len(accts) + len(arej)}
		for _, r := range arej {
			asrc.rejected = append(asrc.rejected, rejected{r.Line, r.Err.Error()})
		}
		if err := f.writeRejects(f.accounts, at.Header(), arej); err != nil {
			return nil, err
		}
		joined, unjoined := crm.Join(deals, accts)
		for _, u := range unjoined {
			rejects = append(rejects, crm.Reject{Line: u.Opportunity.Line, Err: u.Err})
		}
		deals = joined
		l.sources = append(l.sources, asrc)
	}
	sort.SliceStable(rejects, func(i, j int) bool { return rejects[i].Line < rejects[j].Line })
	for _, r := range rejects {
		src.rejected = append(src.rejected, rejected{r.Line, r.Err.Error()})
	}
	if err := f.writeRejects(f.deals, header, rejects); err != nil {
		return nil, err
	}
	l.deals = deals
	l.sources = append([]source{src}, l.sources...)
	if f.customers != "" {
		if err := f.readCustomers(m, o, l); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// loadCustomers reads --customers, joined with --accounts when given.
func (f *inputFlags) loadCustomers(e *env, m *icp.Model) (*loaded, error) {
	o, err := f.options(m)
	if err != nil {
		return nil, err
	}
	l := &loaded{}
	if err := f.readCustomers(m, o, l); err != nil {
		return nil, err
	}
	return l, nil
}

func (f *inputFlags) readCustomers(m *icp.Model, o crm.Options, l *loaded) error {
	t, err := f.open(f.customers, o)
	if err != nil {
		return err
	}
	cs, rej, err := crm.ReadCustomers(t)
	t.Close()
	if err != nil {
		return err
	}
	src := source{name: "customers", file: f.customers, read: len(cs) + len(rej)}
	if f.accounts != "" {
		at, err := f.open(f.accounts, o)
		if err != nil {
			return err
		}
		accts, _, err := crm.ReadAccounts(at)
		at.Close()
		if err != nil {
			return err
		}
		cs, rej = joinCustomers(cs, accts, rej)
	}
	for _, r := range rej {
		src.rejected = append(src.rejected, rejected{r.Line, r.Err.Error()})
	}
	if err := f.writeRejects(f.customers, t.Header(), rej); err != nil {
		return err
	}
	l.customers = cs
	l.sources = append(l.sources, src)
	return nil
}

// joinCustomers fills each customer's Prospect from its account by id or
// name; customers whose account is missing keep the attributes their own
// row has.
func joinCustomers(cs []icp.Customer, accts []icp.Prospect, rej []crm.Reject) ([]icp.Customer, []crm.Reject) {
	byKey := map[string]*icp.Prospect{}
	for i := range accts {
		a := &accts[i]
		for _, k := range []string{a.ID, a.Name} {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				if _, dup := byKey[k]; !dup {
					byKey[k] = a
				}
			}
		}
	}
	out := make([]icp.Customer, len(cs))
	for i, c := range cs {
		out[i] = c
		if a, ok := byKey[strings.ToLower(strings.TrimSpace(c.Account))]; ok {
			out[i].Prospect = *a
		}
	}
	return out, rej
}

// writeRejects writes rejected rows with their line and reason, when
// --rejects names a file. With several inputs each gets its own file:
// the name is suffixed with the input's base name.
func (f *inputFlags) writeRejects(input string, header []string, rej []crm.Reject) error {
	if f.rejects == "" || len(rej) == 0 {
		return nil
	}
	path := f.rejects
	if f.accounts != "" || f.customers != "" {
		base := input
		if i := strings.LastIndexAny(base, `/\`); i >= 0 {
			base = base[i+1:]
		}
		ext := ""
		if i := strings.LastIndex(path, "."); i > 0 {
			path, ext = path[:i], path[i:]
		}
		path = path + "-" + strings.TrimSuffix(base, ".csv") + ext
	}
	return writeFileWith(path, func(w io.Writer) error {
		cw := crm.NewCSVWriter(w, ',')
		rw := crm.NewRejectsWriter(cw, header)
		for _, r := range rej {
			if err := rw.Write(r); err != nil {
				return err
			}
		}
		return rw.Close()
	})
}

// writeFileWith writes a file atomically through fn: on any error nothing
// appears under path.
func writeFileWith(path string, fn func(io.Writer) error) error {
	af, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return err
	}
	if err := fn(af); err != nil {
		af.Abort()
		return err
	}
	return af.Commit()
}

func bestCustomers(cs []icp.Customer, top int) []icp.Prospect {
	cs = append([]icp.Customer(nil), cs...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].CurrentARR.Value > cs[j].CurrentARR.Value })
	var out []icp.Prospect
	for _, c := range cs {
		if !c.Churn.IsZero() {
			continue
		}
		out = append(out, c.Prospect)
		if top > 0 && len(out) == top {
			break
		}
	}
	return out
}

func bestDeals(ds []icp.Opportunity, top int) []icp.Prospect {
	var won []icp.Opportunity
	for _, d := range ds {
		if d.Outcome == icp.Won {
			won = append(won, d)
		}
	}
	sort.SliceStable(won, func(i, j int) bool { return won[i].Amount.Value > won[j].Amount.Value })
	var out []icp.Prospect
	for _, d := range won {
		out = append(out, d.Prospect)
		if top > 0 && len(out) == top {
			break
		}
	}
	return out
}

func createAtomic(path string) (*atomicfile.File, error) { return atomicfile.Create(path, 0o644) }

// latestDate is the latest date the data mention: the report's default
// as-of date, so output never depends on the clock.
func latestDate(l *loaded) time.Time {
	var t time.Time
	up := func(d time.Time) {
		if d.After(t) {
			t = d
		}
	}
	for i := range l.deals {
		d := &l.deals[i]
		up(d.Created)
		up(d.Closed)
		up(d.LastStageChange)
	}
	for i := range l.customers {
		up(l.customers[i].Start)
		up(l.customers[i].Churn)
	}
	return t
}
