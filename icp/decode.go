package icp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile model file from exhausting memory.
const (
	maxModelBytes = 4 << 20 // a model file is a few kilobytes
	maxModelNodes = 100000  // values visited, counting alias expansions
	maxValueBytes = 4 << 20 // text of the values visited, counting alias expansions
)

// ParseSpec decodes a model file strictly: an unknown key, a wrong type or
// a duplicate key is a *ModelError naming file, line, column and field.
// YAML and JSON are both accepted; a file whose name ends in ".json" must
// also be strict JSON (no trailing commas, no comments). ParseSpec does not
// check meaning; Compile does.
//
// A file may hold one document of at most 4 MiB. Aliases are followed, but
// the document they expand to may hold at most 100,000 values and 4 MiB of
// text, so a "billion laughs" file fails fast with ErrTooLarge.
func ParseSpec(file string, data []byte) (*Spec, error) {
	if len(data) > maxModelBytes {
		return nil, &ModelError{File: file, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), maxModelBytes)}
	}
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, &ModelError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: the file is UTF-16; save it as UTF-8", ErrSyntax)}
	}
	if strings.HasSuffix(strings.ToLower(file), ".json") {
		if err := checkJSON(file, data); err != nil {
			return nil, err
		}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ModelError{File: file, Err: fmt.Errorf("%w: the file is empty", ErrInvalid)}
		}
		return nil, syntaxError(file, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &ModelError{File: file, Line: extra.Line, Column: extra.Column, Err: fmt.Errorf("%w: more than one document", ErrInvalid)}
	case !errors.Is(err, io.EOF):
		return nil, syntaxError(file, data, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, &ModelError{File: file, Err: fmt.Errorf("%w: the file is empty", ErrInvalid)}
		}
		root = root.Content[0]
	}
	d := decoder{file: file}
	var s Spec
	if err := d.value(root, reflect.ValueOf(&s).Elem(), ""); err != nil {
		return nil, err
	}
	return &s, nil
}

// checkJSON rejects what YAML forgives but JSON does not, such as a
// trailing comma, at the offending character.
func checkJSON(file string, data []byte) error {
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return nil // valid, or a problem the YAML decoder reports better
	}
	off := int(se.Offset) - 1 // the offending byte
	if se.Offset >= int64(len(data)) && strings.HasPrefix(se.Error(), "unexpected end") {
		off = len(data)
	}
	line, col := position(data, max(off, 0))
	return &ModelError{File: file, Line: line, Column: col, Err: fmt.Errorf("%w: %s", ErrSyntax, se.Error())}
}

// position returns the 1-based line and column of byte offset off in data,
// counted as yaml.v3 counts them.
func position(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	starts := lineStarts(data)
	line = max(sort.SearchInts(starts, off+1), 1) // lines starting at or before off
	start := starts[line-1]
	return line, 1 + utf8.RuneCount(data[start:max(off, start)])
}

var utf8BOM = []byte("\ufeff")

// lineStarts returns the offset at which each line of data starts. Lines
// and columns are counted as yaml.v3 counts them: a line break is CR LF,
// CR, LF, NEL, LS or PS; a column is a character; a byte order mark at the
// start is not part of line 1.
func lineStarts(data []byte) []int {
	starts := []int{0}
	if bytes.HasPrefix(data, utf8BOM) {
		starts[0] = len(utf8BOM)
	}
	for i := starts[0]; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		i += size
		if r == '\r' && i < len(data) && data[i] == '\n' {
			i++
		}
		if isBreak(r) {
			starts = append(starts, i)
		}
	}
	return starts
}

func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// syntaxLocateBytes bounds the files whose syntax errors are located by
// re-parsing; larger ones keep the line yaml.v3 gave.
const syntaxLocateBytes = 1 << 20

