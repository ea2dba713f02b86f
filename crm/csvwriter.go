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
	comma bool // cells after the first row holding ',' need quotes too
	rows  int

	first, rest byteTable // bytes that make a cell need quotes, in the first row and later
	ends        []int     // where each cell of the row being written ends in buf
	marks       []bool    // which of its cells need quotes
	err         error
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
	for _, c := range []byte{d, '"', '\n', '\r', ',', ';', '\t'} {
		cw.first[c] = true
	}
	for _, c := range []byte{d, '"', '\n', '\r'} {
		cw.rest[c] = true
	}
	return cw
}

var errEmptyRecord = errors.New("crm: cannot write a row with no cells")

// Write writes one row. A row with no cells cannot be written: it would
// read back as a blank line, which readers skip.
func (w *CSVWriter) Write(cells []string) error { return writeRow(w, cells) }

// WriteBytes is Write for cells held as byte slices, which it copies: a
// caller that formats cells into a buffer of its own can reuse it at
// once, without making strings of them.
func (w *CSVWriter) WriteBytes(cells [][]byte) error { return writeRow(w, cells) }

func writeRow[C string | []byte](w *CSVWriter, cells []C) error {
	if w.err != nil {
		return w.err
	}
	if len(cells) == 0 {
		return errEmptyRecord
	}
	b := w.buf
	if w.rows == 0 {
		b = appendFirst(w, b, cells)
	} else {
		b = appendRest(w, b, cells)
	}
	w.rows++
	if w.UseCRLF {
		b = append(b, '\r')
	}
	w.buf = append(b, '\n')
	if len(w.buf) >= csvFlushSize {
		return w.Flush()
	}
	return nil
}

// appendRest appends a row after the first. It joins the cells, then
// looks for the bytes that need quoting in the whole row at once, which
// the bytes package does many bytes at a time: most rows hold none but
// the delimiters between the cells, and the rest mostly a delimiter in a
// cell or two, which are then written again from the first.
func appendRest[C string | []byte](w *CSVWriter, b []byte, cells []C) []byte {
	start := len(b)
	w.ends = w.ends[:0]
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		b = append(b, c...)
		w.ends = append(w.ends, len(b))
	}
	row := b[start:]
	if bytes.IndexByte(row, '"') >= 0 || bytes.IndexByte(row, '\n') >= 0 || bytes.IndexByte(row, '\r') >= 0 ||
		w.comma && w.delim != ',' && bytes.IndexByte(row, ',') >= 0 {
		return appendCells(w, b[:start], cells)
	}
	if len(cells) == 1 && len(cells[0]) == 0 {
		return append(b, `""`...) // else the row is a blank line
	}
	if bytes.Count(row, []byte{w.delim}) == len(cells)-1 {
		return b
	}
	// Some cells hold the delimiter, and nothing else that needs quotes.
	w.marks = w.marks[:0]
	first, lo := -1, start
	for i, hi := range w.ends {
		m := bytes.IndexByte(b[lo:hi], w.delim) >= 0
		if m && first < 0 {
			first = i
		}
		w.marks = append(w.marks, m)
		lo = hi + 1
	}
	b = b[:w.ends[first]-len(cells[first])]
	for i := first; i < len(cells); i++ {
		if i > first {
			b = append(b, w.delim)
		}
		if w.marks[i] {
			b = append(b, '"')
			b = append(b, cells[i]...)
			b = append(b, '"')
		} else {
			b = append(b, cells[i]...)
		}
	}
	return b
}

// appendCells appends the cells, quoting those that hold a byte of
// w.rest, one cell at a time: the slow way, for the rare row with a
// quote or a line end.
func appendCells[C string | []byte](w *CSVWriter, b []byte, cells []C) []byte {
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		if inTable(&w.rest, c) || len(cells) == 1 && len(c) == 0 {
			b = appendQuoted(b, c)
		} else {
			b = append(b, c...)
		}
	}
	return b
}

// appendFirst appends the first row, which Table also reads to detect
// the delimiter.
func appendFirst[C string | []byte](w *CSVWriter, b []byte, cells []C) []byte {
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		if inTable(&w.first, c) || risky(string(c)) || len(cells) == 1 && len(c) == 0 {
			b = appendQuoted(b, c)
		} else {
			b = append(b, c...)
		}
	}
	if len(cells) == 1 {
		// Table will read this file as comma-separated.
		w.comma = true
		w.rest[','] = true
	}
	return b
}

// byteTable is a set of bytes.
type byteTable [256]bool

// inTable reports whether c holds a byte of t.
func inTable[C string | []byte](t *byteTable, c C) bool {
	for i := 0; i < len(c); i++ {
		if t[c[i]] {
			return true
		}
	}
	return false
}

// appendQuoted appends c in quotes, doubling the quotes inside.
func appendQuoted[C string | []byte](b []byte, c C) []byte {
	b = append(b, '"')
	for len(c) > 0 {
		j := 0
		for j < len(c) && c[j] != '"' {
			j++
		}
		if j == len(c) {
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
