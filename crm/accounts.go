package crm

import (
	"errors"
	"io"
	"slices"

	"github.com/icpkit/icpkit/icp"
)

// AccountRow is one row of an accounts table: the raw row and the
// prospect read from it.
type AccountRow struct {
	Row
	Prospect icp.Prospect
}

// AccountReader streams an accounts table (or a lead list) row by row.
// Memory stays flat except for the set of ids seen, kept to reject
// duplicates (16 bytes per id).
//
// The reader parses in a goroutine of its own, a few hundred rows ahead
// of Next, so that reading overlaps with the caller's work (scoring,
// writing) on another core. The goroutine stops at the end of the input
// or when the Table is closed; do not use the Table directly meanwhile.
//
// Row.Cells and the Prospect's slices and Custom map are valid until the
// next call to Next: copy them to keep them. Strings are never reused.
type AccountReader struct {
	t   *Table
	p   *rowParser
	ids *idSet
	pipe
}

// NewAccountReader resolves the table's header to account fields (see
// the package documentation for the names it knows).
func NewAccountReader(t *Table) (*AccountReader, error) {
	p, err := newRowParser(t, accountsTable)
	if err != nil {
		return nil, err
	}
	return &AccountReader{t: t, p: p, ids: newIDSet()}, nil
}

// Header returns the table's header.
func (r *AccountReader) Header() []string { return r.t.Header() }

// Next returns the next row. At the end it returns io.EOF. A row that
// cannot be read — malformed, a bad value, a repeated account id — comes
// back with its Row and a *ParseError, and reading can go on: the caller
// rejects it. Other errors end the input and are returned again by later
// calls; after the Table is closed Next returns ErrClosed.
func (r *AccountReader) Next() (AccountRow, error) {
	if !r.started {
		r.start(r.t, r.fill)
	}
	return r.pipe.next()
}

// fill reads and parses a batch of rows in the reading goroutine, then
// checks their ids.
func (r *AccountReader) fill(b *batch) {
	for len(b.rows) < batchRows {
		r.p.s = &b.scratch[len(b.rows)]
		row, err := r.t.Next()
		if err != nil {
			if !isRowError(err) {
				b.end = err
				break
			}
			b.add(AccountRow{Row: row}, err)
			continue
		}
		if err := r.p.parse(row.Line, row.Cells); err != nil {
			b.add(AccountRow{Row: row}, err)
			continue
		}
		b.add(AccountRow{Row: row, Prospect: r.p.f.p}, nil)
	}
	r.dedup(b)
}

// dedup rejects the rows of b whose account id an earlier row had. It
// works a batch at a time: first touching the table slot of every id, so
// that the processor fetches them from memory in parallel, then
// inserting in row order.
func (r *AccountReader) dedup(b *batch) {
	var h [batchRows][2]uint64
	r.ids.reserve(len(b.rows))
	var touch uint32
	for i := range b.rows {
		if b.errs[i] == nil && b.rows[i].Prospect.ID != "" {
			h[i][0], h[i][1] = r.ids.hash(b.rows[i].Prospect.ID)
			touch += r.ids.touch(h[i][0])
		}
	}
	r.ids.sink = touch
	for i := range b.rows {
		row := &b.rows[i]
		if b.errs[i] != nil || row.Prospect.ID == "" {
			continue
		}
		if first := r.ids.insert(h[i][0], uint32(h[i][1]), row.Line); first != 0 {
			b.errs[i] = r.p.dupError(fAccountID, row.Prospect.ID, row.Line, first)
			row.Prospect = icp.Prospect{}
		}
	}
}

// Reject is a data row that was not read into a record, with the reason.
// Cells are the row's raw cells (a cell over the field limit is cut).
type Reject struct {
	Line  int
	Cells []string
	Err   error
}

// ReadAccounts reads a whole accounts table. Every data row ends in
// either the prospects or the rejects, in input order; with
// Options.Strict the first bad row is returned as the error instead. A
// table with a header and no rows is an ErrNoRows error.
func ReadAccounts(t *Table) ([]icp.Prospect, []Reject, error) {
	r, err := NewAccountReader(t)
	if err != nil {
		return nil, nil, err
	}
	return drain(t, func() (Row, icp.Prospect, error) {
		row, err := r.Next()
		return row.Row, row.Prospect.Clone(), err
	})
}

// drain empties a streaming reader: every data row ends in the values or
// the rejects, in input order. next returns a value the caller may keep
// (its slices copied). A table with a header and no rows is ErrNoRows.
func drain[T any](t *Table, next func() (Row, T, error)) ([]T, []Reject, error) {
	var out []T
	var rejects []Reject
	for {
		row, v, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if rej, ok := reject(t, row, err); ok {
				rejects = append(rejects, rej)
				continue
			}
			return nil, nil, err
		}
		out = append(out, v)
	}
	if len(out) == 0 && len(rejects) == 0 {
		return nil, nil, noRows(t)
	}
	return out, rejects, nil
}

// reject turns a row error into a Reject, unless the error ends reading
// (not a *ParseError, or Options.Strict).
func reject(t *Table, row Row, err error) (Reject, bool) {
	var pe *ParseError
	if t.opts.Strict || !errors.As(err, &pe) {
		return Reject{}, false
	}
	return Reject{Line: row.Line, Cells: slices.Clone(row.Cells), Err: err}, true
}

func noRows(t *Table) error {
	return &ParseError{File: t.opts.File, Line: t.headerLine, Err: ErrNoRows}
}

// cloneSlice copies s, keeping nil nil and empty non-nil.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
