package crm

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/icpkit/icpkit/icp"
)

// ParseNumber reads a number as CRM exports and spreadsheets write it:
//
//	1200   1,200   1 200   1,200.50   $1,200   1,200 USD   €1.200,50 (decimalComma)
//	-1200  (1,200) (negative, accounting style)   1.5e6   40% (0.4)
//
// Thousands separators (',' or, with decimalComma, '.'; also space,
// no-break space and ”') must group digits by three. One currency
// symbol ($ € £ ¥ ₹, US$, C$, A$, R$) or ISO code (USD, EUR, …) may come
// before or after the digits; a trailing % divides by 100. Letters,
// suffixes like "12k" and misplaced separators are ErrNotNumber; NaN,
// Inf and overflowing values are ErrNonFinite.
//
// The cells "", "-", "n/a", "null" and "#N/A" (any case, surrounding
// space ignored) mean unknown: ParseNumber returns a Number with Known
// false and no error. The error, when there is one, is a *ParseError
// with only Value and Err set.
func ParseNumber(s string, decimalComma bool) (icp.Number, error) {
	v, known, _, err := parseNum(s, decimalComma)
	if err != nil {
		return icp.Number{}, &ParseError{Value: s, Err: err}
	}
	if !known {
		return icp.Number{}, nil
	}
	return icp.Num(v), nil
}

// isUnknown reports whether the trimmed cell s means "not known".
func isUnknown(s string) bool { return len(s) <= 4 && isUnknownShort(s) }

func isUnknownShort(s string) bool {
	switch len(s) {
	case 0:
		return true
	case 1:
		return s[0] == '-'
	case 3:
		return strings.EqualFold(s, "n/a")
	case 4:
		return strings.EqualFold(s, "null") || strings.EqualFold(s, "#n/a")
	}
	return false
}

// parseNum is ParseNumber without the wrapping; pct reports a trailing %,
// already applied to v.
func parseNum(s string, dc bool) (v float64, known, pct bool, err error) {
	if v, ok := plainInt(s); ok {
		return v, true, false, nil
	}
	s = trim(s)
	if isUnknown(s) {
		return 0, false, false, nil
	}
	neg := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg = true
		s = trim(s[1 : len(s)-1])
	}
	var sign int
	if s, sign = cutSign(s); sign < 0 {
		if neg {
			return 0, false, false, ErrNotNumber
		}
		neg = true
	}
	rest, cur := cutCurrencyPrefix(s)
	if cur {
		s = trim(rest)
		if sign == 0 && !neg {
			if s, sign = cutSign(s); sign < 0 {
				neg = true
			} else if sign == 0 && len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
				neg = true
				s = trim(s[1 : len(s)-1])
			}
		}
	} else if rest, cur = cutCurrencySuffix(s); cur {
		s = trim(rest)
	} else if n := len(s); n > 0 && s[n-1] == '%' {
		pct = true
		s = trim(s[:n-1])
	}
	shift := 0
	if pct {
		shift = -2
	}
	v, err = parseDigits(s, dc, shift)
	if err != nil {
		return 0, false, false, err
	}
	if neg {
		v = -v
	}
	return v, true, pct, nil
}

// plainInt is the fast path for the commonest cell, up to 15 digits
// and nothing else.
func plainInt(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		v = v*10 + uint64(c)
	}
	return float64(v), true
}

// cutSign removes a leading '+', '-' or '−' (U+2212).
func cutSign(s string) (string, int) {
	switch {
	case strings.HasPrefix(s, "-"):
		return trim(s[1:]), -1
	case strings.HasPrefix(s, "+"):
		return trim(s[1:]), 1
	case strings.HasPrefix(s, "−"):
		return trim(s[len("−"):]), -1
	}
	return s, 0
}

var currencySymbols = [...]string{"US$", "C$", "A$", "R$", "$", "€", "£", "¥", "₹"}

var currencyCodes = [...]string{
	"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "NZD", "CHF",
	"SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ZAR", "SGD",
	"HKD", "KRW", "ILS", "AED", "SAR", "TRY",
}

func cutCurrencyPrefix(s string) (string, bool) {
	if len(s) == 0 || !(s[0] == '$' || s[0] >= utf8.RuneSelf || isLetter(s[0])) {
		return s, false
	}
	if s[0] == '$' {
		return s[1:], true
	}
	for _, sym := range currencySymbols {
		if strings.HasPrefix(s, sym) {
			return s[len(sym):], true
		}
	}
	if len(s) >= 3 {
		for _, code := range currencyCodes {
			if strings.EqualFold(s[:3], code) {
				return s[3:], true
			}
		}
	}
	return s, false
}

