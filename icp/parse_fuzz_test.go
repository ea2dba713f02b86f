package icp

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse checks that any bytes either fail with a positioned
// *ModelError wrapping one of the sentinels, or compile to a model whose
// Spec, written out with Marshal and parsed again, compiles to the same
// model. The seeds are every model file in testdata and the corpus in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"models", "bad/model"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"null",
		"{}",
		"[]",
		"icpkit: 1\nname: x\n",
		"a: &a [*a]\n",
		"name: &n x\ndescription: *n\n",
		"icpkit: 1\nname: t\ncriteria:\n  - {name: a, field: champion, kind: flag, points: 100}\ntiers: [{name: A, min: 0}]\nstaleness: {rescore_days: []}\n",
		"icpkit: 1\nname: t\ntotal: 7\ncriteria:\n  - {name: a, field: custom.x, kind: set, match: each, each: 2.5, values: [p, q, r]}\n  - {name: b, field: intent, kind: events, points: 2, min_strength: 50, half_life_days: 3, kinds: [t]}\ntiers: [{name: A, min: 50}, {name: B, min: 0}]\n",
		"{\"icpkit\": 1, \"name\": \"j\",}",
		"\ufeffname: bom\n",
		"name: \"\\u2028\\x00\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "fuzz.yaml", data)
		if s := bytes.TrimSpace(data); len(s) > 0 && s[0] == '{' {
			checkParse(t, "fuzz.json", data) // strict JSON first
		}
	})
}

func checkParse(t *testing.T, file string, data []byte) {
	m, err := Parse(file, data)
	if err != nil {
		var me *ModelError
		if !errors.As(err, &me) {
			t.Fatalf("Parse(%q) error %T %v is not a *ModelError", data, err, err)
		}
		if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrUnknownKey) && !errors.Is(err, ErrType) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Parse(%q) error %v wraps no sentinel", data, err)
		}
		if me.File != file {
			t.Fatalf("Parse(%q) error names file %q; want %q", data, me.File, file)
		}
		starts := lineStarts(data)
		switch {
		case me.Line < 0 || me.Line > len(starts) || me.Column < 0:
			t.Fatalf("Parse(%q) error at %d:%d, outside the file's %d lines", data, me.Line, me.Column, len(starts))
		case me.Line == 0 && me.Column != 0:
			t.Fatalf("Parse(%q) error at %d:%d: a column without a line", data, me.Line, me.Column)
		case me.Line > 0 && me.Column > lineLength(data[starts[me.Line-1]:])+1:
			t.Fatalf("Parse(%q) error at %d:%d, past the end of the line", data, me.Line, me.Column)
		}
		return
	}
	out, err := m.Spec().Marshal()
	if err != nil {
		t.Fatalf("Parse(%q).Spec().Marshal() = %v", data, err)
	}
	m2, err := Parse("roundtrip.yaml", out)
	if err != nil {
		t.Fatalf("Parse(%q) compiles, but its Marshal does not: %v\n%s", data, err, out)
	}
	if !sameBehaviour(m, m2) {
		t.Fatalf("Parse(%q) and Parse(Marshal) compile differently:\n%s", data, out)
	}
}

// lineLength returns the number of characters before the first line break.
func lineLength(data []byte) int {
	n := 0
	for _, r := range string(data) {
		if isBreak(r) {
			break
		}
		n++
	}
	return n
}

// sameBehaviour reports whether two models compiled to the same criteria,
// tiers, routing and staleness: everything but the file they came from.
func sameBehaviour(a, b *Model) bool {
	x, y := *a, *b
	x.spec, y.spec = Spec{}, Spec{}
	x.file, y.file = "", ""
	return reflect.DeepEqual(x, y)
}

func TestSameBehaviour(t *testing.T) {
	// The round-trip check must see a difference in what scores.
	a := Reference()
	s := a.Spec()
	s.Criteria[0].Bands[1].Points = 11
	b, err := Compile("changed.yaml", s)
	if err != nil {
		t.Fatal(err)
	}
	if !sameBehaviour(a, Reference()) || sameBehaviour(a, b) {
		t.Errorf("sameBehaviour(reference, reference), (reference, 11 for 50–99) = %v, %v; want true, false",
			sameBehaviour(a, Reference()), sameBehaviour(a, b))
	}
}
