package crm

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

const (
	csvBufferSize = 64 << 10
	// maxCells is the most cells kept for one row: Excel's column limit.
	maxCells = 16384
	// rowLimitFactor bounds one row at this many times the field limit.
	rowLimitFactor = 64
)

// csvSource splits RFC 4180 CSV into rows. It reads through a fixed
// buffer, so memory is bounded by the longest row it keeps (itself bounded
// by the field and row limits); row strings are cut from 32 KiB arenas,
// so a row costs no allocation of its own.
type csvSource struct {
	br       *bufio.Reader
	file     string
	delim    byte
	maxField int
	maxRow   int

	line      int  // physical lines started so far
	lineStart bool // the next chunk starts a physical line
	eof       bool

	stop  [256]bool // bytes that end an unquoted run: delimiter, '\n', '"'
	arena arena
	rec   []byte
	ends  []int
	cells []string

	// State of the row being read.
	problem    rowError
	fieldStart int
	truncated  bool // the current field hit the field limit
	dropped    bool // the row hit the row limit: nothing more is kept
}

type csvState uint8

const (
	stField    csvState = iota // at the start of a field
	stUnquoted                 // inside an unquoted field
	stQuoted                   // inside a quoted field
	stQuote                    // just after a '"' inside a quoted field
	stQuoteCR                  // after a closing quote and a '\r'
)

