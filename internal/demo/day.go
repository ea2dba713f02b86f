package demo

import "time"

// day is a UTC calendar day, counted from 1970-01-01. The generator works
// in days: deals open and close on dates, not instants.
type day int32

const secondsPerDay = 24 * 60 * 60

// dayOf returns the UTC calendar day t falls on.
func dayOf(t time.Time) day {
	s := t.Unix()
	d := s / secondsPerDay
	if s < 0 && s%secondsPerDay != 0 {
		d--
	}
	return day(d)
}

// time returns midnight UTC of d.
func (d day) time() time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// civil returns the year, month and day of d (H. Hinnant's
// days_from_civil inverse, exact for the proleptic Gregorian calendar).
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// appendDate appends d as YYYY-MM-DD.
func appendDate(b []byte, d day) []byte {
	y, m, dd := d.civil()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+dd/10), byte('0'+dd%10))
}

// quarterStart returns the first day of the calendar quarter d falls in.
func quarterStart(d day) day {
	y, m, _ := d.civil()
	q := (m-1)/3*3 + 1
	return dayOf(time.Date(y, time.Month(q), 1, 0, 0, 0, 0, time.UTC))
}
