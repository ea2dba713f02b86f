package crm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// bind ties a column to the field it fills.
type bind struct {
	col   int
	field field
}

// customBind ties a column to a custom attribute.
type customBind struct {
	col  int
	name string
	kind icp.Kind
}

// binding is a header resolved for one table kind.
type binding struct {
	col    [numFields]int // column of each field, -1 when absent
	binds  []bind         // in column order
	custom []customBind
}

func (b *binding) has(f field) bool { return b.col[f] >= 0 }

// bindHeader maps header columns to the fields of a table kind: explicit
// Options.Columns first, then canonical names, then the built-in export
// names in preference order. A column fills at most one field; custom
// fields may share a column with a canonical one.
func bindHeader(t *Table, k tableKind) (*binding, error) {
	header, o := t.header, &t.opts
	herr := func(col int, fieldName, value string, err error) error {
		return &ParseError{File: o.File, Line: t.headerLine, Column: col, Field: fieldName, Value: value, Err: err}
	}
	norm := make([]string, len(header))
	first := make(map[string]int, len(header))
	for i, h := range header {
		norm[i] = normalize(h)
		if norm[i] == "" {
			continue
		}
		if j, dup := first[norm[i]]; dup {
			return nil, herr(i+1, "", h, fmt.Errorf("%w (same name as column %d)", ErrDuplicateColumn, j+1))
		}
		first[norm[i]] = i
	}
	find := func(h string) (int, bool) {
		for i, name := range header {
			if name == h {
				return i, true
			}
		}
		i, ok := first[normalize(h)]
		return i, ok
	}

	b := &binding{}
	for f := range b.col {
		b.col[f] = -1
	}
	used := make([]bool, len(header))
	allowed := fieldsOf(k)
	byName := make(map[string]field, len(allowed))
	for _, f := range allowed {
		byName[fieldNames[f]] = f
	}
	customKind := make(map[string]icp.Kind, len(o.Custom))
	for _, c := range o.Custom {
		customKind[c.Name] = c.Kind
	}

	// Explicit mapping, in a fixed order so errors are reproducible.
	keys := make([]string, 0, len(o.Columns))
	for name := range o.Columns {
		keys = append(keys, name)
	}
	slices.Sort(keys)
	for _, name := range keys {
		h := o.Columns[name]
		if _, ok := customKind[name]; ok {
			continue // bound with the custom fields below
		}
		f, ok := byName[name]
		if !ok {
			if isField(name) {
				// A field of another kind of table: one mapping (a
				// model's columns:) serves accounts, deals and customers.
				continue
			}
			return nil, herr(0, name, "", fmt.Errorf("%w (Options.Columns)", ErrUnknownField))
		}
		i, ok := find(h)
		if !ok {
			// The mapping serves several files; this one does not have
			// the column (a deals file without account attributes).
			continue
		}
		b.col[f] = i
		used[i] = true
	}
	for _, f := range allowed {
		if b.col[f] >= 0 {
			continue
		}
		for _, n := range namesOf(k, f) {
			if i, ok := first[n]; ok && !used[i] {
				b.col[f] = i
				used[i] = true
				break
			}
		}
	}
	for _, c := range o.Custom {
		if c.Kind == icp.KindUnknown || c.Kind > icp.KindEvents {
			return nil, herr(0, c.Name, "", fmt.Errorf("%w: custom field kind %v cannot be read", ErrUnknownField, c.Kind))
		}
		h, mapped := o.Columns[c.Name]
		if !mapped {
			h = c.Name
		}
		i, ok := find(h)
		if !ok {
			// Not in this file: the attribute is unknown here (a deals
			// file may leave it to the accounts file it joins).
			if mapped {
				return nil, herr(0, "", "", fmt.Errorf("%w %q for custom field %q (Options.Columns[%q])", ErrMissingColumn, h, c.Name, c.Name))
			}
			continue
		}
		b.custom = append(b.custom, customBind{col: i, name: c.Name, kind: c.Kind})
	}
	for f, i := range b.col {
		if i >= 0 {
			b.binds = append(b.binds, bind{col: i, field: field(f)})
		}
	}
	slices.SortFunc(b.binds, func(x, y bind) int { return x.col - y.col })

	if len(b.binds) == 0 && len(b.custom) == 0 {
		names := make([]string, len(allowed))
		for i, f := range allowed {
			names[i] = fieldNames[f]
		}
		return nil, herr(0, "", "", fmt.Errorf("%w: no column has a known name (%s); wrong file, delimiter or Options.Columns?",
			ErrMissingColumn, strings.Join(names, ", ")))
	}
	if err := requireColumns(b, k, o.File, t.headerLine); err != nil {
		return nil, err
	}
	return b, nil
}

// requireColumns checks that the columns a table kind cannot do without
// are there.
func requireColumns(b *binding, k tableKind, file string, line int) error {
	missing := func(names string, also []string) error {
		msg := fmt.Errorf("%w %s", ErrMissingColumn, names)
		if len(also) > 0 {
			msg = fmt.Errorf("%w %s (also read from %s)", ErrMissingColumn, names, strings.Join(also, ", "))
		}
		return &ParseError{File: file, Line: line, Err: msg}
	}
	switch k {
	case opportunitiesTable:
		// Account and dates are optional: a deals file may carry its
		// attributes itself and have no dates (then nothing is windowed
		// or split by period). Where the column exists, a row without a
		// value is rejected.
		if !b.has(fOutcome) && !b.has(fStage) && !(b.has(fIsWon) && b.has(fIsClosed)) {
			return missing(`"outcome", "stage" or "is_won" with "is_closed"`, []string{"StageName", "Deal Stage", "IsWon", "IsClosed"})
		}
	case customersTable:
		if !b.has(fAccountID) && !b.has(fAccountName) {
			return missing(`"account_id" or "account_name"`, []string{"Id", "Record ID", "Account Name", "Company name"})
		}
		if !b.has(fStartDate) {
			return missing(`"start_date"`, aliases[fStartDate])
		}
	}
	return nil
}

// isField reports whether name is a canonical field of any table.
func isField(name string) bool {
	for _, n := range fieldNames {
		if n == name && n != "" {
			return true
		}
	}
	return false
}
