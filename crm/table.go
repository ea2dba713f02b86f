package crm

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Table reads an exported table one row at a time: the first non-blank
// row is the header, the rows after it are data. Blank lines are skipped.
// Memory does not grow with the number of rows.
//
// A Table is not safe for concurrent use.
type Table struct {
	src        source
	opts       Options
	header     []string
	delim      rune
	xlsx       bool
	date1904   bool
	closer     io.Closer
	padded     []string
	headerLine int
	onClose    []func() // stop readers' goroutines before closing
	closed     bool
	err        error // sticky: reading has stopped
}

// Row is one data row: the line (CSV) or sheet row (XLSX) where it
// starts, 1-based, and its raw cells. A Table and the readers built on it
// reuse the Cells slice on the next call to Next; the strings in it stay
// valid.
type Row struct {
	Line  int
	Cells []string
}

type source interface {
	next() (line int, cells []string, err error)
	close() error
}

// NewCSVTable reads a CSV table from r: UTF-8 with or without a byte
// order mark, CRLF or LF line ends, fields quoted RFC 4180 style, the
// delimiter detected from the header line (see Options.Delimiter). It
// reads the header before returning.
func NewCSVTable(r io.Reader, o Options) (*Table, error) {
	src, err := newCSVSource(r, &o)
	if err != nil {
		return nil, err
	}
	t := &Table{src: src, opts: o, delim: rune(src.delim)}
	if err := t.readHeader(); err != nil {
		return nil, err
	}
	return t, nil
}

// NewXLSXTable reads the worksheet Options.Sheet (the first one when
// empty) of the workbook in r. Excelize reads the zip directory into
// memory; the sheet itself is streamed. Cells are read raw, without
// number formats, so a date cell holds its serial day number, which the
// readers accept in date columns of XLSX input.
func NewXLSXTable(r io.Reader, o Options) (t *Table, err error) {
	defer recoverXLSX(&err)
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &ParseError{File: o.File, Err: fmt.Errorf("not an xlsx workbook: %w", err)}
	}
	return newXLSXTable(f, o)
}

func newXLSXTable(f *excelize.File, o Options) (*Table, error) {
	src, err := newXLSXSource(f, &o)
	if err != nil {
		f.Close()
		return nil, err
	}
	t := &Table{src: src, opts: o, xlsx: true, date1904: src.date1904}
	if err := t.readHeader(); err != nil {
		src.close()
		return nil, err
	}
	return t, nil
}

// OpenTable opens the file at path: an XLSX workbook when the name ends
// in .xlsx or .xlsm, CSV otherwise. Options.File defaults to path.
// Close the Table to close the file.
func OpenTable(path string, o Options) (t *Table, err error) {
	if o.File == "" {
		o.File = path
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		defer recoverXLSX(&err)
		f, err := excelize.OpenFile(path)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, err
			}
			return nil, &ParseError{File: o.File, Err: fmt.Errorf("not an xlsx workbook: %w", err)}
		}
		return newXLSXTable(f, o)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	t, err = NewCSVTable(f, o)
	if err != nil {
		f.Close()
		return nil, err
	}
	t.closer = f
	return t, nil
}

func (t *Table) readHeader() error {
	line, cells, err := t.src.next()
	t.headerLine = line
	switch {
	case err == io.EOF:
		return &ParseError{File: t.opts.File, Err: ErrEmpty}
	case err != nil:
		return err
	}
	t.header = append([]string(nil), cells...)
	return nil
}

// Header returns the column names as they appear in the file. The caller
// must not modify the slice.
func (t *Table) Header() []string { return t.header }

// Delimiter returns the CSV delimiter in use, or 0 for XLSX.
func (t *Table) Delimiter() rune { return t.delim }

// File returns the name used in error messages.
func (t *Table) File() string { return t.opts.File }

// Next returns the next data row. At the end it returns io.EOF. A
// malformed row (ragged, bad quoting, invalid UTF-8, a cell over the
// limit) comes back with its cells and a *ParseError; reading can go on.
// Any other error ends the table and is returned again by later calls.
//
// XLSX rows shorter than the header are padded with empty cells, since
// spreadsheets do not store trailing blanks; CSV rows must match the
// header exactly.
func (t *Table) Next() (Row, error) {
	if t.closed {
		return Row{}, ErrClosed
	}
	if t.err != nil {
		return Row{}, t.err
	}
	line, cells, err := t.src.next()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.err = err
			return Row{}, err
		}
		if pe.Field == "" && 0 < pe.Column && pe.Column <= len(t.header) {
			pe.Field = t.header[pe.Column-1]
		}
		return Row{Line: line, Cells: cells}, err
	}
	if n := len(t.header); len(cells) != n {
		if t.xlsx {
			for len(cells) > n && cells[len(cells)-1] == "" {
				cells = cells[:len(cells)-1]
			}
			if len(cells) < n {
				t.padded = append(t.padded[:0], cells...)
				for len(t.padded) < n {
					t.padded = append(t.padded, "")
				}
				cells = t.padded
			}
		}
		if len(cells) != n {
			return Row{Line: line, Cells: cells}, &ParseError{File: t.opts.File, Line: line,
				Err: fmt.Errorf("%w: %d cells, header has %d", ErrRagged, len(cells), n)}
		}
	}
	return Row{Line: line, Cells: cells}, nil
}

// Close stops the readers reading the table, releases it and closes the
// file OpenTable opened.
func (t *Table) Close() error {
	for _, stop := range t.onClose {
		stop()
	}
	t.onClose = nil
	if t.closed {
		return nil
	}
	t.closed = true
	err := t.src.close()
	if t.closer != nil {
		if cerr := t.closer.Close(); err == nil {
			err = cerr
		}
		t.closer = nil
	}
	return err
}
