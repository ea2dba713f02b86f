package crm

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvFlushSize is how much output CSVWriter gathers before writing.
const csvFlushSize = 64 << 10

// CSVWriter writes RFC 4180 CSV that Table reads back cell for cell.
// A cell is quoted when it holds a quote, a line end, any of the
// delimiters Table detects (',', ';', tab) or the writer's own, or starts
// with a byte order mark or "sep=". Table detects only ',', ';' and tab:
// a file written with another delimiter needs Options.Delimiter to read.
// Lines end in "\n", or "\r\n" with UseCRLF.
type CSVWriter struct {
	// UseCRLF ends lines with "\r\n".
	UseCRLF bool

	out   io.Writer
	buf   []byte // output not yet written
	delim byte
	quote [256]bool // bytes that make a cell need quotes
	err   error
}

// NewCSVWriter returns a writer to w with the given delimiter, which must
// be an ASCII character other than a quote or line end; otherwise every
// Write fails.
func NewCSVWriter(w io.Writer, delimiter rune) *CSVWriter {
	cw := &CSVWriter{out: w, delim: byte(delimiter), buf: make([]byte, 0, csvFlushSize+4<<10)}
	if delimiter <= 0 || delimiter >= utf8.RuneSelf || delimiter == '"' || delimiter == '\r' || delimiter == '\n' {
		cw.err = fmt.Errorf("crm: invalid CSV delimiter %q", delimiter)
	}
	for _, c := range []byte{'"', '\n', '\r', ',', ';', '\t', byte(delimiter)} {
		cw.quote[c] = true
	}
	return cw
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
	b := w.buf
	for i, c := range cells {
		if i > 0 {
			b = append(b, w.delim)
		}
		plain := true
		for k := 0; k < len(c); k++ {
			if w.quote[c[k]] {
				plain = false
				break
			}
		}
		if plain && !(len(cells) == 1 && c == "") && !risky(c) {
			b = append(b, c...)
			continue
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
		b = append(b, '"')
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

// risky reports whether an unquoted cell would read back as something
// else at the start of a file: a byte order mark, Excel's "sep=" line.
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
