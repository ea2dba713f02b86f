package crm

import (
	"errors"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		dc   bool
		want icp.Number
	}{
		{"integer", "1200", false, icp.Num(1200)},
		{"thousands comma", "1,200", false, icp.Num(1200)},
		{"millions comma", "12,500,000", false, icp.Num(12500000)},
		{"decimals", "1,200.50", false, icp.Num(1200.5)},
		{"dot is decimal without flag", "1.200", false, icp.Num(1.2)},
		{"dot groups with flag", "1.200", true, icp.Num(1200)},
		{"european", "1.200.000,75", true, icp.Num(1200000.75)},
		{"comma is decimal with flag", "1,5", true, icp.Num(1.5)},
		{"space groups", "1 200 000", false, icp.Num(1200000)},
		{"no-break space groups", "1\u00a0200", false, icp.Num(1200)},
		{"narrow no-break space groups", "1\u202f200,5", true, icp.Num(1200.5)},
		{"apostrophe groups", "1'200", false, icp.Num(1200)},
		{"dollar", "$1,200", false, icp.Num(1200)},
		{"euro suffix", "1.200 €", true, icp.Num(1200)},
		{"euro prefix", "€4,200,000", false, icp.Num(4200000)},
		{"pound", "£99.99", false, icp.Num(99.99)},
		{"code prefix", "USD 1,200", false, icp.Num(1200)},
		{"code suffix", "1200 EUR", false, icp.Num(1200)},
		{"code lower case", "usd1200", false, icp.Num(1200)},
		{"US$", "US$5", false, icp.Num(5)},
		{"negative", "-42", false, icp.Num(-42)},
		{"unicode minus", "−42", false, icp.Num(-42)},
		{"plus", "+42", false, icp.Num(42)},
		{"parentheses", "(1,200)", false, icp.Num(-1200)},
		{"parentheses with currency", "($1,200.00)", false, icp.Num(-1200)},
		{"currency then parentheses", "$(1,200)", false, icp.Num(-1200)},
		{"sign before currency", "-$1,200", false, icp.Num(-1200)},
		{"sign after currency", "$-1,200", false, icp.Num(-1200)},
		{"percent", "40%", false, icp.Num(0.4)},
		{"percent with space", "72 %", false, icp.Num(0.72)},
		{"fraction", "0.4", false, icp.Num(0.4)},
		{"leading dot", ".5", false, icp.Num(0.5)},
		{"trailing dot", "5.", false, icp.Num(5)},
		{"exponent", "1.5e6", false, icp.Num(1.5e6)},
		{"excel exponent", "1.2E+07", false, icp.Num(1.2e7)},
		{"surrounding space", "  17 ", false, icp.Num(17)},
		{"zero", "0", false, icp.Num(0)},
		{"long mantissa", "12345678901234567890123", false, icp.Num(12345678901234567890123)},
		{"tiny", "0.000000000000000000000000001", false, icp.Num(1e-27)},
		{"underflow", "1e-400", false, icp.Num(0)},
		{"empty", "", false, icp.Number{}},
		{"blank", "   ", false, icp.Number{}},
		{"dash", "-", false, icp.Number{}},
		{"n/a", "n/a", false, icp.Number{}},
		{"N/A", "N/A", false, icp.Number{}},
		{"null", "NULL", false, icp.Number{}},
		{"excel #N/A", "#N/A", false, icp.Number{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in, tt.dc)
			if err != nil || got != tt.want {
				t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, nil", tt.in, tt.dc, got, err, tt.want)
			}
		})
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		dc   bool
		want error
		msg  string
	}{
		{"suffix k", "12k", false, ErrNotNumber, `"12k" is not a number`},
		{"word", "many", false, ErrNotNumber, `"many" is not a number`},
		{"bad grouping", "1,20", false, ErrNotNumber, `"1,20" is not a number`},
		{"group too long", "1,2000", false, ErrNotNumber, `"1,2000" is not a number`},
		{"first group too long", "1234,567", false, ErrNotNumber, `"1234,567" is not a number`},
		{"dot groups need flag", "1.200.000", false, ErrNotNumber, `"1.200.000" is not a number`},
		{"single dot with flag", "1.5", true, ErrNotNumber, `"1.5" is not a number`},
		{"mixed separators", "1,200 300", false, ErrNotNumber, `"1,200 300" is not a number`},
		{"two signs", "(-5)", false, ErrNotNumber, `"(-5)" is not a number`},
		{"double minus", "--5", false, ErrNotNumber, `"--5" is not a number`},
		{"currency only", "USD", false, ErrNotNumber, `"USD" is not a number`},
		{"percent only", "%", false, ErrNotNumber, `"%" is not a number`},
		{"currency and percent", "$5%", false, ErrNotNumber, `"$5%" is not a number`},
		{"grouped exponent", "1,000e5", false, ErrNotNumber, `"1,000e5" is not a number`},
		{"bare exponent", "1e", false, ErrNotNumber, `"1e" is not a number`},
		{"hex", "0x10", false, ErrNotNumber, `"0x10" is not a number`},
		{"nan", "NaN", false, ErrNonFinite, `"NaN" is not finite`},
		{"inf", "-Inf", false, ErrNonFinite, `"-Inf" is not finite`},
		{"infinity", "infinity", false, ErrNonFinite, `"infinity" is not finite`},
		{"overflow", "1e400", false, ErrNonFinite, `"1e400" is not finite`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in, tt.dc)
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("ParseNumber(%q, %v) = %v, %v; want error %q", tt.in, tt.dc, got, err, tt.msg)
			}
		})
	}
}
