package icp_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpkit/icpkit/icp"
)

func TestModelFiles(t *testing.T) {
	tests := []struct {
		file     string
		name     string
		profiles []string
		gates    bool
	}{
		{"gates.yaml", "Transactional gates", []string{"Transactional gates"}, true},
		{"multi_icp.yaml", "Mid-market tech and financial services", []string{"Mid-market tech", "Mid-market financial services"}, false},
		{"partner_smb.json", "Partner-led SMB", []string{"Partner-led SMB"}, false},
		{"reference.yaml", "Reference ICP", []string{"Reference ICP"}, false},
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "models", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	var listed []string
	for _, tc := range tests {
		listed = append(listed, tc.file)
	}
	if !slices.Equal(names, listed) {
		t.Errorf("testdata/models holds %v; the test lists %v", names, listed)
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			m := load(t, tc.file)
			if m.Name() != tc.name || !slices.Equal(m.Profiles(), tc.profiles) {
				t.Errorf("Load(%q) = %q %v; want %q %v", tc.file, m.Name(), m.Profiles(), tc.name, tc.profiles)
			}
			for i := range m.Profiles() {
				if m.Gates(i) != tc.gates {
					t.Errorf("Load(%q).Gates(%d) = %v; want %v", tc.file, i, m.Gates(i), tc.gates)
				}
				sum := 0.0
				for _, c := range m.Criteria(i) {
					sum += c.Max
				}
				if !near(sum, m.Total(i)) {
					t.Errorf("Load(%q): criteria of profile %d add up to %v; want the total %v", tc.file, i, sum, m.Total(i))
				}
			}
			// Written back and read again, the model scores the same.
			out, err := m.Spec().Marshal()
			if err != nil {
				t.Fatalf("Spec().Marshal(): %v", err)
			}
			m2, err := icp.Parse(tc.file+" (marshalled)", out)
			if err != nil {
				t.Fatalf("Parse(Spec().Marshal()): %v\n%s", err, out)
			}
			for _, p := range sampleProspects() {
				r1, r2 := m.Score(&p, asOf), m2.Score(&p, asOf)
				if r1.Score != r2.Score || r1.Tier != r2.Tier || r1.Route != r2.Route || !slices.Equal(r1.Reasons(), r2.Reasons()) {
					t.Errorf("Score(%q) = %v %s %v, after Marshal %v %s %v", p.Name, r1.Score, r1.Tier, r1.Route, r2.Score, r2.Tier, r2.Route)
				}
			}
		})
	}
}