func cutCurrencySuffix(s string) (string, bool) {
	if n := len(s); n == 0 || !(s[n-1] == '$' || s[n-1] >= utf8.RuneSelf || isLetter(s[n-1])) {
		return s, false
	}
	for _, sym := range currencySymbols {
		if strings.HasSuffix(s, sym) {
			return s[:len(s)-len(sym)], true
		}
	}
	if n := len(s); n >= 3 {
		for _, code := range currencyCodes {
			if strings.EqualFold(s[n-3:], code) {
				return s[:n-3], true
			}
		}
	}
	return s, false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// maxExponent caps a written exponent; anything larger overflows anyway.
const maxExponent = 100000

// parseDigits reads the digits of a number (no sign, no currency) with
// thousands grouping, scaled by 10^shift. It does not allocate unless the
// value needs more than the float64 fast path (over 2^53 in the mantissa
// or beyond 10^±22), when it falls back to strconv.
func parseDigits(s string, dc bool, shift int) (float64, error) {
	dec, grp := byte('.'), byte(',')
	if dc {
		dec, grp = ',', '.'
	}
	var (
		mant      uint64
		nd        int // significant digits in mant
		exp       = shift
		trunc     bool // digits beyond mant's 19
		sawDigit  bool
		sawDot    bool
		intDigits int
		groupSep  string // separator in use, "" before the first
		groupLen  = -1   // digits since the last separator; -1 before the first
	)
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			sawDigit = true
			if !sawDot {
				intDigits++
				if groupLen >= 0 {
					groupLen++
				}
			}
			switch {
			case mant == 0 && c == '0':
				if sawDot {
					exp--
				}
			case nd < 19:
				mant = mant*10 + uint64(c-'0')
				nd++
				if sawDot {
					exp--
				}
			default:
				if !sawDot {
					exp++
				}
				trunc = true
			}
			i++
		case c == dec:
			if sawDot || (groupLen >= 0 && groupLen != 3) {
				return 0, ErrNotNumber
			}
			sawDot = true
			i++
		case c == 'e' || c == 'E':
			if !sawDigit || groupSep != "" {
				return 0, ErrNotNumber
			}
			e, err := parseExponent(s[i+1:])
			if err != nil {
				return 0, err
			}
			exp += e
			i = len(s)
		default:
			n := groupSeparator(s[i:], grp)
			if n == 0 || sawDot {
				if isNonFiniteWord(s) {
					return 0, ErrNonFinite
				}
				return 0, ErrNotNumber
			}
			sep := s[i : i+n]
			if groupSep != "" && sep != groupSep {
				return 0, ErrNotNumber
			}
			if groupLen < 0 {
				if intDigits == 0 || intDigits > 3 {
					return 0, ErrNotNumber
				}
			} else if groupLen != 3 {
				return 0, ErrNotNumber
			}
			groupSep, groupLen = sep, 0
			i += n
		}
	}
	if !sawDigit || (!sawDot && groupLen >= 0 && groupLen != 3) {
		return 0, ErrNotNumber
	}
	if mant == 0 {
		return 0, nil
	}
	if !trunc && mant <= 1<<53 && -22 <= exp && exp <= 22 {
		f := float64(mant)
		if exp < 0 {
			return f / pow10[-exp], nil
		}
		return f * pow10[exp], nil
	}
	return parseSlow(s, dec, shift)
}

// groupSeparator returns the length of the thousands separator at the
// start of s, or 0.
func groupSeparator(s string, grp byte) int {
	switch {
	case s[0] == grp || s[0] == ' ' || s[0] == '\'':
		return 1
	case strings.HasPrefix(s, "\u00a0"): // no-break space
		return 2
	case strings.HasPrefix(s, "\u202f"), strings.HasPrefix(s, "\u2009"): // narrow no-break, thin space
		return 3
	}
	return 0
}

func parseExponent(s string) (int, error) {
	neg := false
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 {
		return 0, ErrNotNumber
	}
	e := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, ErrNotNumber
		}
		if e < maxExponent {
			e = e*10 + int(c-'0')
		}
	}
	if neg {
		e = -e
	}
	return e, nil
}

func isNonFiniteWord(s string) bool {
	return strings.EqualFold(s, "nan") || strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity")
}

// parseSlow rebuilds s as a plain Go float literal and hands it to
// strconv. s has already been validated by parseDigits.
func parseSlow(s string, dec byte, shift int) (float64, error) {
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', c == '+', c == '-':
			b = append(b, c)
		case c == 'e' || c == 'E':
			b = append(b, 'e')
		case c == dec:
			b = append(b, '.')
		}
	}
	// Fold the shift into the exponent.
	if shift != 0 {
		mantissa, e := string(b), 0
		if k := strings.IndexByte(mantissa, 'e'); k >= 0 {
			x, err := parseExponent(mantissa[k+1:])
			if err != nil {
				return 0, ErrNotNumber
			}
			mantissa, e = mantissa[:k], x
		}
		b = strconv.AppendInt(append([]byte(mantissa), 'e'), int64(e+shift), 10)
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && f == 0 {
			return 0, nil // underflow to zero
		}
		return 0, ErrNonFinite
	}
	return f, nil
}
