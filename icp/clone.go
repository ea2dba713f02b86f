package icp

import "go.yaml.in/yaml/v3"

// cloneSpec deep-copies a Spec by writing and reading it back; positions
// are kept from the original where the copy has them.
func cloneSpec(s *Spec) *Spec {
	data, err := yaml.Marshal(s)
	if err != nil {
		panic("icp: clone spec: " + err.Error())
	}
	c, err := ParseSpec("", data)
	if err != nil {
		panic("icp: clone spec: " + err.Error())
	}
	return c
}

// Marshal writes the Spec as a model file.
func (s *Spec) Marshal() ([]byte, error) { return yaml.Marshal(s) }
