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

	// Bytes that make a cell need quotes, for the first row and the
	// others; specials lists them without the delimiter.
	first, rest     [256]bool
	firstSp, restSp []byte
	err             error
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
	cw.firstSp = setQuote(&cw.first, d, '"', '\n', '\r', ',', ';', '\t')
	cw.restSp = setQuote(&cw.rest, d, '"', '\n', '\r')
	return cw
}

// setQuote marks the bytes and the delimiter in t and returns the bytes
// other than the delimiter.
func setQuote(t *[256]bool, delim byte, bs ...byte) []byte {
	var sp []byte
	for _, c := range bs {
		if c != delim && bytes.IndexByte(sp, c) < 0 {
			sp = append(sp, c)
		}
		t[c] = true
	}
	t[delim] = true
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
	quote, sp, first := &w.rest, w.restSp, w.rows == 0
	if first {
		quote, sp = &w.first, w.firstSp
	}
	w.rows++
	b := w.buf
	// Fast path: join the cells, then look for bytes that need quoting
	// in the whole row at once, which the bytes package does many bytes
	// at a time. Most rows have none.
	start := len(b)
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		b = append(b, c...)
	}
	if !w.plainRow(b[start:], cells, sp, first) {
		b = b[:start]
		for i, c := range cells {
			if i > 0 {
				b = append(b, w.delim)
			}
			b = appendCell(b, c, quote, len(cells) == 1, first)
		}
	}
	if first && len(cells) == 1 && w.delim != ',' {
		// Table will read this file as comma-separated.
		w.restSp = setQuote(&w.rest, w.delim, '"', '\n', '\r', ',')
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

// plainRow reports whether no cell of the joined row needs quotes.
func (w *CSVWriter) plainRow(row []byte, cells []string, sp []byte, first bool) bool {
	if len(cells) == 1 && cells[0] == "" {
		return false // would be a blank line
	}
	if bytes.Count(row, []byte{w.delim}) != len(cells)-1 {
		return false // a cell holds the delimiter
	}
	for _, c := range sp {
		if bytes.IndexByte(row, c) >= 0 {
			return false
		}
	}
	if first {
		for _, c := range cells {
			if risky(c) {
				return false
			}
		}
	}
	return true
}

// appendCell appends c, quoted if it needs to be. The only cell of a row
// is quoted when empty, so that the row is not a blank line.
func appendCell(b []byte, c string, quote *[256]bool, only, first bool) []byte {
	plain := !(only && c == "") && !(first && risky(c))
	for k := 0; plain && k < len(c); k++ {
		plain = !quote[c[k]]
	}
	if plain {
		return append(b, c...)
	}
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