// syntaxError turns a yaml.v3 parse error ("yaml: line 3: ...") into a
// positioned ModelError.
//
// yaml.v3 reports the line where the enclosing collection began (0-based
// for parser errors) and no column, so the position is found again by
// parsing prefixes of the file: it is the last character of the shortest
// prefix that fails with the same error, that is, where a reader going from
// the top first meets the problem. The search bisects, first over lines,
// then over the characters of a line, so it takes about 20 parses. For an
// unclosed bracket or quote the position can be anywhere in the unclosed
// part, since a prefix ending there fails the same way.
func syntaxError(file string, data []byte, err error) error {
	full := err.Error()
	msg := strings.TrimPrefix(full, "yaml: ")
	hint := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				hint = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	line, col := hint, 0
	if len(data) <= syntaxLocateBytes {
		line, col = locateSyntax(data, full, hint)
	}
	return &ModelError{File: file, Line: line, Column: col, Err: fmt.Errorf("%w: %s", ErrSyntax, msg)}
}

// locateSyntax finds where the error full first shows: the first line,
// then the first character in it, whose prefix of data fails with it.
func locateSyntax(data []byte, full string, hint int) (line, col int) {
	fails := func(n int) bool { return yamlError(data[:n]) == full }
	// Prefixes ending with each line, from the one yaml.v3 named, which is
	// never after the problem; the last is the whole file, which fails.
	starts := lineStarts(data)
	first := min(max(hint, 1), len(starts))
	ends := append(starts[first:len(starts):len(starts)], len(data))
	line = first + firstFailing(ends, fails)
	// Prefixes ending with each character of that line, then the whole
	// line with its break, which fails.
	ends = ends[:0]
	for i := starts[line-1]; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if isBreak(r) {
			break
		}
		i += size
		ends = append(ends, i)
	}
	end := len(data)
	if line < len(starts) {
		end = starts[line]
	}
	ends = append(ends, end)
	return line, 1 + firstFailing(ends, fails)
}

// firstFailing returns the first index of ends whose prefix fails, given
// that the last one does and that once a prefix fails every longer one
// does.
func firstFailing(ends []int, fails func(int) bool) int {
	lo, hi := 0, len(ends)-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if fails(ends[mid]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}

// yamlError returns the error string yaml.v3 gives for data, reading every
// document, or "" when there is none.
func yamlError(data []byte) string {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			return err.Error()
		}
	}
}

type decoder struct {
	file  string
	nodes int // values visited
	text  int // bytes of scalar text visited
}

var posType = reflect.TypeOf(Pos{})

func (d *decoder) errorf(n *yaml.Node, field string, sentinel error, format string, args ...any) error {
	return &ModelError{File: d.file, Line: n.Line, Column: n.Column, Field: field,
		Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) error {
	d.nodes++
	if d.nodes > maxModelNodes {
		return d.errorf(n, path, ErrTooLarge, "more than %d values (too many aliases?)", maxModelNodes)
	}
	if n.Kind == yaml.ScalarNode {
		d.text += len(n.Value)
		if d.text > maxValueBytes {
			return d.errorf(n, path, ErrTooLarge, "more than %d bytes of values (too many aliases?)", maxValueBytes)
		}
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return d.errorf(n, path, ErrSyntax, "unresolved alias")
		}
		return d.value(n.Alias, v, path)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.value(n, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		return d.structure(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.errorf(n, path, ErrType, "want a list, got %s", describe(n))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			if err := d.value(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return d.errorf(n, path, ErrType, "want a mapping, got %s", describe(n))
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, c := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return d.errorf(k, path, ErrType, "want a text key, got %s", describe(k))
			}
			if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
				return d.errorf(k, join(path, k.Value), ErrInvalid, "duplicate key %q", k.Value)
			}
			e := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(c, e, join(path, k.Value)); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k.Value), e)
		}
		v.Set(m)
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return d.errorf(n, path, ErrType, "want %s, got %s", typeName(v.Kind()), describe(n))
	}
	switch v.Kind() {
	case reflect.String:
		// Plain scalars that YAML reads as numbers, booleans or dates
		// (version: 2026-01-15) are text here.
		if n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!bool" && n.Tag != "!!timestamp" {
			return d.errorf(n, path, ErrType, "want text, got %s", describe(n))
		}
		v.SetString(n.Value)
	case reflect.Float64:
		if n.Tag != "!!int" && n.Tag != "!!float" {
			return d.errorf(n, path, ErrType, "want a number, got %s", describe(n))
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return d.errorf(n, path, ErrInvalid, "%q is not a finite number", n.Value)
		}
		v.SetFloat(f)
	case reflect.Int:
		if n.Tag != "!!int" {
			return d.errorf(n, path, ErrType, "want a whole number, got %s", describe(n))
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 32)
		if err != nil {
			return d.errorf(n, path, ErrInvalid, "%q is not a whole number", n.Value)
		}
		v.SetInt(i)
	case reflect.Bool:
		if n.Tag != "!!bool" {
			return d.errorf(n, path, ErrType, "want true or false, got %s", describe(n))
		}
		v.SetBool(strings.EqualFold(n.Value, "true") || strings.EqualFold(n.Value, "yes") || strings.EqualFold(n.Value, "on"))
	default:
		panic("icp: decoder: unsupported field type " + v.Type().String())
	}
	return nil
}

