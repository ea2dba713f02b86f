package icp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile model file from exhausting memory.
const (
	maxModelBytes = 4 << 20 // a model file is a few kilobytes
	maxModelNodes = 100000  // nodes visited, counting alias expansions
)

// ParseSpec decodes a model file strictly: an unknown key, a wrong type or
// a duplicate key is a *ModelError naming file, line, column and field.
// YAML and JSON are both accepted. ParseSpec does not check meaning; Compile
// does.
func ParseSpec(file string, data []byte) (*Spec, error) {
	if len(data) > maxModelBytes {
		return nil, &ModelError{File: file, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), maxModelBytes)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ModelError{File: file, Err: fmt.Errorf("%w: the file is empty", ErrInvalid)}
		}
		return nil, syntaxError(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &ModelError{File: file, Line: extra.Line, Column: extra.Column, Err: fmt.Errorf("%w: more than one document", ErrInvalid)}
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

// syntaxError turns a yaml.v3 parse error ("yaml: line 3: ...") into a
// positioned ModelError.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	col := 0
	if line > 0 {
		col = 1
	}
	return &ModelError{File: file, Line: line, Column: col, Err: fmt.Errorf("%w: %s", ErrSyntax, msg)}
}

type decoder struct {
	file  string
	nodes int
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
		if n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!bool" {
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
