package crm

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CSVWriter writes RFC 4180 CSV that Table reads back cell for cell.
// A cell is quoted when it holds a quote, a line end, any of the
// delimiters Table detects (',', ';', tab) or the writer's own, or starts
// with a byte order mark or "sep=". Table detects only ',', ';' and tab:
// a file written with another delimiter needs Options.Delimiter to read. Lines end in "\n", or "\r\n" with UseCRLF.
type CSVWriter struct {
	// UseCRLF ends lines with "\r\n".
	UseCRLF bool

	w     *bufio.Writer
	delim byte
	quote [256]bool // bytes that make a cell need quotes
	err   error
}

// NewCSVWriter returns a writer to w with the given delimiter, which must
// be an ASCII character other than a quote or line end; otherwise every
// Write fails.
func NewCSVWriter(w io.Writer, delimiter rune) *CSVWriter {
	cw := &CSVWriter{w: bufio.NewWriterSize(w, 64<<10), delim: byte(delimiter)}
	for _, c := range []byte{'"', '\n', '\r', ',', ';', '\t', byte(delimiter)} {
		cw.quote[c] = true
	}
	if delimiter <= 0 || delimiter >= utf8.RuneSelf || delimiter == '"' || delimiter == '\r' || delimiter == '\n' {
		cw.err = fmt.Errorf("crm: invalid CSV delimiter %q", delimiter)
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
	for i, c := range cells {
		if i > 0 {
			w.w.WriteByte(w.delim)
		}
		if !w.needsQuotes(c) && !(len(cells) == 1 && c == "") {
			w.w.WriteString(c)
			continue
		}
		w.w.WriteByte('"')
		for len(c) > 0 {
			j := 0
			for j < len(c) && c[j] != '"' {
				j++
			}
			w.w.WriteString(c[:j])
			if j == len(c) {
				break
			}
			w.w.WriteString(`""`)
			c = c[j+1:]
		}
		w.w.WriteByte('"')
	}
	var err error
	if w.UseCRLF {
		_, err = w.w.WriteString("\r\n")
	} else {
		err = w.w.WriteByte('\n')
	}
	if err != nil {
		w.err = err
	}
	return err
}

func (w *CSVWriter) needsQuotes(c string) bool {
	for i := 0; i < len(c); i++ {
		if w.quote[c[i]] {
			return true
		}
	}
	if len(c) >= 3 && c[0] == 0xef && c[1] == 0xbb && c[2] == 0xbf {
		return true // would read as a byte order mark
	}
	if len(c) >= 4 && strings.EqualFold(c[:4], "sep=") {
		return true // would read as Excel's delimiter line
	}
	return false
}

// Flush writes buffered rows to the underlying writer.
func (w *CSVWriter) Flush() error {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}

// Close flushes the writer. It does not close the underlying io.Writer.
func (w *CSVWriter) Close() error { return w.Flush() }
