package icp

import _ "embed"

//go:embed reference.yaml
var referenceYAML []byte

// ReferenceYAML returns the commented model file of the playbook's
// 100-point model: company size 25, industry 20, trigger event 20, tech
// stack 15, decision maker identified 10, geography 5, funding stage 5.
// `icp-report init` writes it.
func ReferenceYAML() []byte { return append([]byte(nil), referenceYAML...) }

// Reference returns the compiled reference model.
func Reference() *Model { return MustParse("reference.yaml", referenceYAML) }
