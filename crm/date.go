package crm

import (
	"fmt"
	"math"
	"strings"
	"time"
)

var (
	errTwoDigitYear = fmt.Errorf("%w: two-digit year", ErrBadDate)
	errSerialCSV    = fmt.Errorf("%w: serial day numbers are read from XLSX only", ErrBadDate)
)

// ParseDate reads a date or date-time as CRM exports write it:
//
//	2026-03-01              2026-03-01T10:00:00Z     2026-03-01T10:00:00.000+0000
//	2026-03-01 10:00        2026/03/01               3/1/2026 10:00 AM
//	01/03/2026 (needs order unless unambiguous)       01.03.2026 (always day first)
//
// A time without a zone is UTC; a zone offset is applied and the result
// is in UTC. Slashed and dashed day/month dates are read in the given
// order; with DateAuto they must be unambiguous (13/01/2026, or the same
// number twice) or the error is ErrAmbiguousDate. Impossible dates
// (2026-02-30), two-digit years and years outside 1–9999 are ErrBadDate.
//
// Cells meaning unknown ("", "-", "n/a", "null", "#N/A") give the zero
// time and no error. The error, when there is one, is a *ParseError with
// only Value and Err set.
func ParseDate(s string, order DateOrder) (time.Time, error) {
	t, err := parseDate(s, order, false, false)
	if err != nil {
		return time.Time{}, &ParseError{Value: s, Err: err}
	}
	return t, nil
}

// parseDate is ParseDate; xlsx also accepts Excel serial day numbers in
// the 1900 or, with date1904, the 1904 date system.
func parseDate(s string, order DateOrder, xlsx, date1904 bool) (time.Time, error) {
	s = trim(s)
	if t, ok := isoDay(s); ok {
		return t, nil
	}
	if isUnknown(s) {
		return time.Time{}, nil
	}
	if isSerial(s) {
		if !xlsx {
			return time.Time{}, errSerialCSV
		}
		return serialDate(s, date1904)
	}
	p := dateScanner{s: s}
	var y, m, d int
	switch {
	case len(s) >= 5 && isDigits(s[:4]) && (s[4] == '-' || s[4] == '/' || s[4] == '.'):
		sep := s[4]
		y, _ = p.num(4, 4)
		p.i++
		lo := 1
		if sep == '-' {
			lo = 2 // ISO 8601 pads month and day
		}
		var okM, okD bool
		m, okM = p.num(lo, 2)
		okSep := p.sep(sep)
		d, okD = p.num(lo, 2)
		if !okM || !okSep || !okD {
			return time.Time{}, ErrBadDate
		}
	default:
		a, ok := p.num(1, 2)
		if !ok || p.i >= len(s) {
			return time.Time{}, ErrBadDate
		}
		sep := s[p.i]
		if sep != '/' && sep != '-' && sep != '.' {
			return time.Time{}, ErrBadDate
		}
		p.i++
		b, ok := p.num(1, 2)
		if !ok || !p.sep(sep) {
			return time.Time{}, ErrBadDate
		}
		start := p.i
		y, ok = p.num(1, 4)
		if !ok {
			return time.Time{}, ErrBadDate
		}
		switch p.i - start {
		case 4:
		case 2:
			return time.Time{}, errTwoDigitYear
		default:
			return time.Time{}, ErrBadDate
		}
		switch {
		case sep == '.' || order == DMY:
			d, m = a, b
		case order == MDY:
			m, d = a, b
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12, a == b:
			m, d = a, b
		case a <= 12 && b <= 12:
			return time.Time{}, ErrAmbiguousDate
		default:
			return time.Time{}, ErrBadDate
		}
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) || y < 1 {
		return time.Time{}, ErrBadDate
	}
	var hh, mm, ss, ns, offset int
	if p.i < len(s) {
		switch s[p.i] {
		case 'T', ' ':
			p.i++
		case ',':
			p.i++
			if !p.sep(' ') {
				return time.Time{}, ErrBadDate
			}
		default:
			return time.Time{}, ErrBadDate
		}
		p.spaces()
		var err error
		if hh, mm, ss, ns, offset, err = p.clock(); err != nil {
			return time.Time{}, err
		}
	}
	t := time.Date(y, time.Month(m), d, hh, mm, ss, ns, time.UTC).Add(-time.Duration(offset) * time.Second)
	if yy := t.Year(); yy < 1 || yy > 9999 {
		return time.Time{}, ErrBadDate
	}
	return t, nil
}

// isoDay is the fast path for the commonest cell, a valid "YYYY-MM-DD".
func isoDay(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	d0, d1, d2, d3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, a0, a1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if (d0|d1|d2|d3|m0|m1|a0|a1) > 9 && (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || m0 > 9 || m1 > 9 || a0 > 9 || a1 > 9) {
		return time.Time{}, false
	}
	y := int(d0)*1000 + int(d1)*100 + int(d2)*10 + int(d3)
	m := int(m0)*10 + int(m1)
	d := int(a0)*10 + int(a1)
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return time.Time{}, false
	}
	return utcDate(y, m, d, 0), true
}

