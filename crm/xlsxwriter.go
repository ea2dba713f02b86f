package crm

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// ErrTooManyRows is returned by XLSXWriter.Write past Excel's 1,048,576
// rows per sheet.
var ErrTooManyRows = errors.New("crm: more rows than an xlsx sheet holds (1,048,576)")

// ErrCellTooLong is returned by XLSXWriter.Write for a cell longer than
// an xlsx cell holds; excelize would cut it silently.
var ErrCellTooLong = errors.New("cell is longer than an xlsx cell holds (32,767 characters)")

// maxXLSXCell is Excel's cell limit in UTF-16 code units.
const maxXLSXCell = excelize.TotalCellChars

// utf16Len counts the UTF-16 code units of s.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// XLSXWriter writes rows to one worksheet of a new workbook through
// excelize's stream writer; the workbook is written to w on Close.
//
// A cell is stored as a number when it is one in canonical form ("1200",
// "-3.5", "0.42": no leading zeros, no '+', no exponent, at most 15
// significant digits, so the value is exact), otherwise as text: ids like
// "00123", amounts like "$1,200" and dates stay as they were. Characters
// XML cannot hold (control characters other than tab and line ends)
// become U+FFFD; a cell over 32,767 characters is an error.
type XLSXWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	w    io.Writer
	row  int
	vals []any
	err  error // first error; ends writing
	done bool
	cerr error // what Close returned
}

var errWriterClosed = errors.New("crm: write after Close")

// NewXLSXWriter starts a workbook with one sheet named sheet ("Sheet1"
// when empty).
func NewXLSXWriter(w io.Writer, sheet string) (*XLSXWriter, error) {
	if sheet == "" {
		sheet = "Sheet1"
	}
	f := excelize.NewFile()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			f.Close()
			return nil, fmt.Errorf("crm: sheet name %q: %w", sheet, err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("crm: sheet name %q: %w", sheet, err)
	}
	return &XLSXWriter{f: f, sw: sw, w: w}, nil
}

// Write appends one row.
func (x *XLSXWriter) Write(cells []string) error {
	if x.err != nil {
		return x.err
	}
	if x.row >= excelize.TotalRows {
		x.err = ErrTooManyRows
		return x.err
	}
	x.row++
	x.vals = x.vals[:0]
	for i, c := range cells {
		if len(c) > maxXLSXCell && utf16Len(c) > maxXLSXCell {
			x.err = fmt.Errorf("crm: xlsx row %d, column %d: %w", x.row, i+1, ErrCellTooLong)
			return x.err
		}
		if v, ok := canonicalNumber(c); ok {
			x.vals = append(x.vals, v)
		} else {
			x.vals = append(x.vals, c)
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err == nil {
		err = x.sw.SetRow(cell, x.vals)
	}
	if err != nil {
		x.err = fmt.Errorf("crm: writing xlsx row %d: %w", x.row, err)
	}
	return x.err
}

// canonicalNumber reports whether s is a number written the way
// strconv.FormatFloat(v, 'f', -1, 64) writes it, with at most 15
// significant digits.
func canonicalNumber(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 17 {
		return 0, false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == '-' && i == 0, c == '.':
		default:
			return 0, false
		}
	}
	if digits > 15 {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || strconv.FormatFloat(v, 'f', -1, 64) != s || s == "-0" {
		return 0, false
	}
	return v, true
}

// Close flushes the sheet and writes the workbook to w. It keeps the
// first error; the writer cannot be used afterwards.
func (x *XLSXWriter) Close() error {
	if x.done {
		return x.cerr
	}
	x.done = true
	if x.err == nil {
		if err := x.sw.Flush(); err != nil {
			x.err = fmt.Errorf("crm: writing xlsx: %w", err)
		} else if err := x.f.Write(x.w); err != nil {
			x.err = fmt.Errorf("crm: writing xlsx: %w", err)
		}
	}
	if err := x.f.Close(); err != nil && x.err == nil {
		x.err = err
	}
	x.cerr = x.err
	if x.err == nil {
		x.err = errWriterClosed
	}
	return x.cerr
}
