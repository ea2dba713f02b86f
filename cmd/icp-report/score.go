package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
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
reason (--rejects, or OUT.rejects.csv next to --out), the summary counts
it and the exit status is 1. --strict stops at the first one.

--out ending in .xlsx writes a workbook; "-" (the default) writes CSV to
standard output. --in - reads CSV from standard input. The rows stream:
memory stays flat however long the file.`,
		Example: `  icp-report score --model icp.yaml --in accounts.csv --out scored.csv
  icp-report score --model icp.yaml --in hubspot-companies.csv --out scored.xlsx --as-of 2026-10-01
  cat leads.csv | icp-report score --model icp.yaml --in - --channel inbound > routed.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			defer withProgress(e, &in)()
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
	in.stdin = e.stdin
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
	xlsx := strings.EqualFold(filepath.Ext(out), ".xlsx")

	var dst io.Writer = e.stdout
	var af *atomicfile.File
	if out != "-" {
		if af, err = createAtomic(out); err != nil {
			return err
		}
		dst = hookWriter(out, af)
	}
	// Rejects go to --rejects, else next to a regular output file, else
	// they are only counted.
	rejects := &rejectFile{path: in.rejectsPath(input), header: r.Header()}
	if rejects.path != "" {
		if err := rejects.open(); err != nil { // fail before the work
			if af != nil {
				af.Abort()
			}
			return err
		}
	} else if af != nil && !af.InPlace() {
		rejects.path = strings.TrimSuffix(out, filepath.Ext(out)) + ".rejects.csv"
	}
	writeMsg := func(err error) error {
		switch {
		case out == "-":
			return fmt.Errorf("writing standard output: %w", err)
		case af.InPlace():
			return fmt.Errorf("%w; the output in %s is incomplete", err, out)
		}
		return fmt.Errorf("%w; %s was left as it was", err, out)
	}
	var rows *rowPipe
	fail := func(err error) error {
		if rows != nil {
			// The rows so far are written first. One that failed is the
			// error: it came before whatever the loop found since.
			if werr := rows.close(); werr != nil {
				err = writeMsg(werr)
			}
		}
		if af != nil {
			af.Abort()
		}
		rejects.abort()
		return err
	}
	writeErr := func(err error) error { return fail(writeMsg(err)) }
	rejectsErr := func(err error) error {
		if af == nil || af.InPlace() {
			return fail(err)
		}
		return fail(fmt.Errorf("%w; %s was left as it was", err, out))
	}
	var w crm.RowWriter
	if xlsx {
		if w, err = crm.NewXLSXWriter(dst, "Scored"); err != nil {
			return fail(err)
		}
	} else {
		w = crm.NewCSVWriter(dst, t.Delimiter())
	}
	if err := w.Write(header); err != nil {
		return writeErr(err)
	}

	// Scored rows go to the writer in batches, through a goroutine of its
	// own, so that writing overlaps with scoring as reading does.
	rows = startRowPipe(w)
	var (
		res     icp.Result
		n       int         // rows scored
		pending *crm.Reject // the last reject, held until the next row shows it is not the last
	)
	flush := func() error {
		if pending == nil {
			return nil
		}
		err := rejects.add(*pending)
		pending = nil
		return err
	}
	for {
		if err := e.ctx.Err(); err != nil {
			what := out + " was left as it was"
			if af == nil || af.InPlace() {
				what = "the output written so far is incomplete"
			}
			return fail(fmt.Errorf("interrupted after reading %d rows (%w); %s", n+rejects.n, err, what))
		}
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if ferr := flush(); ferr != nil {
			return rejectsErr(ferr)
		}
		if err == nil && xlsx {
			err = checkXLSXCells(t.File(), row.Line, r.Header(), row.Cells)
		}
		if err != nil {
			var pe *crm.ParseError
			if !errors.As(err, &pe) || in.strict {
				return fail(err)
			}
			pending = &crm.Reject{Line: row.Line, Cells: append([]string(nil), row.Cells...), Err: err}
			continue
		}
		n++
		p := &row.Prospect
		if p.Channel == icp.ChannelUnknown {
			p.Channel = ch
		}
		m.ScoreInto(&res, p, in.asOf)
		if !rows.add(row.Cells, &res) {
			return writeErr(rows.close())
		}
	}
	if pending != nil && errors.Is(pending.Err, crm.ErrQuote) {
		pending.Err = fmt.Errorf("%w; the row runs to the end of the input: was the file cut short, or does a quote never close?", pending.Err)
	}
	if err := flush(); err != nil {
		return rejectsErr(err)
	}
	if n == 0 && rejects.n == 0 {
		return fail(&crm.ParseError{File: t.File(), Err: crm.ErrNoRows})
	}
	if err := rows.close(); err != nil {
		return writeErr(err)
	}
	if err := w.Close(); err != nil {
		return writeErr(err)
	}
	if err := rejects.close(in.rejects != ""); err != nil {
		return rejectsErr(err)
	}
	if af != nil {
		if err := af.Commit(); err != nil {
			return writeErr(err)
		}
	}
	if err := rejects.commit(); err != nil {
		return fmt.Errorf("%w; %s holds the %d scored rows, but the %d rejected rows were not written", err, out, n, rejects.n)
	}
	fmt.Fprintf(e.info, "%s: %d rows scored, %d rejected", t.File(), n, rejects.n)
	if rejects.n > 0 && rejects.path != "" {
		fmt.Fprintf(e.info, " (see %s)", rejects.path)
	}
	fmt.Fprintln(e.info)
	for _, err := range rejects.first {
		fmt.Fprintf(e.info, "  %v\n", err)
	}
	if more := rejects.n - len(rejects.first); more > 0 {
		fmt.Fprintf(e.info, "  … and %d more", more)
		if rejects.path == "" {
			fmt.Fprint(e.info, "; --rejects FILE writes them all")
		}
		fmt.Fprintln(e.info)
	}
	if rejects.n > 0 {
		return &partialError{n: rejects.n, use: "scored"}
	}
	return nil
}