func newCSVSource(r io.Reader, o *Options) (*csvSource, error) {
	s := &csvSource{
		br:        bufio.NewReaderSize(r, csvBufferSize),
		file:      o.File,
		maxField:  o.maxField(),
		lineStart: true,
	}
	s.maxRow = s.maxField * rowLimitFactor
	if s.maxRow/rowLimitFactor != s.maxField { // overflow
		s.maxRow = int(^uint(0) >> 1)
	}
	head, err := s.br.Peek(3)
	if err != nil && err != io.EOF && len(head) == 0 {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		s.br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		return nil, &ParseError{File: o.File, Line: 1, Err: ErrUTF16}
	}
	if d := o.Delimiter; d != 0 {
		if d < 0 || d >= utf8.RuneSelf || d == '"' || d == '\r' || d == '\n' {
			return nil, fmt.Errorf("crm: invalid delimiter %q: want one ASCII character other than a quote or line end", d)
		}
		s.setDelim(byte(d))
		return s, nil
	}
	peek, err := s.br.Peek(csvBufferSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull && len(peek) == 0 {
		return nil, err // otherwise the error comes back when reading reaches it
	}
	if d, n, ok := sepLine(peek); ok {
		s.setDelim(d)
		s.br.Discard(n)
		s.line++
		return s, nil
	}
	s.setDelim(detectDelimiter(peek))
	return s, nil
}

func (s *csvSource) setDelim(d byte) {
	s.delim = d
	s.stop[d], s.stop['\n'], s.stop['"'] = true, true, true
}

// sepLine recognises Excel's "sep=;" first line and returns the delimiter
// and the line length.
func sepLine(b []byte) (byte, int, bool) {
	if len(b) < 5 || !bytes.EqualFold(b[:4], []byte("sep=")) {
		return 0, 0, false
	}
	d := b[4]
	if d >= utf8.RuneSelf {
		return 0, 0, false
	}
	rest := b[5:]
	switch {
	case bytes.HasPrefix(rest, []byte("\r\n")):
		return d, 7, d != '"' && d != '\r' && d != '\n'
	case bytes.HasPrefix(rest, []byte("\n")):
		return d, 6, d != '"' && d != '\r' && d != '\n'
	}
	return 0, 0, false
}

// detectDelimiter counts ',', ';' and tab outside quotes on the first line
// of b and returns the most frequent, ',' on a tie or when there is none.
func detectDelimiter(b []byte) byte {
	var comma, semi, tab int
	quoted := false
	for _, c := range b {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		switch c {
		case ',':
			comma++
		case ';':
			semi++
		case '\t':
			tab++
		case '\n':
			goto done
		}
	}
done:
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// chunk returns the next piece of input: a whole physical line ending in
// '\n', or a piece of a longer line, or the last line without '\n'.
func (s *csvSource) chunk() ([]byte, error) {
	if s.eof {
		return nil, io.EOF
	}
	c, err := s.br.ReadSlice('\n')
	switch err {
	case nil, bufio.ErrBufferFull:
		err = nil
	case io.EOF:
		s.eof = true
		if len(c) > 0 {
			err = nil
		}
	default:
		return nil, err
	}
	if len(c) > 0 && s.lineStart {
		s.line++
	}
	s.lineStart = len(c) > 0 && c[len(c)-1] == '\n'
	return c, err
}

// rowError records the first problem of the row being read.
type rowError struct {
	col int
	err error
}

// next returns the next non-blank row: its first line, its cells (the
// slice is reused by the next call; the strings stay valid) and a
// *ParseError when the row is malformed but was read to its end, so
// reading can go on. Other errors (io.EOF, I/O) end the input.
func (s *csvSource) next() (int, []string, error) {
	s.rec = s.rec[:0]
	s.ends = s.ends[:0]
	s.problem = rowError{}
	s.fieldStart, s.truncated, s.dropped = 0, false, false
	var (
		c   []byte
		err error
	)
	for { // skip blank lines
		if c, err = s.chunk(); err != nil {
			return 0, nil, err
		}
		if string(c) != "\n" && string(c) != "\r\n" {
			break
		}
	}
	start := s.line
	if (s.lineStart || s.eof) && len(c) <= s.maxField && bytes.IndexByte(c, '"') < 0 {
		if cells, ok := s.splitLine(c); ok {
			return start, cells, nil
		}
	}
	state := stField
	d := s.delim
	for {
		i := 0
		for i < len(c) {
			switch state {
			case stField:
				if c[i] == '"' {
					state = stQuoted
					i++
					continue
				}
				state = stUnquoted
			case stUnquoted:
				j := i
				for j < len(c) && !s.stop[c[j]] {
					j++
				}
				s.add(c[i:j])
				if j == len(c) {
					i = j
					continue
				}
				switch c[j] {
				case '"':
					s.fail(ErrBareQuote)
					s.add(c[j : j+1])
					i = j + 1
				case '\n':
					s.trimCR()
					s.endField()
					return s.finish(start)
				default: // delimiter
					s.endField()
					state = stField
					i = j + 1
				}
			case stQuoted:
				k := bytes.IndexByte(c[i:], '"')
				if k < 0 {
					s.add(c[i:])
					i = len(c)
					continue
				}
				s.add(c[i : i+k])
				i += k + 1
				state = stQuote
			case stQuote, stQuoteCR:
				b := c[i]
				switch {
				case state == stQuote && b == '"':
					s.add(c[i : i+1])
					state = stQuoted
				case state == stQuote && b == d:
					s.endField()
					state = stField
				case b == '\n':
					s.endField()
					return s.finish(start)
				case state == stQuote && b == '\r':
					state = stQuoteCR
				default:
					s.fail(ErrQuote)
					if state == stQuoteCR {
						s.add([]byte{'\r'})
					}
					state = stUnquoted
					continue
				}
				i++
			}
		}
		if c, err = s.chunk(); err != nil {
			if err != io.EOF {
				return 0, nil, err
			}
			break
		}
	}
	// End of input inside the row.
	switch state {
	case stQuoted:
		s.fail(ErrQuote)
	case stUnquoted:
		s.trimCR()
	}
	s.endField()
	return s.finish(start)
}

// splitLine is the fast path for a whole line without quotes, valid
// UTF-8 and not too many cells: one string for the line, cells sliced
// from it. It reports false to leave the line to the full parser.
func (s *csvSource) splitLine(c []byte) ([]string, bool) {
	n := len(c)
	if n > 0 && c[n-1] == '\n' {
		n--
	}
	if n > 0 && c[n-1] == '\r' {
		n--
	}
	c = c[:n]
	if bytes.Count(c, []byte{s.delim}) >= maxCells || !utf8.Valid(c) {
		return nil, false
	}
	str := s.arena.add(c)
	s.cells = s.cells[:0]
	for {
		i := strings.IndexByte(str, s.delim)
		if i < 0 {
			break
		}
		s.cells = append(s.cells, str[:i])
		str = str[i+1:]
	}
	s.cells = append(s.cells, str)
	return s.cells, true
}

// fail records err as the row's problem unless it already has one.
func (s *csvSource) fail(err error) {
	if s.problem.err == nil {
		s.problem = rowError{col: len(s.ends) + 1, err: err}
	}
}

// add appends b to the field being read, within the field and row limits.
func (s *csvSource) add(b []byte) {
	if s.truncated || s.dropped {
		return
	}
	if n := len(s.rec) - s.fieldStart + len(b); n > s.maxField {
		b = b[:len(b)-(n-s.maxField)]
		s.truncated = true
		s.fail(ErrFieldTooLong)
	}
	if len(s.rec)+len(b) > s.maxRow {
		s.dropped = true
		s.fail(ErrRowTooLong)
		return
	}
	s.rec = append(s.rec, b...)
}

// endField closes the field being read.
func (s *csvSource) endField() {
	if !s.dropped && len(s.ends) >= maxCells {
		s.dropped = true
		s.fail(ErrRowTooLong)
	}
	if !s.dropped {
		s.ends = append(s.ends, len(s.rec))
	}
	s.fieldStart = len(s.rec)
	s.truncated = false
}

// trimCR drops the '\r' of a CRLF line end from the field being read.
func (s *csvSource) trimCR() {
	if n := len(s.rec); n > s.fieldStart && !s.truncated && s.rec[n-1] == '\r' {
		s.rec = s.rec[:n-1]
	}
}

func (s *csvSource) finish(line int) (int, []string, error) {
	p := s.problem
	if p.err == nil && !utf8.Valid(s.rec) {
		prev := 0
		for k, end := range s.ends {
			if !utf8.Valid(s.rec[prev:end]) {
				p = rowError{col: k + 1, err: ErrBadUTF8}
				break
			}
			prev = end
		}
	}
	str := s.arena.add(s.rec)
	s.cells = s.cells[:0]
	prev := 0
	for _, end := range s.ends {
		s.cells = append(s.cells, str[prev:end])
		prev = end
	}
	if p.err != nil {
		pe := &ParseError{File: s.file, Line: line, Column: p.col, Err: p.err}
		if p.err == ErrBadUTF8 && p.col <= len(s.cells) {
			pe.Value = s.cells[p.col-1]
		}
		return line, s.cells, pe
	}
	return line, s.cells, nil
}

func (s *csvSource) close() error { return nil }
