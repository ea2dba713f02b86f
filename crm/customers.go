package crm

import (
	"fmt"
	"math"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// CustomerRow is one row of a customers table.
type CustomerRow struct {
	Row
	Customer icp.Customer
}

// CustomerReader streams a customers table. Reuse rules are those of
// AccountReader.
type CustomerReader struct {
	t   *Table
	p   *rowParser
	ids *idSet
}

// NewCustomerReader resolves the table's header to customer fields. The
// table needs an account id or name column and a start date.
func NewCustomerReader(t *Table) (*CustomerReader, error) {
	p, err := newRowParser(t, customersTable)
	if err != nil {
		return nil, err
	}
	return &CustomerReader{t: t, p: p, ids: newIDSet()}, nil
}

// Header returns the table's header.
func (r *CustomerReader) Header() []string { return r.t.Header() }

// Next returns the next row, io.EOF at the end, or a row with a
// *ParseError to reject (see AccountReader.Next).
//
// ARR columns win over MRR ones; an MRR value is multiplied by 12 when
// the ARR cell is empty. A gross margin is a fraction (0.72 or 72%). A
// churn date before the start date is ErrChurnBeforeStart; a repeated
// account id is ErrDuplicateID.
func (r *CustomerReader) Next() (CustomerRow, error) {
	row, err := r.t.Next()
	if err != nil {
		return CustomerRow{Row: row}, err
	}
	if err := r.p.parse(row.Line, row.Cells); err != nil {
		return CustomerRow{Row: row}, err
	}
	f, b := &r.p.f, r.p.b
	c := icp.Customer{
		Account:     f.p.ID,
		Prospect:    f.p,
		Start:       f.start,
		Churn:       f.churn,
		StartARR:    arr(f.startARR, f.startMRR),
		CurrentARR:  arr(f.currentARR, f.currentMRR),
		CAC:         f.cac,
		GrossMargin: f.margin,
		Line:        row.Line,
	}
	for _, x := range []struct {
		v   icp.Number
		mrr field
	}{{c.StartARR, fStartMRR}, {c.CurrentARR, fCurrentMRR}} {
		if math.IsInf(x.v.Value, 0) { // twelve times a huge MRR
			col := b.col[x.mrr]
			return CustomerRow{Row: row}, r.p.cellError(row.Line, col, fieldNames[x.mrr], row.Cells[col], ErrNonFinite)
		}
	}
	if c.Account == "" {
		c.Account = f.p.Name
	}
	if c.Account == "" {
		fl := fAccountID
		if !b.has(fl) {
			fl = fAccountName
		}
		return CustomerRow{Row: row}, r.p.cellError(row.Line, b.col[fl], fieldNames[fl], "", ErrRequired)
	}
	if c.Start.IsZero() {
		return CustomerRow{Row: row}, r.p.cellError(row.Line, b.col[fStartDate], fieldNames[fStartDate], "", ErrRequired)
	}
	if !c.Churn.IsZero() && day(c.Churn).Before(day(c.Start)) {
		return CustomerRow{Row: row}, r.p.cellError(row.Line, b.col[fChurnDate], fieldNames[fChurnDate], row.Cells[b.col[fChurnDate]],
			fmt.Errorf("%w (%s)", ErrChurnBeforeStart, c.Start.Format(time.DateOnly)))
	}
	if err := r.p.duplicate(r.ids, fAccountID, f.p.ID, row.Line); err != nil {
		return CustomerRow{Row: row}, err
	}
	return CustomerRow{Row: row, Customer: c}, nil
}

// arr is the ARR cell, else twelve times the MRR cell.
func arr(a, m icp.Number) icp.Number {
	if a.Known || !m.Known {
		return a
	}
	return icp.Num(12 * m.Value)
}

// ReadCustomers reads a whole customers table; see ReadAccounts for what
// happens to bad rows.
func ReadCustomers(t *Table) ([]icp.Customer, []Reject, error) {
	r, err := NewCustomerReader(t)
	if err != nil {
		return nil, nil, err
	}
	return drain(t, func() (Row, icp.Customer, error) {
		row, err := r.Next()
		c := row.Customer
		c.Prospect = c.Prospect.Clone()
		return row.Row, c, err
	})
}
