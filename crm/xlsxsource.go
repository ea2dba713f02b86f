package crm

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlsxSource reads one worksheet through excelize's streaming row
// iterator. Cells come raw (no number formats applied): a date cell reads
// as its serial number, which the date parser accepts for XLSX input.
type xlsxSource struct {
	f        *excelize.File
	rows     *excelize.Rows
	file     string
	maxField int
	row      int // sheet rows seen, gaps included
	date1904 bool
}

func newXLSXSource(f *excelize.File, o *Options) (s *xlsxSource, err error) {
	defer recoverXLSX(&err)
	sheets := f.GetSheetList()
	sheet := o.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, &ParseError{File: o.File, Err: ErrEmpty}
		}
		sheet = sheets[0]
	} else {
		found := false
		for _, name := range sheets {
			if name == sheet {
				found = true
				break
			}
		}
		if !found {
			return nil, &ParseError{File: o.File,
				Err: fmt.Errorf("%w %q (sheets: %s)", ErrNoSheet, sheet, strings.Join(sheets, ", "))}
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("crm: reading sheet %q: %w", sheet, err)
	}
	s = &xlsxSource{f: f, rows: rows, file: o.File, maxField: o.maxField()}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	return s, nil
}

// recoverXLSX turns a panic inside excelize on a malformed workbook into
// an error: no input may crash the reader.
func recoverXLSX(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("crm: malformed xlsx: %v", r)
	}
}

func (s *xlsxSource) next() (line int, cells []string, err error) {
	defer recoverXLSX(&err)
	for {
		if !s.rows.Next() {
			if err := s.rows.Error(); err != nil {
				return 0, nil, fmt.Errorf("crm: reading xlsx: %w", err)
			}
			return 0, nil, io.EOF
		}
		s.row++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, nil, fmt.Errorf("crm: reading xlsx row %d: %w", s.row, err)
		}
		blank := true
		for _, c := range cells {
			if c != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		for i, c := range cells {
			if len(c) > s.maxField {
				cells[i] = c[:s.maxField]
				return s.row, cells, &ParseError{File: s.file, Line: s.row, Column: i + 1, Err: ErrFieldTooLong}
			}
			if !utf8.ValidString(c) {
				return s.row, cells, &ParseError{File: s.file, Line: s.row, Column: i + 1, Value: c, Err: ErrBadUTF8}
			}
		}
		return s.row, cells, nil
	}
}

func (s *xlsxSource) close() error {
	err := s.rows.Close()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}
