package crm

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readAll reads every row of a table: rows as line + cells, row errors as
// their messages.
func readAll(t *testing.T, tb *Table) (rows []Row, errs []string) {
	t.Helper()
	for {
		row, err := tb.Next()
		if err == io.EOF {
			return rows, errs
		}
		var pe *ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("Next() = %v; want a *ParseError or io.EOF", err)
		}
		rows = append(rows, Row{Line: row.Line, Cells: append([]string(nil), row.Cells...)})
		if err != nil {
			errs = append(errs, err.Error())
		}
	}
}

func TestTableCSV(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		opts   Options
		delim  rune
		header []string
		rows   []Row
		errs   []string
	}{
		{
			name: "comma LF", in: "a,b\n1,2\n3,4\n", delim: ',',
			header: []string{"a", "b"}, rows: []Row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name: "CRLF no final newline", in: "a,b\r\n1,2\r\n3,4", delim: ',',
			header: []string{"a", "b"}, rows: []Row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name: "BOM semicolon", in: "\xef\xbb\xbfa;b;c\n1,5;2;x\n", delim: ';',
			header: []string{"a", "b", "c"}, rows: []Row{{2, []string{"1,5", "2", "x"}}},
		},
		{
			name: "tab", in: "a\tb\n1 2\t3,4\n", delim: '\t',
			header: []string{"a", "b"}, rows: []Row{{2, []string{"1 2", "3,4"}}},
		},
		{
			name: "quoted delimiters do not count", in: "\"a;b;c\",d\n1,2\n", delim: ',',
			header: []string{"a;b;c", "d"}, rows: []Row{{2, []string{"1", "2"}}},
		},
		{
			name: "excel sep line", in: "sep=;\r\na;b\r\n1;2\r\n", delim: ';',
			header: []string{"a", "b"}, rows: []Row{{3, []string{"1", "2"}}},
		},
		{
			name: "forced delimiter", in: "a|b\n1|2\n", opts: Options{Delimiter: '|'}, delim: '|',
			header: []string{"a", "b"}, rows: []Row{{2, []string{"1", "2"}}},
		},
		{
			name: "quotes, escapes, newlines", in: "a,b\n\"x, \"\"y\"\"\",\"line1\r\nline2\"\n3,\"\"\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{`x, "y"`, "line1\r\nline2"}}, {4, []string{"3", ""}}},
		},
		{
			name: "blank lines skipped, lines counted", in: "\n\na,b\n\n1,2\r\n\r\n3,4\n\n", delim: ',',
			header: []string{"a", "b"}, rows: []Row{{5, []string{"1", "2"}}, {7, []string{"3", "4"}}},
		},
		{
			name: "empty cells and trailing delimiter", in: "a,b,c\n,,\n1,,\n", delim: ',',
			header: []string{"a", "b", "c"}, rows: []Row{{2, []string{"", "", ""}}, {3, []string{"1", "", ""}}},
		},
		{
			name: "spaces kept", in: "a,b\n 1 , 2 \n", delim: ',',
			header: []string{"a", "b"}, rows: []Row{{2, []string{" 1 ", " 2 "}}},
		},
		{
			name: "ragged rows", in: "a,b\n1,2,3\n4\n5,6\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "2", "3"}}, {3, []string{"4"}}, {4, []string{"5", "6"}}},
			errs: []string{
				"t.csv:2: ragged row: 3 cells, header has 2",
				"t.csv:3: ragged row: 1 cells, header has 2",
			},
		},
		{
			name: "bare quote", in: "a,b\n1,x\"y\n3,4\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", `x"y`}}, {3, []string{"3", "4"}}},
			errs:   []string{`t.csv:2:2: field "b": bare " in an unquoted field`},
		},
		{
			name: "text after closing quote", in: "a,b\n\"x\"y,2\n3,4\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"xy", "2"}}, {3, []string{"3", "4"}}},
			errs:   []string{`t.csv:2:1: field "a": extraneous or missing " in a quoted field`},
		},
		{
			name: "unterminated quote", in: "a,b\n1,\"open\n3,4\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "open\n3,4\n"}}},
			errs:   []string{`t.csv:2:2: field "b": extraneous or missing " in a quoted field`},
		},
		{
			name: "invalid utf-8", in: "a,b\n1,caf\xe9\n3,4\n", delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "caf\xe9"}}, {3, []string{"3", "4"}}},
			errs:   []string{`t.csv:2:2: field "b": "caf\xe9" is not valid UTF-8`},
		},
		{
			name: "field over the limit", in: "a,b\n1,abcdefgh\n3,4\n", opts: Options{MaxFieldBytes: 4}, delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", "abcd"}}, {3, []string{"3", "4"}}},
			errs:   []string{`t.csv:2:2: field "b": cell is longer than the limit (Options.MaxFieldBytes)`},
		},
		{
			name: "row over the limit", in: "a\n" + strings.Repeat("abcd,", 70) + "x\n3\n", opts: Options{MaxFieldBytes: 4}, delim: ',',
			header: []string{"a"},
			rows:   []Row{{2, strings.Split(strings.Repeat("abcd,", 64), ",")[:64]}, {3, []string{"3"}}},
			errs:   []string{`t.csv:2:65: row is longer than the limit (64 × Options.MaxFieldBytes, or 16384 cells)`},
		},
		{
			name: "quoted field over the limit", in: "a,b\n1,\"ab\"\"cdefgh\"\n3,4\n", opts: Options{MaxFieldBytes: 4}, delim: ',',
			header: []string{"a", "b"},
			rows:   []Row{{2, []string{"1", `ab"c`}}, {3, []string{"3", "4"}}},
			errs:   []string{`t.csv:2:2: field "b": cell is longer than the limit (Options.MaxFieldBytes)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.File = "t.csv"
			tb, err := NewCSVTable(strings.NewReader(tt.in), tt.opts)
			if err != nil {
				t.Fatalf("NewCSVTable() = %v", err)
			}
			if got := tb.Delimiter(); got != tt.delim {
				t.Errorf("Delimiter() = %q; want %q", got, tt.delim)
			}
			if diff := cmp.Diff(tt.header, tb.Header()); diff != "" {
				t.Errorf("Header() mismatch (-want +got):\n%s", diff)
			}
			rows, errs := readAll(t, tb)
			if diff := cmp.Diff(tt.rows, rows); diff != "" {
				t.Errorf("rows mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("row errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTableLongLines reads lines longer than the read buffer, with a CRLF
// split across buffer refills.
func TestTableLongLines(t *testing.T) {
	long := strings.Repeat("x", csvBufferSize-3)
	in := "a,b\r\n1," + long + "\r\n\"" + long + "\nmore\",2\r\n"
	tb, err := NewCSVTable(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, errs := readAll(t, tb)
	want := []Row{{2, []string{"1", long}}, {3, []string{long + "\nmore", "2"}}}
	if diff := cmp.Diff(want, rows); diff != "" || errs != nil {
		t.Errorf("rows mismatch (-want +got):\n%s\nerrors: %v", diff, errs)
	}
}

func TestTableOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		msg  string
	}{
		{"empty", "", ErrEmpty, "t.csv: empty input: no header row"},
		{"only BOM and blank lines", "\xef\xbb\xbf\r\n\n", ErrEmpty, "t.csv: empty input: no header row"},
		{"utf-16", "\xff\xfea\x00,\x00b\x00", ErrUTF16, "t.csv:1: input is UTF-16; save it as UTF-8"},
		{"bad utf-8 header", "a,\xff\n", ErrBadUTF8, `t.csv:1:2: "\xff" is not valid UTF-8`},
		{"quote as delimiter", "a\n", nil, `crm: invalid delimiter '"': want one ASCII character other than a quote or line end`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{File: "t.csv"}
			if tt.want == nil {
				o.Delimiter = '"'
			}
			_, err := NewCSVTable(strings.NewReader(tt.in), o)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || err.Error() != tt.msg {
				t.Errorf("NewCSVTable(%q) = %v; want %q", tt.in, err, tt.msg)
			}
		})
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestTableReadError: an I/O error ends the table, is returned as it is,
// and again on later calls; readers pass it on.
func TestTableReadError(t *testing.T) {
	diskErr := errors.New("disk on fire")
	tb, err := NewCSVTable(&failingReader{data: []byte("account_id\nA1\nA2"), err: diskErr}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := 0, 0
	for {
		_, err = tb.Next()
		if err != nil {
			break
		}
		rows++
	}
	if !errors.Is(err, diskErr) || rows != 1 {
		t.Errorf("Next() = %v after %d rows; want the read error after 1 row", err, rows)
	}
	if _, err2 := tb.Next(); !errors.Is(err2, diskErr) {
		t.Errorf("Next() again = %v; want the read error", err2)
	}

	tb, _ = NewCSVTable(&failingReader{data: []byte("account_id\nA1\nA2\n"), err: diskErr}, Options{})
	if _, _, err := ReadAccounts(tb); !errors.Is(err, diskErr) {
		t.Errorf("ReadAccounts() = %v; want the read error", err)
	}
}
