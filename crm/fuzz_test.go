package crm

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/icp"
)

// addFixtures seeds a fuzz corpus with the CSV fixtures.
func addFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(fixtures + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkRowError fails unless err is a positioned *ParseError for row.
func checkRowError(t *testing.T, row Row, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Next() = %v (%T); want a *ParseError", err, err)
	}
	if pe.Line <= 0 || pe.Line != row.Line || pe.Err == nil {
		t.Fatalf("row error %q: line %d, row line %d; want the row's line", err, pe.Line, row.Line)
	}
}

// rewrite writes the header and rows as CSV with delimiter d.
func rewrite(t *testing.T, header []string, rows [][]string, d rune) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewCSVWriter(&buf, d)
	if err := w.Write(header); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var fuzzOptions = Options{Custom: []CustomField{{Name: "segment", Kind: icp.KindText}, {Name: "score", Kind: icp.KindNumber}}}

// FuzzReadAccounts: any input gives either a positioned error, or
// records that read back the same after being written out again.
func FuzzReadAccounts(f *testing.F) {
	addFixtures(f, "salesforce_accounts.csv", "hubspot_companies.csv", "customers.csv", "bad/accounts.csv")
	f.Add([]byte("account_id,employees,segment,score\n1,\"1,200\",a,2\n1,x\n"))
	f.Add([]byte("sep=|\nindustry|tech_stack\nx|a;b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := NewCSVTable(bytes.NewReader(data), fuzzOptions)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("NewCSVTable() = %v (%T); want a *ParseError", err, err)
			}
			return
		}
		defer tb.Close()
		r, err := NewAccountReader(tb)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("NewAccountReader() = %v (%T); want a *ParseError", err, err)
			}
			return
		}
		var rows [][]string
		var want []icp.Prospect
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				checkRowError(t, row.Row, err)
				continue
			}
			rows = append(rows, append([]string(nil), row.Cells...))
			want = append(want, row.Prospect.Clone())
		}
		if len(rows) == 0 {
			return
		}
		o := fuzzOptions
		o.Delimiter = tb.Delimiter()
		tb2, err := NewCSVTable(bytes.NewReader(rewrite(t, tb.Header(), rows, tb.Delimiter())), o)
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		got, rejects, err := ReadAccounts(tb2)
		if err != nil || rejects != nil {
			t.Fatalf("reading back: %v, rejects %v", err, rejects)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("records differ after writing and reading back (-first +second):\n%s", diff)
		}
	})
}

// FuzzReadOpportunities: like FuzzReadAccounts for deals.
func FuzzReadOpportunities(f *testing.F) {
	addFixtures(f, "salesforce_opportunities.csv", "hubspot_deals.csv", "bad/opportunities.csv")
	f.Add([]byte("account_id,created_date,close_date,stage,IsWon,IsClosed\nA,3/1/2026,2026-01-01,Closed Won,1,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := NewCSVTable(bytes.NewReader(data), Options{DateOrder: MDY})
		if err != nil {
			return
		}
		defer tb.Close()
		r, err := NewOpportunityReader(tb)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("NewOpportunityReader() = %v (%T); want a *ParseError", err, err)
			}
			return
		}
		var rows [][]string
		var want []icp.Opportunity
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				checkRowError(t, row.Row, err)
				continue
			}
			o := row.Opportunity
			if (!o.Outcome.Closed() && !o.Closed.IsZero()) || (!o.Closed.IsZero() && day(o.Closed).Before(day(o.Created))) {
				t.Fatalf("opportunity %+v: closed date inconsistent with outcome or created date", o)
			}
			o.Prospect = o.Prospect.Clone()
			rows = append(rows, append([]string(nil), row.Cells...))
			want = append(want, o)
		}
		if len(rows) == 0 {
			return
		}
		tb2, err := NewCSVTable(bytes.NewReader(rewrite(t, tb.Header(), rows, tb.Delimiter())), Options{DateOrder: MDY, Delimiter: tb.Delimiter()})
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		got, rejects, err := ReadOpportunities(tb2)
		if err != nil || rejects != nil {
			t.Fatalf("reading back: %v, rejects %v", err, rejects)
		}
		if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Line" }, cmp.Ignore())); diff != "" {
			t.Fatalf("records differ after writing and reading back (-first +second):\n%s", diff)
		}
	})
}

// FuzzParseNumber: a number is an error wrapping ErrNotNumber or
// ErrNonFinite, unknown, or a finite value that reads back the same.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,200", "$1,200.50", "(1,200)", "40%", "1.200,5", "12k", "NaN", "1e400", "-0", "n/a", "€ 5", "1\u00a0200", "0.1e-3"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, dc bool) {
		n, err := ParseNumber(s, dc)
		if err != nil {
			if !errors.Is(err, ErrNotNumber) && !errors.Is(err, ErrNonFinite) {
				t.Fatalf("ParseNumber(%q) error %v wraps neither ErrNotNumber nor ErrNonFinite", s, err)
			}
			return
		}
		if !n.Known {
			if !isUnknown(strings.TrimSpace(s)) {
				t.Fatalf("ParseNumber(%q) = unknown", s)
			}
			return
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, n.Value)
		}
		text := strconv.FormatFloat(n.Value, 'g', -1, 64)
		if dc {
			text = strings.Replace(text, ".", ",", 1)
		}
		back, err := ParseNumber(text, dc)
		if err != nil || math.Float64bits(back.Value) != math.Float64bits(n.Value) {
			t.Fatalf("ParseNumber(%q) = %v; written %q reads back as %v, %v", s, n.Value, text, back.Value, err)
		}
	})
}

