package report

import (
	"math"
	"strconv"
	"strings"
)

// Number formatting for sentences (findings, chart labels). Cells carry
// numbers with an Excel format instead.

// fmtInt writes n with thousands separators: 1,234,567.
func fmtInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// fmtPct writes a share as a percentage with one decimal: 0.3125 → "31.3%".
func fmtPct(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// fmtPctRange writes an interval: "22.1–28.3%".
func fmtPctRange(lo, hi float64) string {
	return strconv.FormatFloat(lo*100, 'f', 1, 64) + "–" + fmtPct(hi)
}

// currencySymbols are written before an amount; other currencies follow it.
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

// fmtMoney writes a whole amount in the model's currency: "$1,234,567",
// "1,234,567 CHF", or the bare number when the currency is unknown.
func fmtMoney(v float64, currency string) string {
	s := fmtInt(int(math.Round(v)))
	if sym, ok := currencySymbols[strings.ToUpper(currency)]; ok {
		if strings.HasPrefix(s, "-") {
			return "-" + sym + s[1:]
		}
		return sym + s
	}
	if currency != "" {
		return s + " " + currency
	}
	return s
}

// fmtShortMoney writes an amount for a chart label: "$1.2M", "$350k".
func fmtShortMoney(v float64, currency string) string {
	var s string
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		s = strconv.FormatFloat(v/1e9, 'f', 1, 64) + "B"
	case a >= 1e6:
		s = strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case a >= 1e3:
		s = strconv.FormatFloat(v/1e3, 'f', 0, 64) + "k"
	default:
		s = strconv.FormatFloat(v, 'f', 0, 64)
	}
	if sym, ok := currencySymbols[strings.ToUpper(currency)]; ok {
		return sym + s
	}
	if currency != "" {
		return s + " " + currency
	}
	return s
}