// shorthandField names the field a bare scalar fills for structs that allow
// one ("- Software" for a category value).
func shorthandField(t reflect.Type) string {
	switch t {
	case reflect.TypeOf(CategoryValue{}):
		return "Value"
	case reflect.TypeOf(EventKind{}):
		return "Kind"
	}
	return ""
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) error {
	t := v.Type()
	if n.Kind == yaml.ScalarNode {
		if f := shorthandField(t); f != "" && n.Tag == "!!str" {
			v.FieldByName(f).SetString(n.Value)
			v.FieldByName("Pos").Set(reflect.ValueOf(Pos{Line: n.Line, Column: n.Column}))
			return nil
		}
	}
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, path, ErrType, "want a mapping, got %s", describe(n))
	}
	pos := Pos{Line: n.Line, Column: n.Column, keys: map[string]Pos{}}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, c := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return d.errorf(k, path, ErrType, "want a key, got %s", describe(k))
		}
		name := k.Value
		fp := join(path, name)
		if seen[name] {
			return d.errorf(k, fp, ErrInvalid, "duplicate key %q", name)
		}
		seen[name] = true
		idx := fieldIndex(t, name)
		if idx < 0 {
			return d.errorf(k, fp, ErrUnknownKey, "%q is not a key of %s (known: %s)", name, sectionName(path), strings.Join(knownKeys(t), ", "))
		}
		pos.keys[name] = Pos{Line: c.Line, Column: c.Column}
		if err := d.value(c, v.Field(idx), fp); err != nil {
			return err
		}
	}
	if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == posType {
		f.Set(reflect.ValueOf(pos))
	}
	return nil
}

func fieldIndex(t reflect.Type, key string) int {
	for i := 0; i < t.NumField(); i++ {
		if tagName(t.Field(i)) == key {
			return i
		}
	}
	return -1
}

func knownKeys(t reflect.Type) []string {
	var ks []string
	for i := 0; i < t.NumField(); i++ {
		if k := tagName(t.Field(i)); k != "" {
			ks = append(ks, k)
		}
	}
	return ks
}

func tagName(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}

func sectionName(path string) string {
	if path == "" {
		return "the model"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func typeName(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "text"
	case reflect.Float64:
		return "a number"
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	}
	return k.String()
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	switch n.Tag {
	case "!!str":
		return fmt.Sprintf("text %q", v)
	case "!!int", "!!float":
		return fmt.Sprintf("number %s", v)
	case "!!bool":
		return fmt.Sprintf("%s", v)
	}
	return fmt.Sprintf("%q", v)
}
