package crm

import "github.com/icpkit/icpkit/icp"

// DefaultMaxFieldBytes is the longest cell a reader accepts when
// Options.MaxFieldBytes is zero.
const DefaultMaxFieldBytes = 1 << 20

// DateOrder says how to read a numeric date whose first two parts could be
// either day or month, like 01/03/2026.
type DateOrder uint8

const (
	// DateAuto accepts a slashed date only when it is unambiguous
	// (13/01/2026, 01/13/2026, 05/05/2026) and rejects the others with
	// ErrAmbiguousDate.
	DateAuto DateOrder = iota
	MDY                // 03/01/2026 is March 1 (United States)
	DMY                // 03/01/2026 is January 3 (most other places)
)

var dateOrderNames = [...]string{"auto", "MDY", "DMY"}

// String returns "auto", "MDY" or "DMY".
func (o DateOrder) String() string {
	if int(o) < len(dateOrderNames) {
		return dateOrderNames[o]
	}
	return "auto"
}

// CustomField asks a reader to fill Prospect.Custom[Name] from the column
// named Name (matched like canonical names: case, spaces and punctuation
// do not matter) or from the column Options.Columns maps Name to. The cell
// is read according to Kind; an empty or unknown cell leaves the entry
// out. A custom field without a column in the file is unknown in every
// row (a deals file may leave it to the accounts file it joins), unless
// Options.Columns maps it: then the missing column is an ErrMissingColumn.
type CustomField struct {
	Name string
	Kind icp.Kind
}

// Options configures a Table and the readers built on it. The zero value
// means the defaults: detected delimiter, first sheet, built-in column
// names, unambiguous dates only, '.' as the decimal point, lenient mode
// (bad rows become Rejects), DefaultMaxFieldBytes.
type Options struct {
	// File names the input in error messages. OpenTable sets it to the
	// path when empty.
	File string

	// Sheet is the XLSX worksheet to read; empty means the first.
	Sheet string

	// Delimiter forces the CSV delimiter; 0 detects it from the header
	// line (the most frequent of ',', ';' and tab outside quotes, ','
	// on a tie or when there is none). A first line "sep=;" as Excel
	// writes it also sets it.
	Delimiter rune

	// Columns maps a canonical field name ("employees") or a custom
	// field name to the header of the column that holds it. It overrides
	// the built-in names.
	Columns map[string]string

	// Custom lists the custom attributes to read into Prospect.Custom.
	Custom []CustomField

	// DateOrder resolves dates like 01/03/2026.
	DateOrder DateOrder

	// DecimalComma reads numbers the continental European way: ',' is the
	// decimal separator and '.' groups thousands ("1.200,50"). Without
	// it "1.200" is one point two.
	DecimalComma bool

	// Channels maps lead-source values (case-insensitive) to a channel,
	// ahead of the built-in names. Values neither knows are ChannelUnknown.
	Channels map[string]icp.Channel

	// Strict makes ReadAccounts, ReadOpportunities and ReadCustomers
	// return the first row error instead of collecting Rejects. Streaming
	// readers always return row errors to the caller.
	Strict bool

	// MaxFieldBytes is the longest cell accepted; 0 means
	// DefaultMaxFieldBytes. A longer cell makes its row an
	// ErrFieldTooLong reject, with the cell cut to the limit.
	MaxFieldBytes int
}

func (o *Options) maxField() int {
	if o.MaxFieldBytes > 0 {
		return o.MaxFieldBytes
	}
	return DefaultMaxFieldBytes
}