func TestReferenceFile(t *testing.T) {
	// testdata/models/reference.yaml is a copy of the embedded model, so
	// the model file tests cover what `icp-report init` writes.
	data, err := os.ReadFile(filepath.Join("..", "testdata", "models", "reference.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, icp.ReferenceYAML()) {
		t.Errorf("testdata/models/reference.yaml differs from icp/reference.yaml; copy it again")
	}
	m := icp.Reference()
	var max []float64
	for _, c := range m.Criteria(0) {
		max = append(max, c.Max)
	}
	// The playbook's table: 25, 20, 20, 15, 10, 5, 5.
	if want := []float64{25, 20, 20, 15, 10, 5, 5}; !slices.Equal(max, want) {
		t.Errorf("Reference().Criteria(0) points = %v; want %v", max, want)
	}
}

func TestBadModelFiles(t *testing.T) {
	// Each file fails with one exact message. Positions were counted in
	// the files by hand; at is the text that starts at that position.
	const dir = "testdata/bad/model/"
	tests := []struct {
		file string
		want string
		err  error
		at   string
	}{
		{
			"alias_bomb.yaml",
			// 3 values before profiles, 37,058 per profile, 1,158 per
			// aliased criterion, 36 per aliased value: the 100,001st value
			// is the 31st alias of value 10 of criterion 22 of profile 2,
			// as written in the anchored value on line 19.
			dir + "alias_bomb.yaml:19:113: field profiles[2].criteria[22].values[10].aliases[30]: document too large: more than 100000 values (too many aliases?)",
			icp.ErrTooLarge, "a, a]",
		},
		{
			"billion_laughs.yaml",
			dir + `billion_laughs.yaml:4:1: field lol1: unknown key: "lol1" is not a key of the model (known: icpkit, name, version, description, currency, total, mode, criteria, profiles, disqualifiers, penalties, tiers, routing, staleness, columns)`,
			icp.ErrUnknownKey, "lol1:",
		},
		{
			"duplicate_names.yaml",
			dir + `duplicate_names.yaml:11:11: field criteria[1].name: invalid value: criterion name "fit" is used twice`,
			icp.ErrInvalid, "fit",
		},
		{
			"empty.yaml",
			dir + "empty.yaml: invalid value: the file is empty",
			icp.ErrInvalid, "",
		},
		{
			"kind_mismatch.yaml",
			dir + "kind_mismatch.yaml:13:11: field criteria[1].kind: invalid value: field industry holds text, which kind range cannot score (use category)",
			icp.ErrInvalid, "range",
		},
		{
			"negative_points.yaml",
			dir + "negative_points.yaml:14:13: field criteria[1].points: invalid value: points -50 are negative; use a penalty to take points away",
			icp.ErrInvalid, "-50",
		},
		{
			"overlapping_bands.yaml",
			dir + "overlapping_bands.yaml:11:15: field criteria[0].bands[1].min: invalid value: band 500–1,000 overlaps band 0 (100–500)",
			icp.ErrInvalid, "500, max: 1000",
		},
		{
			"points_total.yaml",
			dir + "points_total.yaml:6:3: field criteria: invalid value: criteria add up to 95 points but the total is 100",
			icp.ErrInvalid, "- name: company_size",
		},
		{
			"syntax_error.yaml",
			dir + "syntax_error.yaml:7:4: not valid YAML or JSON: did not find expected '-' indicator",
			icp.ErrSyntax, "kind: range",
		},
		{
			"trailing_comma.json",
			dir + "trailing_comma.json:10:3: not valid YAML or JSON: invalid character ']' looking for beginning of value",
			icp.ErrSyntax, "]",
		},
		{
			"two_documents.yaml",
			dir + "two_documents.yaml:12:1: invalid value: more than one document",
			icp.ErrInvalid, "---",
		},
		{
			"unknown_field.yaml",
			dir + `unknown_field.yaml:6:12: field criteria[0].field: invalid value: unknown field "employee_count" (known: employees, annual_revenue, industry, country, region, tech_stack, funding_stage, headcount_growth, triggers, intent, engagement, decision_maker, champion, buyer_title, custom.NAME)`,
			icp.ErrInvalid, "employee_count",
		},
		{
			"unknown_key.yaml",
			dir + `unknown_key.yaml:8:5: field criteria[0].pionts: unknown key: "pionts" is not a key of criteria[0] (known: name, label, group, field, kind, points, bands, values, match, each, kinds, window_days, half_life_days, min_strength, is)`,
			icp.ErrUnknownKey, "pionts",
		},
		{
			"unordered_tiers.yaml",
			dir + "unordered_tiers.yaml:17:25: field tiers[1].min: invalid value: tiers must be listed best first with falling minimums: Tier 2 (80) is not below Tier 1 (65)",
			icp.ErrInvalid, "80}",
		},
		{
			"unreachable_tier.yaml",
			dir + "unreachable_tier.yaml:18:25: field tiers[1].min: invalid value: no score can reach tier Tier 2 (at 70); check the tier minimums against the criteria's points",
			icp.ErrInvalid, "70}",
		},
		{
			"wrong_type.yaml",
			dir + `wrong_type.yaml:10:38: field criteria[0].bands[0].points: wrong type: want a number, got text "fifty"`,
			icp.ErrType, "fifty",
		},
	}
	files, err := filepath.Glob(filepath.Join("..", dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var names, listed []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	for _, tc := range tests {
		listed = append(listed, tc.file)
	}
	if !slices.Equal(names, listed) {
		t.Errorf("%s holds %v; the test lists %v", dir, names, listed)
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			m, err := icp.Parse(dir+tc.file, data)
			if err == nil {
				t.Fatalf("Parse(%q) = model %q; want error %q", tc.file, m.Name(), tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("Parse(%q) error =\n\t%s\nwant\n\t%s", tc.file, err, tc.want)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("Parse(%q) error %v is not %v", tc.file, err, tc.err)
			}
			var me *icp.ModelError
			if !errors.As(err, &me) {
				t.Fatalf("Parse(%q) error %T is not a *ModelError", tc.file, err)
			}
			if got := textAt(data, me.Line, me.Column); !strings.HasPrefix(got, tc.at) {
				t.Errorf("Parse(%q) error at %d:%d, where the file reads %q; want %q", tc.file, me.Line, me.Column, got, tc.at)
			}
		})
	}
}

// textAt returns the rest of line (1-based) from column (1-based, in
// characters), or "" when there is no position.
func textAt(data []byte, line, column int) string {
	if line == 0 {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if line > len(lines) {
		return ""
	}
	s := lines[line-1]
	for i := 1; i < column && s != ""; i++ {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

func TestAliasBombMemory(t *testing.T) {
	// The bomb would expand to over a million values; stopping at 100,000
	// keeps the decoder's allocations to a few tens of megabytes.
	data, err := os.ReadFile(filepath.Join("..", "testdata", "bad", "model", "alias_bomb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const limit = 64 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = icp.Parse("alias_bomb.yaml", data)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, icp.ErrTooLarge) {
		t.Errorf("Parse(alias_bomb.yaml) error = %v; want ErrTooLarge", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Errorf("Parse(alias_bomb.yaml) allocated %d bytes; want at most %d", got, limit)
	}
}

func TestAliasTextBomb(t *testing.T) {
	// The file is 1 MiB, but "1" and a 1 MiB name aliased three times are
	// 4 MiB + 1 byte of text, over the limit on expanded values: the third
	// alias, currency, is refused. The position is the anchored value's.
	src := "icpkit: 1\nname: &n " + strings.Repeat("x", 1<<20) + "\ndescription: *n\nversion: *n\ncurrency: *n\n"
	_, err := icp.Parse("bomb.yaml", []byte(src))
	want := "bomb.yaml:2:7: field currency: document too large: more than 4194304 bytes of values (too many aliases?)"
	if err == nil || err.Error() != want || !errors.Is(err, icp.ErrTooLarge) {
		t.Errorf("Parse(text bomb) error = %v; want %s", err, want)
	}
}

func TestModelTooLarge(t *testing.T) {
	src := make([]byte, 4<<20+1)
	_, err := icp.Parse("big.yaml", src)
	want := "big.yaml: document too large: 4194305 bytes, the limit is 4194304"
	if err == nil || err.Error() != want || !errors.Is(err, icp.ErrTooLarge) {
		t.Errorf("Parse(4 MiB + 1) error = %v; want %s", err, want)
	}
}

func TestSpecIsACopy(t *testing.T) {
	// Editing the Spec a model returns changes neither the model nor the
	// next Spec; positions are those of the file.
	m := icp.Reference()
	s := m.Spec()
	s.Criteria[0].Bands[0].Points = 1
	s.Criteria[1].Values[0].Aliases[0] = "Retail"
	again := m.Spec()
	if again.Criteria[0].Bands[0].Points != 25 || again.Criteria[1].Values[0].Aliases[0] != "SaaS" {
		t.Errorf("Spec() after editing an earlier Spec = %v, %q; want 25, SaaS", again.Criteria[0].Bands[0].Points, again.Criteria[1].Values[0].Aliases[0])
	}
	p := icp.Prospect{Employees: icp.Num(240), Industry: "SaaS"}
	if r := m.Score(&p, asOf); r.Score != 45 {
		t.Errorf("Score(240 employees, SaaS) after editing its Spec = %v; want 25 + 20 = 45", r.Score)
	}
	// reference.yaml line 32: "      - {min: 100, max: 500, points: 25}".
	if pos := again.Criteria[0].Bands[0].Pos; pos.Line != 32 || pos.Column != 9 {
		t.Errorf("Spec().Criteria[0].Bands[0].Pos = %d:%d; want 32:9", pos.Line, pos.Column)
	}
}
