package crm

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// roundTripRows are rows a CSV or XLSX writer must give back unchanged.
var roundTripRows = [][]string{
	{"account_id", "name", "employees", "note", "icp_score"},
	{"0012", "Acme, Inc.", "1200", `says "hi"`, "87.5"},
	{"0013", "semi;colon", "", "two\nlines", "0.1"},
	{"0014", "tab\there", "-3", "crlf\r\ninside", "1e5"},
	{"0015", " spaced ", "$1,200", "\ufeffbom", "-0"},
	{"0016", "sep=;", "00123", "", "12345678901234567"},
}

func TestCSVWriterRoundTrip(t *testing.T) {
	for _, d := range []rune{',', ';', '\t'} {
		for _, crlf := range []bool{false, true} {
			var buf bytes.Buffer
			w := NewCSVWriter(&buf, d)
			w.UseCRLF = crlf
			for _, r := range roundTripRows {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tb, err := NewCSVTable(&buf, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := [][]string{tb.Header()}
			rows, errs := readAll(t, tb)
			for _, r := range rows {
				got = append(got, r.Cells)
			}
			if diff := cmp.Diff(roundTripRows, got); diff != "" || errs != nil || tb.Delimiter() != d {
				t.Errorf("delimiter %q crlf %v: round trip mismatch (-want +got):\n%s\nerrors %v, delimiter %q", d, crlf, diff, errs, tb.Delimiter())
			}
		}
	}
}

func TestCSVWriterOutput(t *testing.T) {
	tests := []struct {
		name  string
		delim rune
		rows  [][]string
		want  string
	}{
		{"plain", ',', [][]string{{"a", "b"}, {"1", "2"}}, "a,b\n1,2\n"},
		{"quotes", ',', [][]string{{`x"y`, "a,b", "c;d"}}, "\"x\"\"y\",\"a,b\",\"c;d\"\n"},
		{"single empty cell", ';', [][]string{{"h"}, {""}}, "h\n\"\"\n"},
		{"semicolon", ';', [][]string{{"a", "1,5"}}, "a;\"1,5\"\n"},
		{"other delimiters quoted in the header only", ',', [][]string{{"a;b", "c"}, {"x;y", "1\t2"}}, "\"a;b\",c\nx;y,1\t2\n"},
		{"single column reads as comma-separated", ';', [][]string{{"h"}, {"a,b"}, {"c;d"}}, "h\n\"a,b\"\n\"c;d\"\n"},
		{"bom and sep= only matter first", ',', [][]string{{"sep=x"}, {"sep=y"}}, "\"sep=x\"\nsep=y\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewCSVWriter(&buf, tt.delim)
			for _, r := range tt.rows {
				w.Write(r)
			}
			if err := w.Close(); err != nil || buf.String() != tt.want {
				t.Errorf("CSVWriter wrote %q, %v; want %q", buf.String(), err, tt.want)
			}
		})
	}
	if err := NewCSVWriter(&bytes.Buffer{}, '"').Write([]string{"a"}); err == nil {
		t.Errorf(`NewCSVWriter('"').Write() = nil; want an error`)
	}
	if err := NewCSVWriter(&bytes.Buffer{}, ',').Write(nil); err == nil {
		t.Errorf("Write(nil) = nil; want an error")
	}
}

func TestXLSXWriterRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewXLSXWriter(&buf, "Scored")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roundTripRows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close() = %v; want nil", err)
	}
	if err := w.Write([]string{"x"}); err == nil {
		t.Errorf("Write() after Close = nil; want an error")
	}
	tb, err := NewXLSXTable(&buf, Options{Sheet: "Scored"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	got := [][]string{tb.Header()}
	rows, errs := readAll(t, tb)
	for _, r := range rows {
		got = append(got, r.Cells)
	}
	if diff := cmp.Diff(roundTripRows, got); diff != "" || errs != nil {
		t.Errorf("round trip mismatch (-want +got):\n%s\nerrors %v", diff, errs)
	}
}

func TestCanonicalNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1200", true}, {"-3.5", true}, {"0.42", true}, {"0", true},
		{"00123", false}, {"+1", false}, {"1e5", false}, {"1.50", false}, {"-0", false},
		{"$1", false}, {"", false}, {"1234567890123456", false}, {".5", false},
	}
	for _, tt := range tests {
		if _, got := canonicalNumber(tt.in); got != tt.want {
			t.Errorf("canonicalNumber(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestRejectsWriter(t *testing.T) {
	in := "account_id,employees,line\nA1,10,x\nA2,12k,y\nA3,1,2,3\nA4,5\n"
	tb, _ := NewCSVTable(strings.NewReader(in), Options{File: "a.csv"})
	_, rejects, err := ReadAccounts(tb)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rw := NewRejectsWriter(NewCSVWriter(&buf, ','), tb.Header())
	for _, r := range rejects {
		if err := rw.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	want := "account_id,employees,line,reject_line,reason\n" +
		"A2,12k,y,3,\"a.csv:3:2: field \"\"employees\"\": \"\"12k\"\" is not a number\"\n" +
		"A3,1,2,4,\"a.csv:4: ragged row: 4 cells, header has 3\",3\n" +
		"A4,5,,5,\"a.csv:5: ragged row: 2 cells, header has 3\"\n"
	if got := buf.String(); got != want {
		t.Errorf("RejectsWriter wrote\n%s\nwant\n%s", got, want)
	}

	// With no rejects the file still has its header, and it reads back.
	buf.Reset()
	rw = NewRejectsWriter(NewCSVWriter(&buf, ';'), []string{"a", "b"})
	if err := rw.Close(); err != nil || buf.String() != "a;b;line;reason\n" {
		t.Errorf("empty RejectsWriter wrote %q, %v", buf.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterErrors(t *testing.T) {
	w := NewCSVWriter(failWriter{}, ',')
	w.Write([]string{strings.Repeat("x", 70<<10)})
	if err := w.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("CSVWriter.Close() on a failing writer = %v; want disk full", err)
	}
	long, _ := NewXLSXWriter(&bytes.Buffer{}, "")
	if err := long.Write([]string{strings.Repeat("é", 32768)}); !errors.Is(err, ErrCellTooLong) {
		t.Errorf("XLSXWriter.Write(long cell) = %v; want ErrCellTooLong", err)
	}
	if err := long.Close(); !errors.Is(err, ErrCellTooLong) {
		t.Errorf("XLSXWriter.Close() after a failed Write = %v; want the Write error", err)
	}
	x, _ := NewXLSXWriter(failWriter{}, "")
	x.Write([]string{"a"})
	if err := x.Close(); err == nil {
		t.Errorf("XLSXWriter.Close() on a failing writer = nil; want an error")
	}
}
