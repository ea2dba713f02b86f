package demo

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// The files' headers: the canonical column names the crm package reads.
var (
	accountHeader = []string{
		"account_id", "account_name", "employees", "annual_revenue", "industry", "country", "region",
		"tech_stack", "funding_stage", "headcount_growth", "triggers", "intent", "engagement",
		"decision_maker", "champion", "buyer_title", "is_competitor",
	}
	opportunityHeader = []string{
		"opportunity_id", "account_id", "account_name", "created_date", "close_date", "stage", "outcome",
		"amount", "source", "owner", "last_stage_change", "icp_score_at_creation",
	}
	customerHeader = []string{
		"account_id", "account_name", "start_date", "churn_date", "start_arr", "current_arr", "cac", "gross_margin",
	}
)

// File names WriteCSV writes.
const (
	AccountsFile      = "accounts.csv"
	OpportunitiesFile = "opportunities.csv"
	CustomersFile     = "customers.csv"
	ReadmeFile        = "README.txt"
)

// listSep joins the values of a multi-valued cell.
const listSep = "; "

// WriteCSV writes the sample to dir, creating it if needed: accounts.csv,
// opportunities.csv, customers.csv and README.txt, which documents the
// process and its truth. Each file is written under a temporary name and
// renamed into place, so a reader never sees half a file.
func (s *Sample) WriteCSV(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo: write sample: %w", err)
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{AccountsFile, s.WriteAccounts},
		{OpportunitiesFile, s.WriteOpportunities},
		{CustomersFile, s.WriteCustomers},
		{ReadmeFile, s.WriteReadme},
	}
	for _, f := range files {
		if err := writeFile(dir, f.name, f.write); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes name in dir through a temporary file and a rename. It
// returns the first error, the temporary file's Close included.
func writeFile(dir, name string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("demo: write %s: %w", name, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
			err = fmt.Errorf("demo: write %s: %w", name, err)
		}
	}()
	if err = write(f); err != nil {
		f.Close()
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, name))
}

// WriteAccounts writes accounts.csv to w.
func (s *Sample) WriteAccounts(w io.Writer) error {
	return writeRows(w, accountHeader, len(s.Accounts), func(r *row, i int) { appendAccount(r, &s.Accounts[i]) })
}

// WriteOpportunities writes opportunities.csv to w.
func (s *Sample) WriteOpportunities(w io.Writer) error {
	return writeRows(w, opportunityHeader, len(s.Opportunities), func(r *row, i int) {
		appendOpportunity(r, &s.Opportunities[i])
	})
}

// WriteCustomers writes customers.csv to w.
func (s *Sample) WriteCustomers(w io.Writer) error {
	return writeRows(w, customerHeader, len(s.Customers), func(r *row, i int) {
		c := &s.Customers[i]
		r.str(c.Account)
		r.str(c.Prospect.Name)
		r.date(c.Start)
		r.date(c.Churn)
		r.number(c.StartARR)
		r.number(c.CurrentARR)
		r.number(c.CAC)
		r.number(c.GrossMargin)
	})
}

// writeRows writes a header and n rows through a buffer.
func writeRows(w io.Writer, header []string, n int, fill func(*row, int)) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var r row
	r.header(header)
	if _, err := bw.Write(r.b); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r.reset()
		fill(&r, i)
		r.end()
		if _, err := bw.Write(r.b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendAccount(r *row, p *icp.Prospect) {
	r.str(p.ID)
	r.str(p.Name)
	appendAccountAttributes(r, p)
}

// appendAccountAttributes appends the accounts.csv columns after account_name.
func appendAccountAttributes(r *row, p *icp.Prospect) {
	r.number(p.Employees)
	r.number(p.AnnualRevenue)
	r.str(p.Industry)
	r.str(p.Country)
	r.str(p.Region)
	r.list(p.TechStack)
	r.str(p.FundingStage)
	r.number(p.HeadcountGrowth)
	r.events(p.Triggers, false)
	r.events(p.Intent, true)
	r.events(p.Engagement, false)
	r.flag(p.DecisionMaker)
	r.flag(p.Champion)
	r.str(p.BuyerTitle)
	f := icp.Unknown
	if v, ok := p.Custom[customCompetitor]; ok && v.Kind == icp.KindFlag {
		f = icp.FlagOf(v.Flag)
	}
	r.flag(f)
}

func appendOpportunity(r *row, o *icp.Opportunity) {
	r.str(o.ID)
	r.str(o.Account)
	r.str(o.Prospect.Name)
	r.date(o.Created)
	r.date(o.Closed)
	r.str(o.Stage)
	r.str(o.Outcome.String())
	r.number(o.Amount)
	r.str(o.Source.String())
	r.str(o.Owner)
	r.date(o.LastStageChange)
	r.number(o.RecordedScore)
}

// row builds one CSV record, quoting a field only when it must (a comma,
// quote or line break in it, or leading space), as encoding/csv does.
type row struct {
	b     []byte
	n     int // fields in the record so far
	start int // where the current field starts
}

func (r *row) reset() { r.b, r.n = r.b[:0], 0 }

func (r *row) header(h []string) {
	for _, s := range h {
		r.str(s)
	}
	r.end()
}

func (r *row) end() { r.b = append(r.b, '\n') }

// open starts a field; close quotes it if its bytes need quoting.
func (r *row) open() {
	if r.n > 0 {
		r.b = append(r.b, ',')
	}
	r.n++
	r.start = len(r.b)
}

func (r *row) close() {
	f := r.b[r.start:]
	need := len(f) > 0 && (f[0] == ' ' || f[0] == '\t')
	for _, c := range f {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			need = true
			break
		}
	}
	if !need {
		return
	}
	field := string(f)
	r.b = append(r.b[:r.start], '"')
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			r.b = append(r.b, '"')
		}
		r.b = append(r.b, field[i])
	}
	r.b = append(r.b, '"')
}

func (r *row) str(s string) {
	r.open()
	r.b = append(r.b, s...)
	r.close()
}

// number writes a known number in the shortest form that reads back
// exactly, and nothing for an unknown one.
func (r *row) number(n icp.Number) {
	r.open()
	if n.Known {
		r.b = strconv.AppendFloat(r.b, n.Value, 'f', -1, 64)
	}
}

func (r *row) date(t time.Time) {
	r.open()
	if !t.IsZero() {
		r.b = appendDate(r.b, dayOf(t))
	}
}

// flag writes yes, no, or nothing for unknown.
func (r *row) flag(f icp.Flag) {
	r.open()
	switch f {
	case icp.Yes:
		r.b = append(r.b, "yes"...)
	case icp.No:
		r.b = append(r.b, "no"...)
	}
}

func (r *row) list(s []string) {
	r.open()
	for i, v := range s {
		if i > 0 {
			r.b = append(r.b, listSep...)
		}
		r.b = append(r.b, v...)
	}
	r.close()
}

// events writes kind@YYYY-MM-DD items, or topic:strength@YYYY-MM-DD for
// intent, joined by "; ". An intent signal's source is not written.
func (r *row) events(evs []icp.Event, intent bool) {
	r.open()
	for i := range evs {
		e := &evs[i]
		if i > 0 {
			r.b = append(r.b, listSep...)
		}
		if intent {
			r.b = append(r.b, e.Topic...)
			r.b = append(r.b, ':')
			r.b = strconv.AppendFloat(r.b, e.Strength, 'f', -1, 64)
		} else {
			r.b = append(r.b, e.Kind...)
		}
		if !e.Date.IsZero() {
			r.b = append(r.b, '@')
			r.b = appendDate(r.b, dayOf(e.Date))
		}
	}
	r.close()
}