// utcDate returns the UTC time sec seconds after midnight of a valid
// proleptic Gregorian date; cheaper than time.Date, which normalizes and
// consults the location.
func utcDate(y, m, d int, sec int64) time.Time {
	// Days from civil, H. Hinnant, "chrono-Compatible Low-Level Date
	// Algorithms".
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 0 here: years start at 1
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era)*146097 + int64(doe) - 719468
	return time.Unix(days*86400+sec, 0).UTC()
}

type dateScanner struct {
	s string
	i int
}

// num reads between min and max digits.
func (p *dateScanner) num(min, max int) (int, bool) {
	v, n := 0, 0
	for p.i < len(p.s) && n < max {
		c := p.s[p.i]
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + int(c-'0')
		p.i++
		n++
	}
	return v, n >= min
}

func (p *dateScanner) sep(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *dateScanner) spaces() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// clock reads hh:mm[:ss[.fff]][ AM|PM][ zone] to the end of the string;
// offset is the zone's offset east of UTC in seconds.
func (p *dateScanner) clock() (hh, mm, ss, ns, offset int, err error) {
	var ok bool
	if hh, ok = p.num(1, 2); !ok || !p.sep(':') {
		return 0, 0, 0, 0, 0, ErrBadDate
	}
	if mm, ok = p.num(2, 2); !ok {
		return 0, 0, 0, 0, 0, ErrBadDate
	}
	if p.sep(':') {
		if ss, ok = p.num(2, 2); !ok {
			return 0, 0, 0, 0, 0, ErrBadDate
		}
		if p.sep('.') || p.sep(',') {
			start := p.i
			frac, ok := p.num(1, 9)
			if !ok {
				return 0, 0, 0, 0, 0, ErrBadDate
			}
			for n := p.i - start; n < 9; n++ {
				frac *= 10
			}
			ns = frac
		}
	}
	p.spaces()
	if rest := p.s[p.i:]; len(rest) >= 2 {
		am, pm := strings.EqualFold(rest[:2], "am"), strings.EqualFold(rest[:2], "pm")
		if am || pm {
			if hh < 1 || hh > 12 {
				return 0, 0, 0, 0, 0, ErrBadDate
			}
			hh %= 12
			if pm {
				hh += 12
			}
			p.i += 2
			p.spaces()
		}
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return 0, 0, 0, 0, 0, ErrBadDate
	}
	switch rest := p.s[p.i:]; {
	case rest == "", rest == "Z", rest == "z", strings.EqualFold(rest, "UTC"), strings.EqualFold(rest, "GMT"):
		return hh, mm, ss, ns, 0, nil
	case rest[0] == '+' || rest[0] == '-':
		sign := 1
		if rest[0] == '-' {
			sign = -1
		}
		p.i++
		oh, ok := p.num(2, 2)
		if !ok {
			return 0, 0, 0, 0, 0, ErrBadDate
		}
		om := 0
		if p.i < len(p.s) {
			p.sep(':')
			if om, ok = p.num(2, 2); !ok {
				return 0, 0, 0, 0, 0, ErrBadDate
			}
		}
		if p.i != len(p.s) || oh > 23 || om > 59 {
			return 0, 0, 0, 0, 0, ErrBadDate
		}
		return hh, mm, ss, ns, sign * (oh*3600 + om*60), nil
	}
	return 0, 0, 0, 0, 0, ErrBadDate
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// isSerial reports whether s looks like a spreadsheet serial day number:
// digits with at most one decimal point.
func isSerial(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c < '0' || c > '9':
			return false
		}
	}
	return len(s) > 0 && s != "."
}

// Excel serial day limits: 1 is 1900-01-01, 2958465 is 9999-12-31.
const maxSerial = 2958466

var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// serialDate converts an Excel serial day number. In the 1900 system
// Excel counts a February 29, 1900 that did not exist (serial 60), so
// serials below 60 start one day later.
func serialDate(s string, date1904 bool) (time.Time, error) {
	v, err := parseDigits(s, false, 0)
	if err != nil || v < 0 || v >= maxSerial || (!date1904 && v < 1) {
		return time.Time{}, ErrBadDate
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	base := epoch1904
	if !date1904 {
		switch {
		case days == 60:
			return time.Time{}, fmt.Errorf("%w: Excel's day 60 (February 29, 1900) did not exist", ErrBadDate)
		case days < 60:
			base = epoch1900.AddDate(0, 0, 1)
		default:
			base = epoch1900
		}
	}
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if t.Year() > 9999 {
		return time.Time{}, ErrBadDate
	}
	return t, nil
}