// maxXLSXCell is the most characters (UTF-16 code units) an xlsx cell
// holds.
const maxXLSXCell = 32767

// checkXLSXCells rejects a row with a cell too long for an xlsx sheet,
// which would otherwise stop the whole workbook.
func checkXLSXCells(file string, line int, header, cells []string) error {
	for i, c := range cells {
		if len(c) <= maxXLSXCell { // a UTF-16 string is never longer than its UTF-8
			continue
		}
		n := 0
		for _, r := range c {
			n++
			if r >= 0x10000 {
				n++
			}
		}
		if n > maxXLSXCell {
			f := ""
			if i < len(header) {
				f = header[i]
			}
			return &crm.ParseError{File: file, Line: line, Column: i + 1, Field: f, Err: crm.ErrCellTooLong}
		}
	}
	return nil
}

// partialError reports that some rows were rejected: the output is
// complete for the rest, and the exit status is 1 so scripts notice.
type partialError struct {
	n   int
	use string // what the other rows were: "scored", "used"
}

func (e *partialError) Error() string {
	if e.n == 1 {
		return "1 row was rejected and not " + e.use
	}
	return fmt.Sprintf("%d rows were rejected and not %s", e.n, e.use)
}

// Rows go to the writer a batch at a time, and a few batches can be on
// their way: memory stays flat, and the writer's goroutine wakes once per
// batch rather than once per row.
const (
	writeBatchRows = 512
	writeBatches   = 4 // being filled, queued, being written
)

