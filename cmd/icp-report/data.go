package main

import (
	"errors"
	"fmt"
	"github.com/schollz/progressbar/v3"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/spf13/cobra"
)

// inputFlags are the flags every data command shares.
type inputFlags struct {
	progress io.Writer   // stderr when it is a terminal and not --quiet
	closers  []io.Closer // files opened for progress, closed by closeInputs

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
	stdin     io.Reader // what "-" reads: the command's standard input
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

// rejected counts the rejected rows of every input.
func (l *loaded) rejected() int {
	n := 0
	for _, s := range l.sources {
		n += len(s.rejected)
	}
	return n
}

// interrupted reports a canceled context (Ctrl-C) before the named step.
func interrupted(e *env, step string) error {
	if err := e.ctx.Err(); err != nil {
		return fmt.Errorf("interrupted before the %s (%w); no results were written", step, err)
	}
	return nil
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

// open opens an input file; "-" reads CSV from the command's standard input.
func (f *inputFlags) open(path string, o crm.Options) (*crm.Table, error) {
	if path == "-" {
		o.File = "stdin"
		r := f.stdin
		if r == nil {
			r = os.Stdin
		}
		return crm.NewCSVTable(r, o)
	}
	if f.progress != nil && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return f.openWithProgress(path, o)
	}
	return crm.OpenTable(path, o)
}

// openWithProgress reads a CSV file through a byte-count progress bar on
// the terminal. The file is closed when the command ends (closeInputs).
func (f *inputFlags) openWithProgress(path string, o crm.Options) (*crm.Table, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := file.Stat()
	if err != nil || st.Size() < progressMinBytes {
		file.Close()
		return crm.OpenTable(path, o)
	}
	f.closers = append(f.closers, file)
	bar := newBytesBar(f.progress, st.Size(), "reading "+filepath.Base(path))
	r := progressbar.NewReader(file, bar)
	if o.File == "" {
		o.File = path
	}
	return crm.NewCSVTable(&r, o)
}

// progressMinBytes is the smallest file worth a progress bar.
const progressMinBytes = 8 << 20

// closeInputs closes files opened for progress reporting.
func (f *inputFlags) closeInputs() {
	for _, c := range f.closers {
		c.Close()
	}
	f.closers = nil
}

// loadDeals reads --deals, joined with --accounts when given. A deal
// whose account is not in --accounts is rejected, not dropped.
func (f *inputFlags) loadDeals(e *env, m *icp.Model) (*loaded, error) {
	if f.deals == "" {
		return nil, usagef("--deals is required")
	}
	f.stdin = e.stdin
	o, err := f.options(m)
	if err != nil {
		return nil, err
	}
	l := &loaded{}
	t, err := f.open(f.deals, o)
	if err != nil {
		return nil, err
	}
	deals, rejects, err := crm.ReadOpportunities(t)
	t.Close()
	if err != nil {
		return nil, err
	}
	src := source{name: "opportunities", file: f.deals, read: len(deals) + len(rejects)}
	header := t.Header()
	var accts []icp.Prospect
	if f.accounts != "" {
		if accts, err = f.readAccounts(o, l); err != nil {
			return nil, err
		}
		joined, unjoined := crm.Join(deals, accts)
		if len(unjoined) > 0 {
			more, err := f.unjoinedRejects(o, header, unjoined)
			if err != nil {
				return nil, err
			}
			rejects = append(rejects, more...)
		}
		deals = joined
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
		if err := f.readCustomers(o, l, accts); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// readAccounts reads --accounts, counting its rows and writing its
// rejects.
func (f *inputFlags) readAccounts(o crm.Options, l *loaded) ([]icp.Prospect, error) {
	t, err := f.open(f.accounts, o)
	if err != nil {
		return nil, err
	}
	accts, rej, err := crm.ReadAccounts(t)
	t.Close()
	if err != nil {
		return nil, err
	}
	src := source{name: "accounts", file: f.accounts, read: len(accts) + len(rej)}
	for _, r := range rej {
		src.rejected = append(src.rejected, rejected{r.Line, r.Err.Error()})
	}
	if err := f.writeRejects(f.accounts, t.Header(), rej); err != nil {
		return nil, err
	}
	l.sources = append(l.sources, src)
	return accts, nil
}

// unjoinedRejects turns the deals Join could not match into rejects
// positioned in the deals file: the file name, and the column when the
// header names the field plainly ("account_id", "AccountId"). Join keeps
// no cells, so the rows are read again for them (standard input cannot
// be: its rejects keep the line and reason only).
func (f *inputFlags) unjoinedRejects(o crm.Options, header []string, un []crm.Unjoined) ([]crm.Reject, error) {
	file := f.deals
	if file == "-" {
		file = "stdin"
	}
	rej := make([]crm.Reject, len(un))
	at := make(map[int]int, len(un)) // line → index in rej
	for i, u := range un {
		err := u.Err
		if pe, ok := err.(*crm.ParseError); ok && pe.File == "" {
			c := *pe
			c.File = file
			for j, h := range header {
				if c.Column == 0 && foldName(h) == foldName(c.Field) {
					c.Column = j + 1
				}
			}
			err = &c
		}
		rej[i] = crm.Reject{Line: u.Opportunity.Line, Err: err}
		at[u.Opportunity.Line] = i
	}
	if f.deals == "-" {
		return rej, nil
	}
	t, err := f.open(f.deals, o)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	for left := len(at); left > 0; {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		var pe *crm.ParseError
		if err != nil && !errors.As(err, &pe) {
			return nil, err
		}
		if i, ok := at[row.Line]; ok {
			rej[i].Cells = slices.Clone(row.Cells)
			left--
		}
	}
	return rej, nil
}

// foldName keeps the lower-cased letters and digits of a column name.
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// loadCustomers reads --customers, joined with --accounts when given.
func (f *inputFlags) loadCustomers(e *env, m *icp.Model) (*loaded, error) {
	f.stdin = e.stdin
	o, err := f.options(m)
	if err != nil {
		return nil, err
	}
	l := &loaded{}
	var accts []icp.Prospect
	if f.accounts != "" {
		if accts, err = f.readAccounts(o, l); err != nil {
			return nil, err
		}
	}
	if err := f.readCustomers(o, l, accts); err != nil {
		return nil, err
	}
	return l, nil
}

// readCustomers reads --customers, joined with accts when --accounts is
// given.
func (f *inputFlags) readCustomers(o crm.Options, l *loaded, accts []icp.Prospect) error {
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

// rejectsPath is where the rejects of input go: --rejects, suffixed
// with the input's base name when there are several inputs; "" when
// --rejects is not given.
func (f *inputFlags) rejectsPath(input string) string {
	path := f.rejects
	if path == "" || f.accounts == "" && f.customers == "" {
		return path
	}
	base := input
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	ext := ""
	if i := strings.LastIndex(path, "."); i > 0 {
		path, ext = path[:i], path[i:]
	}
	return path + "-" + strings.TrimSuffix(base, ".csv") + ext
}

// writeRejects writes rejected rows with their line and reason when
// --rejects names a file (see rejectsPath). The file is written even when
// no row was rejected, header only, so that it never holds the rows of
// an earlier run.
func (f *inputFlags) writeRejects(input string, header []string, rej []crm.Reject) error {
	path := f.rejectsPath(input)
	if path == "" {
		return nil
	}
	rf := &rejectFile{path: path, header: header}
	for _, r := range rej {
		if err := rf.add(r); err != nil {
			rf.abort()
			return err
		}
	}
	if err := rf.close(true); err != nil {
		rf.abort()
		return err
	}
	return rf.commit()
}

// rejectFile writes rejected rows as they come, so memory stays flat
// however many rows are bad; the file appears complete on commit or not
// at all. With no path the rejects are only counted. It keeps the first
// few reasons for the summary on stderr.
type rejectFile struct {
	path   string
	header []string
	n      int
	first  []error
	af     *atomicfile.File
	w      *crm.RejectsWriter
}

// rejectsShown is how many reject reasons a summary prints.
const rejectsShown = 5

// add writes one reject.
func (r *rejectFile) add(rej crm.Reject) error {
	r.n++
	if len(r.first) < rejectsShown {
		r.first = append(r.first, rej.Err)
	}
	if r.path == "" {
		return nil
	}
	if err := r.open(); err != nil {
		return err
	}
	return r.w.Write(rej)
}

func (r *rejectFile) open() error {
	if r.af != nil {
		return nil
	}
	af, err := atomicfile.Create(r.path, 0o644)
	if err != nil {
		return err
	}
	r.af, r.w = af, crm.NewRejectsWriter(crm.NewCSVWriter(hookWriter(r.path, af), ','), r.header)
	return nil
}

// testHookWriter, when set by a test, wraps the writer of every output
// file: a writer that fails after some bytes stands for a full disk.
var testHookWriter func(path string, w io.Writer) io.Writer

func hookWriter(path string, w io.Writer) io.Writer {
	if testHookWriter != nil {
		return testHookWriter(path, w)
	}
	return w
}

// close flushes the file. Without rejects it writes the header only
// when always is set, and nothing otherwise.
func (r *rejectFile) close(always bool) error {
	if r.path == "" || r.af == nil && !always {
		return nil
	}
	if err := r.open(); err != nil {
		return err
	}
	return r.w.Close()
}

// commit puts the closed file in place.
func (r *rejectFile) commit() error {
	if r.af == nil {
		return nil
	}
	return r.af.Commit()
}

// abort discards the file.
func (r *rejectFile) abort() {
	if r.af != nil {
		r.af.Abort()
	}
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

// streamDeals reads --deals row by row and hands every parsed deal to add,
// joined with --accounts when given (in batches, so memory stays flat for
// any number of deals). The deal passed to add is valid only during the
// call. Rejected rows are counted and written as in loadDeals.
func (f *inputFlags) streamDeals(e *env, m *icp.Model, add func(*icp.Opportunity)) (l *loaded, err error) {
	if f.deals == "" {
		return nil, usagef("--deals is required")
	}
	f.stdin = e.stdin
	o, err := f.options(m)
	if err != nil {
		return nil, err
	}
	l = &loaded{}
	var accts []icp.Prospect
	if f.accounts != "" {
		at, aerr := f.open(f.accounts, o)
		if aerr != nil {
			return nil, aerr
		}
		var arej []crm.Reject
		accts, arej, aerr = crm.ReadAccounts(at)
		at.Close()
		if aerr != nil {
			return nil, aerr
		}
		asrc := source{name: "accounts", file: f.accounts, read: len(accts) + len(arej)}
		for _, r := range arej {
			asrc.rejected = append(asrc.rejected, rejected{r.Line, r.Err.Error()})
		}
		// Written once the deals are read too: a failed run leaves no file.
		aheader := at.Header()
		defer func() {
			if err == nil {
				err = f.writeRejects(f.accounts, aheader, arej)
			}
		}()
		l.sources = append(l.sources, asrc)
	}
	t, err := f.open(f.deals, o)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	r, err := crm.NewOpportunityReader(t)
	if err != nil {
		return nil, err
	}
	src := source{name: "opportunities", file: f.deals}
	var rejects []crm.Reject
	const batchSize = 16384
	var batch []icp.Opportunity
	cells := map[int][]string{} // the batch's input rows, for rejects
	flush := func() {
		joined, unjoined := crm.Join(batch, accts)
		for i := range joined {
			add(&joined[i])
		}
		for _, u := range unjoined {
			err := u.Err
			var pe *crm.ParseError
			if errors.As(err, &pe) && pe.File == "" {
				c := *pe
				c.File = f.deals
				for j, h := range r.Header() {
					if c.Column == 0 && foldName(h) == foldName(c.Field) {
						c.Column = j + 1
					}
				}
				err = &c
			}
			rejects = append(rejects, crm.Reject{Line: u.Opportunity.Line, Cells: cells[u.Opportunity.Line], Err: err})
		}
		batch = batch[:0]
		clear(cells)
	}
	for {
		if err := interrupted(e, "calibration"); err != nil {
			return nil, err
		}
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *crm.ParseError
			if !errors.As(err, &pe) || f.strict {
				return nil, err
			}
			src.read++
			rejects = append(rejects, crm.Reject{Line: row.Line, Cells: append([]string(nil), row.Cells...), Err: err})
			continue
		}
		src.read++
		if accts == nil {
			add(&row.Opportunity)
			continue
		}
		d := row.Opportunity
		d.Prospect = row.Opportunity.Prospect.Clone()
		batch = append(batch, d)
		cells[row.Line] = append([]string(nil), row.Cells...)
		if len(batch) == batchSize {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	sort.SliceStable(rejects, func(i, j int) bool { return rejects[i].Line < rejects[j].Line })
	for _, rj := range rejects {
		src.rejected = append(src.rejected, rejected{rj.Line, rj.Err.Error()})
	}
	if err := f.writeRejects(f.deals, r.Header(), rejects); err != nil {
		return nil, err
	}
	l.sources = append([]source{src}, l.sources...)
	return l, nil
}
