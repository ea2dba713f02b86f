package crm

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvFlushSize is how much output CSVWriter gathers before writing.
const csvFlushSize = 64 << 10

// CSVWriter writes RFC 4180 CSV that Table reads back cell for cell.
//
// A cell is quoted when it holds a quote, a line end or the delimiter.
// Because Table detects the delimiter from the first line, cells of the
// first row are also quoted when they hold any delimiter Table considers
// (',', ';', tab) or start with a byte order mark or "sep="; and when
// that row has a single cell, so that Table will split on ',', later
// cells holding ',' are quoted too. Table detects only ',', ';' and tab:
// a file written with another delimiter needs Options.Delimiter to read.
// Lines end in "\n", or "\r\n" with UseCRLF.
type CSVWriter struct {
	// UseCRLF ends lines with "\r\n".
	UseCRLF bool

	out   io.Writer
	buf   []byte // output not yet written
	delim byte
	rows  int

	// Bytes other than the delimiter that make a cell need quotes, in
	// the first row and in the others.
	firstSp, restSp []byte

	ends  []int  // end of each cell in the joined row
	marks []bool // cells that need quotes
	err   error
}

// NewCSVWriter returns a writer to w with the given delimiter, which must
// be an ASCII character other than a quote or line end; otherwise every
// Write fails.
func NewCSVWriter(w io.Writer, delimiter rune) *CSVWriter {
	d := byte(delimiter)
	cw := &CSVWriter{out: w, delim: d, buf: make([]byte, 0, csvFlushSize+4<<10)}
	if delimiter <= 0 || delimiter >= utf8.RuneSelf || delimiter == '"' || delimiter == '\r' || delimiter == '\n' {
		cw.err = fmt.Errorf("crm: invalid CSV delimiter %q", delimiter)
	}
	cw.firstSp = specials(d, '"', '\n', '\r', ',', ';', '\t')
	cw.restSp = specials(d, '"', '\n', '\r')
	return cw
}

// specials returns bs without the delimiter.
func specials(delim byte, bs ...byte) []byte {
	var sp []byte
	for _, c := range bs {
		if c != delim {
			sp = append(sp, c)
		}
	}
	return sp
}

var errEmptyRecord = errors.New("crm: cannot write a row with no cells")

// Write writes one row. A row with no cells cannot be written: it would
// read back as a blank line, which readers skip.
func (w *CSVWriter) Write(cells []string) error {
	if w.err != nil {
		return w.err
	}
	if len(cells) == 0 {
		return errEmptyRecord
	}
	sp, first := w.restSp, w.rows == 0
	if first {
		sp = w.firstSp
	}
	w.rows++
	b := w.buf
	// Join the cells, then look for the bytes that need quoting in the
	// whole row at once, which the bytes package does many bytes at a
	// time, and mark the cells they fall in. Most rows have none.
	start := len(b)
	w.ends = w.ends[:0]
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		b = append(b, c...)
		w.ends = append(w.ends, len(b)-start)
	}
	if w.mark(b[start:], cells, sp, first) {
		b = b[:start]
		for i, c := range cells {
			if i > 0 {
				b = append(b, w.delim)
			}
			if w.marks[i] {
				b = appendQuoted(b, c)
			} else {
				b = append(b, c...)
			}
		}
	}
	if first && len(cells) == 1 && w.delim != ',' {
		// Table will read this file as comma-separated.
		w.restSp = specials(w.delim, '"', '\n', '\r', ',')
	}
	if w.UseCRLF {
		b = append(b, '\r')
	}
	w.buf = append(b, '\n')
	if len(w.buf) >= csvFlushSize {
		return w.Flush()
	}
	return nil
}

// mark sets w.marks[i] for the cells of the joined row that need quotes
// and reports whether any does.
func (w *CSVWriter) mark(row []byte, cells []string, sp []byte, first bool) bool {
	w.marks = append(w.marks[:0], make([]bool, len(cells))...)
	found := false
	if len(cells) == 1 && cells[0] == "" {
		w.marks[0], found = true, true // else the row is a blank line
	}
	if bytes.Count(row, []byte{w.delim}) != len(cells)-1 {
		found = w.markByte(row, w.delim, true) || found // a cell holds the delimiter
	}
	for _, c := range sp {
		found = w.markByte(row, c, false) || found
	}
	if first {
		for i, c := range cells {
			if risky(c) {
				w.marks[i], found = true, true
			}
		}
	}
	return found
}

// markByte marks the cells holding c; for the delimiter, occurrences at
// cell boundaries do not count.
func (w *CSVWriter) markByte(row []byte, c byte, delim bool) bool {
	found, k, off := false, 0, 0
	for {
		j := bytes.IndexByte(row[off:], c)
		if j < 0 {
			return found
		}
		p := off + j
		for w.ends[k] < p {
			k++
		}
		if !(delim && w.ends[k] == p) {
			w.marks[k], found = true, true
		}
		off = p + 1
	}
}

// appendQuoted appends c in quotes, doubling the quotes inside.
func appendQuoted(b []byte, c string) []byte {
	b = append(b, '"')
	for {
		j := strings.IndexByte(c, '"')
		if j < 0 {
			b = append(b, c...)
			break
		}
		b = append(b, c[:j+1]...)
		b = append(b, '"')
		c = c[j+1:]
	}
	return append(b, '"')
}

// risky reports whether an unquoted cell at the start of a file would
// read back as something else: a byte order mark, Excel's "sep=" line.
func risky(c string) bool {
	if len(c) < 3 || (c[0] != 0xef && c[0] != 's' && c[0] != 'S') {
		return false
	}
	return strings.HasPrefix(c, "\ufeff") || (len(c) >= 4 && strings.EqualFold(c[:4], "sep="))
}

// Flush writes buffered rows to the underlying writer.
func (w *CSVWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) > 0 {
		_, err := w.out.Write(w.buf)
		w.buf = w.buf[:0]
		if err != nil {
			w.err = err
		}
	}
	return w.err
}

// Close flushes the writer. It does not close the underlying io.Writer.
func (w *CSVWriter) Close() error { return w.Flush() }