// FuzzParseDate: a date is an error wrapping ErrBadDate or
// ErrAmbiguousDate, unknown, or a UTC time that reads back the same.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-01", "2026-03-01T10:00:00.5+05:30", "3/1/2026 1:05 PM", "01.03.2026", "2026-02-30", "13/01/2026", "46082", "n/a"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, order uint8) {
		d, err := ParseDate(s, DateOrder(order%3))
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrAmbiguousDate) {
				t.Fatalf("ParseDate(%q) error %v wraps neither ErrBadDate nor ErrAmbiguousDate", s, err)
			}
			return
		}
		if d.IsZero() {
			return
		}
		if d.Location() != time.UTC || d.Year() < 1 || d.Year() > 9999 {
			t.Fatalf("ParseDate(%q) = %v; want a UTC time in years 1–9999", s, d)
		}
		text := d.Format(time.RFC3339Nano)
		back, err := ParseDate(text, DateAuto)
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v; written %q reads back as %v, %v", s, d, text, back, err)
		}
	})
}

// FuzzCSVRoundTrip: rows written by CSVWriter read back through Table
// cell for cell. The input is cut into rows at \x1e and cells at \x1f.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("a\x1fb\x1e1\x1f2", uint8(0), false)
	f.Add("h\x1e\x1e\"q\"\x1e\ufeffbom\x1esep=;", uint8(1), true)
	f.Add("x,y\x1fz;w\x1e\t\x1f\r\n", uint8(2), false)
	f.Fuzz(func(t *testing.T, s string, delim uint8, crlf bool) {
		d := []rune{',', ';', '\t'}[delim%3]
		var rows [][]string
		for _, line := range strings.Split(s, "\x1e") {
			rows = append(rows, strings.Split(line, "\x1f"))
		}
		width := len(rows[0])
		for i, r := range rows {
			for _, c := range r {
				if !utf8.ValidString(c) {
					return
				}
			}
			for len(r) < width {
				r = append(r, "")
			}
			rows[i] = r[:width]
		}
		var buf bytes.Buffer
		w := NewCSVWriter(&buf, d)
		w.UseCRLF = crlf
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		tb, err := NewCSVTable(bytes.NewReader(buf.Bytes()), Options{})
		if err != nil {
			t.Fatalf("NewCSVTable(%q) = %v", buf.String(), err)
		}
		got := [][]string{tb.Header()}
		for {
			row, err := tb.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("Next() on %q = %v", buf.String(), err)
			}
			got = append(got, append([]string(nil), row.Cells...))
		}
		if diff := cmp.Diff(rows, got); diff != "" {
			t.Fatalf("round trip of %q mismatch (-want +got):\n%s", buf.String(), diff)
		}
	})
}

// FuzzCSVWriterQuoting: CSVWriter quotes exactly the cells its
// documentation says, written here the plain way, one cell at a time,
// whether the row comes to Write or WriteBytes (either, by its length). The
// input is cut as in FuzzCSVRoundTrip; the delimiter is any byte.
func FuzzCSVWriterQuoting(f *testing.F) {
	f.Add("a\x1fb\x1e1\x1f2", uint8(','))
	f.Add("h\x1e\x1e\"q\"\x1e\ufeffbom\x1esep=;\x1ea,b;c", uint8(';'))
	f.Add("x,y\x1fz;w\x1e\t\x1f\r\n\x1e0123456789abcdef\"", uint8('\t'))
	f.Add("h\x1ea|b\x1fa,b,c,d,e,f,g,h", uint8('|'))
	f.Fuzz(func(t *testing.T, s string, delim uint8) {
		d := rune(delim)
		if d == 0 || d >= utf8.RuneSelf || d == '"' || d == '\r' || d == '\n' {
			return
		}
		var want strings.Builder
		var buf bytes.Buffer
		w := NewCSVWriter(&buf, d)
		sp := string(d) + "\"\n\r,;\t" // the first row's
		for i, line := range strings.Split(s, "\x1e") {
			cells := strings.Split(line, "\x1f")
			var err error
			if (i+len(line))%2 == 0 {
				err = w.Write(cells)
			} else {
				var bs [][]byte
				for _, c := range cells {
					bs = append(bs, []byte(c))
				}
				err = w.WriteBytes(bs)
			}
			if err != nil {
				t.Fatal(err)
			}
			for j, c := range cells {
				if j > 0 {
					want.WriteByte(delim)
				}
				quote := strings.ContainsAny(c, sp) || len(cells) == 1 && c == "" ||
					i == 0 && (strings.HasPrefix(c, "\ufeff") || len(c) >= 4 && strings.EqualFold(c[:4], "sep="))
				if quote {
					want.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
				} else {
					want.WriteString(c)
				}
			}
			want.WriteByte('\n')
			if i == 0 {
				sp = string(d) + "\"\n\r"
				if len(cells) == 1 {
					sp += ","
				}
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != want.String() {
			t.Fatalf("CSVWriter(%q) wrote %q; want %q", d, got, want.String())
		}
	})
}

// FuzzXLSXTable: a damaged workbook is an error, never a panic, and the
// rows of one that opens come back positioned.
func FuzzXLSXTable(f *testing.F) {
	f.Add(workbook(f, false))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := NewXLSXTable(bytes.NewReader(data), Options{})
		if err != nil {
			return
		}
		defer tb.Close()
		for range 10000 {
			row, err := tb.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *ParseError
				if errors.As(err, &pe) && pe.Line != row.Line {
					t.Fatalf("row error %v on line %d", err, row.Line)
				}
				if pe == nil {
					return
				}
			}
		}
	})
}