// rowPipe writes rows to a crm.RowWriter in a goroutine of its own, in
// the order they were added. After a write fails the rest are dropped,
// and close returns the error.
type rowPipe struct {
	write  func(cells [][]byte) error
	cur    *writeBatch // being filled; nil after close
	full   chan *writeBatch
	free   chan *writeBatch
	exited chan struct{}
	failed atomic.Bool // a write failed: err says why
	err    error       // the first write error; read once exited is closed
}

func startRowPipe(w crm.RowWriter) *rowPipe {
	p := &rowPipe{
		cur:    new(writeBatch),
		full:   make(chan *writeBatch, writeBatches),
		free:   make(chan *writeBatch, writeBatches),
		exited: make(chan struct{}),
	}
	if cw, ok := w.(*crm.CSVWriter); ok {
		p.write = cw.WriteBytes // the cells as they are, no strings made
	} else {
		var row []string
		p.write = func(cells [][]byte) error {
			row = row[:0]
			for _, c := range cells {
				row = append(row, string(c))
			}
			return w.Write(row)
		}
	}
	for range writeBatches - 1 {
		p.free <- new(writeBatch)
	}
	go p.run()
	return p
}

func (p *rowPipe) run() {
	defer close(p.exited)
	var cells [][]byte
	for b := range p.full {
		for r := range b.rows {
			if p.err != nil {
				break
			}
			cells = b.row(cells[:0], r)
			p.err = p.write(cells)
		}
		if p.err != nil {
			p.failed.Store(true)
		}
		b.reset()
		p.free <- b
	}
}

// add queues a row of input cells followed by the icp_* columns for r.
// It copies cells. It returns false once a write has failed; close
// returns the error.
func (p *rowPipe) add(cells []string, r *icp.Result) bool {
	p.cur.add(cells, r)
	if len(p.cur.rows) < writeBatchRows {
		return true
	}
	p.full <- p.cur
	p.cur = <-p.free
	return !p.failed.Load()
}

// close waits until the rows added are written, stops the goroutine and
// returns the first write error. It does not close the RowWriter; later
// calls return the same error.
func (p *rowPipe) close() error {
	if p.cur != nil {
		if len(p.cur.rows) > 0 {
			p.full <- p.cur
		}
		p.cur = nil
		close(p.full)
		<-p.exited
	}
	return p.err
}

// writeBatch is a run of scored rows, every cell copied or formatted
// into one buffer that is reused batch after batch: scoring a row
// allocates nothing.
type writeBatch struct {
	text []byte // the cells, back to back
	ends []int  // where each cell ends in text
	rows []int  // where each row ends in ends
}

func (b *writeBatch) reset() {
	b.text, b.ends, b.rows = b.text[:0], b.ends[:0], b.rows[:0]
}

// row appends the cells of row r to cells.
func (b *writeBatch) row(cells [][]byte, r int) [][]byte {
	i, lo := 0, 0
	if r > 0 {
		i = b.rows[r-1]
		lo = b.ends[i-1]
	}
	for _, hi := range b.ends[i:b.rows[r]] {
		cells = append(cells, b.text[lo:hi:hi])
		lo = hi
	}
	return cells
}

// add appends a row: the input cells, then the icp_* columns for r.
func (b *writeBatch) add(cells []string, r *icp.Result) {
	for _, c := range cells {
		b.cell(append(b.text, c...))
	}
	b.cell(appendScore(b.text, r.Score))
	b.cell(append(b.text, r.Tier...))
	b.cell(append(b.text, r.Route.String()...))
	b.cell(append(b.text, r.Profile...))
	b.cell(appendScore(b.text, r.Fit))
	b.cell(appendScore(b.text, r.Behavior))
	b.cell(r.AppendReasons(b.text, "; "))
	b.cell(r.AppendMissing(b.text, "; "))
	b.cell(r.AppendUpside(b.text, "; "))
	b.rows = append(b.rows, len(b.ends))
}

// cell ends a cell: text is b.text with the cell appended.
func (b *writeBatch) cell(text []byte) {
	b.text = text
	b.ends = append(b.ends, len(text))
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
