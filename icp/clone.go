package icp

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

// cloneSpec deep-copies a Spec, positions included. It copies field by
// field rather than through YAML so that a spec whose aliases expand to a
// large document is not written out in full.
func cloneSpec(s *Spec) *Spec {
	c := new(Spec)
	deepCopy(reflect.ValueOf(c).Elem(), reflect.ValueOf(s).Elem())
	return c
}

// deepCopy copies src into the zero value dst. Pos values are copied as
// they are: their key map is never changed after decoding.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Struct:
		dst.Set(src)
		if src.Type() == posType {
			return
		}
		for i := range src.NumField() {
			if src.Type().Field(i).IsExported() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

// Marshal writes the Spec as a model file. Parsing the result compiles to
// a model that scores exactly as one compiled from s; comments and
// positions are not kept.
func (s *Spec) Marshal() ([]byte, error) { return yaml.Marshal(s) }
