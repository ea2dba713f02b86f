package crm

import (
	"errors"
	"testing"
	"time"
)

func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		order DateOrder
		want  time.Time
	}{
		{"iso date", "2026-03-01", DateAuto, utc(2026, 3, 1, 0, 0, 0)},
		{"iso utc", "2026-03-01T10:00:00Z", DateAuto, utc(2026, 3, 1, 10, 0, 0)},
		{"iso offset", "2026-03-01T10:00:00+02:00", DateAuto, utc(2026, 3, 1, 8, 0, 0)},
		{"salesforce", "2024-01-15T09:30:00.000+0000", DateAuto, utc(2024, 1, 15, 9, 30, 0)},
		{"negative offset crosses midnight", "2026-03-01T22:30:00-05", DateAuto, utc(2026, 3, 2, 3, 30, 0)},
		{"fraction", "2026-03-01T10:00:00.123456789Z", DateAuto, time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.UTC)},
		{"hubspot", "2026-03-01 10:00", DateAuto, utc(2026, 3, 1, 10, 0, 0)},
		{"space utc", "2026-03-01 10:00:05 UTC", DateAuto, utc(2026, 3, 1, 10, 0, 5)},
		{"slashed iso", "2026/03/01", DateAuto, utc(2026, 3, 1, 0, 0, 0)},
		{"us with order", "3/1/2026", MDY, utc(2026, 3, 1, 0, 0, 0)},
		{"eu with order", "01/03/2026", DMY, utc(2026, 3, 1, 0, 0, 0)},
		{"day first unambiguous", "13/01/2026", DateAuto, utc(2026, 1, 13, 0, 0, 0)},
		{"month first unambiguous", "01/13/2026", DateAuto, utc(2026, 1, 13, 0, 0, 0)},
		{"same number twice", "05/05/2026", DateAuto, utc(2026, 5, 5, 0, 0, 0)},
		{"dotted is day first", "01.03.2026", DateAuto, utc(2026, 3, 1, 0, 0, 0)},
		{"dashed with order", "03-01-2026", MDY, utc(2026, 3, 1, 0, 0, 0)},
		{"us time pm", "3/1/2026 1:05 PM", MDY, utc(2026, 3, 1, 13, 5, 0)},
		{"us time 12 am", "3/1/2026 12:00 am", MDY, utc(2026, 3, 1, 0, 0, 0)},
		{"us comma time", "3/1/2026, 10:00 AM", MDY, utc(2026, 3, 1, 10, 0, 0)},
		{"leap day", "2024-02-29", DateAuto, utc(2024, 2, 29, 0, 0, 0)},
		{"unknown", "", DateAuto, time.Time{}},
		{"n/a", "n/a", DateAuto, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.order)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q, %v) = %v, %v; want %v", tt.in, tt.order, got, err, tt.want)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		order DateOrder
		want  error
		msg   string
	}{
		{"impossible day", "2026-02-30", DateAuto, ErrBadDate, `"2026-02-30" is not a date`},
		{"not a leap year", "2025-02-29", DateAuto, ErrBadDate, `"2025-02-29" is not a date`},
		{"month 13", "2026-13-01", DateAuto, ErrBadDate, `"2026-13-01" is not a date`},
		{"unpadded iso", "2026-3-1", DateAuto, ErrBadDate, `"2026-3-1" is not a date`},
		{"ambiguous", "01/03/2026", DateAuto, ErrAmbiguousDate, `"01/03/2026" is ambiguous: day/month or month/day; set Options.DateOrder`},
		{"wrong order", "13/01/2026", MDY, ErrBadDate, `"13/01/2026" is not a date`},
		{"two-digit year", "3/1/26", MDY, ErrBadDate, `"3/1/26" is not a date: two-digit year`},
		{"hour 24", "2026-03-01 24:00", DateAuto, ErrBadDate, `"2026-03-01 24:00" is not a date`},
		{"pm 13", "3/1/2026 13:00 PM", MDY, ErrBadDate, `"3/1/2026 13:00 PM" is not a date`},
		{"trailing junk", "2026-03-01x", DateAuto, ErrBadDate, `"2026-03-01x" is not a date`},
		{"words", "yesterday", DateAuto, ErrBadDate, `"yesterday" is not a date`},
		{"serial in csv", "46082", DateAuto, ErrBadDate, `"46082" is not a date: serial day numbers are read from XLSX only`},
		{"year zero", "0000-01-01", DateAuto, ErrBadDate, `"0000-01-01" is not a date`},
		{"past 9999 after offset", "9999-12-31T23:00:00-02:00", DateAuto, ErrBadDate, `"9999-12-31T23:00:00-02:00" is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.order)
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("ParseDate(%q, %v) = %v, %v; want error %q", tt.in, tt.order, got, err, tt.msg)
			}
		})
	}
}

func TestSerialDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     time.Time
		wantErr  bool
	}{
		// Reference values: Excel's DATE(y,m,d) in a 1900-system workbook.
		{"1", false, utc(1900, 1, 1, 0, 0, 0), false},
		{"59", false, utc(1900, 2, 28, 0, 0, 0), false},
		{"60", false, time.Time{}, true}, // Excel's fictitious 1900-02-29
		{"61", false, utc(1900, 3, 1, 0, 0, 0), false},
		{"46082", false, utc(2026, 3, 1, 0, 0, 0), false},
		{"46082.5", false, utc(2026, 3, 1, 12, 0, 0), false},
		{"2958465", false, utc(9999, 12, 31, 0, 0, 0), false},
		{"2958466", false, time.Time{}, true},
		{"0", false, time.Time{}, true},
		{"0", true, utc(1904, 1, 1, 0, 0, 0), false},
		{"44620", true, utc(2026, 3, 1, 0, 0, 0), false}, // 46082 - 1462
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, DateAuto, true, tt.date1904)
		if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q, xlsx, date1904=%v) = %v, %v; want %v, error %v", tt.in, tt.date1904, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestUTCDate(t *testing.T) {
	for y := 1; y <= 9999; y += 7 {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 15, daysIn(m, y)} {
				want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
				if got := utcDate(y, m, d, 0); !got.Equal(want) || got != want {
					t.Fatalf("utcDate(%d, %d, %d) = %v; want %v", y, m, d, got, want)
				}
			}
		}
	}
}
