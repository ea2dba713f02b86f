package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpkit/icpkit/crm"
	"github.com/icpkit/icpkit/icp"
)

// badData is the bad-input corpus; see its README.
const badData = "../../testdata/bad"

// badDir copies the corpus (model files under model/) and the reference
// model (icp.yaml) into a fresh directory.
func badDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"", "model"} {
		entries, err := os.ReadDir(filepath.Join(badData, sub))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(badData, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "icp.yaml"), icp.ReferenceYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// invocation is one in-process run of the command.
type invocation struct {
	ctx    context.Context // nil: Background
	stdin  io.Reader       // nil: empty
	stdout io.Writer       // nil: captured
}

// runIn runs the command in dir and returns stdout (when captured),
// stderr and the exit code.
func (iv invocation) runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(old)
	ctx, in := iv.ctx, iv.stdin
	if ctx == nil {
		ctx = context.Background()
	}
	if in == nil {
		in = strings.NewReader("")
	}
	var o, e bytes.Buffer
	var out io.Writer = &o
	if iv.stdout != nil {
		out = iv.stdout
	}
	err = run(ctx, args, in, out, &e)
	return o.String(), e.String(), exitCode(err)
}

// files lists the regular files under dir, relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		names = append(names, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// created returns the files in after that are not in before.
func created(before, after []string) []string {
	var out []string
	for _, f := range after {
		if !slices.Contains(before, f) {
			out = append(out, f)
		}
	}
	return out
}

// tableRow is a data row read back from a CSV or XLSX file, with the
// problem the reader found in it, if any.
type tableRow struct {
	line  int
	cells []string
	err   error
}

// readTable reads every data row of path; a file-level error fails the
// test.
func readTable(t *testing.T, path string, o crm.Options) []tableRow {
	t.Helper()
	tb, err := crm.OpenTable(path, o)
	if err != nil {
		t.Fatalf("reading back %s: %v", path, err)
	}
	defer tb.Close()
	var rows []tableRow
	for {
		r, err := tb.Next()
		if err == io.EOF {
			return rows
		}
		var pe *crm.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("reading back %s: %v", path, err)
		}
		rows = append(rows, tableRow{r.Line, slices.Clone(r.Cells), err})
	}
}

// rejectRow is a row of a rejects file: the input cells, line and reason.
type rejectRow struct {
	cells  []string
	line   string
	reason string
}

// readRejects reads a rejects file written for an input with nCols
// columns.
func readRejects(t *testing.T, path string, nCols int) []rejectRow {
	t.Helper()
	var out []rejectRow
	for _, r := range readTable(t, path, crm.Options{Delimiter: ','}) {
		if len(r.cells) < nCols+2 {
			t.Fatalf("%s line %d: %d cells; want at least %d", path, r.line, len(r.cells), nCols+2)
		}
		cells := append(slices.Clone(r.cells[:nCols]), r.cells[nCols+2:]...)
		out = append(out, rejectRow{cells: cells, line: r.cells[nCols], reason: r.cells[nCols+1]})
	}
	return out
}

// Every file-level problem: exit 1, the exact positioned error, and no
// file written — neither output nor rejects nor a temporary file.
func TestBadInputFiles(t *testing.T) {
	score := func(in string) []string {
		return []string{"score", "--model", "icp.yaml", "--in", in, "--out", "scored.csv", "--rejects", "rejects.csv"}
	}
	calibrate := func(deals string) []string {
		return []string{"calibrate", "--model", "icp.yaml", "--deals", deals, "--accounts", "accounts.csv", "--rejects", "rejects.csv", "--out", "suggested.yaml"}
	}
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"empty file", score("empty.csv"),
			"icp-report: empty.csv: empty input: no header row\n"},
		{"header only", score("header_only.csv"),
			"icp-report: header_only.csv: header has no data rows\n"},
		{"duplicate columns", score("duplicate_columns.csv"),
			`icp-report: duplicate_columns.csv:1:6: "INDUSTRY" is a duplicate column (same name as column 4)` + "\n"},
		{"wrong delimiter", score("wrong_delimiter.csv"),
			"icp-report: wrong_delimiter.csv:1: missing column: no column has a known name (account_id, account_name, employees, " +
				"annual_revenue, industry, country, region, tech_stack, funding_stage, headcount_growth, triggers, intent, " +
				"engagement, decision_maker, champion, buyer_title, channel); wrong file, delimiter or Options.Columns?\n"},
		{"missing required column", calibrate("deals_missing_column.csv"),
			`icp-report: deals_missing_column.csv:1: missing column "outcome", "stage" or "is_won" with "is_closed" (also read from StageName, Deal Stage, IsWon, IsClosed)` + "\n"},
		{"input not found", score("no_such.csv"),
			"icp-report: open no_such.csv: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := badDir(t)
			before := files(t, dir)
			stdout, stderr, code := invocation{}.runIn(t, dir, tt.args...)
			if code != 1 {
				t.Errorf("exit code %d; want 1", code)
			}
			if stderr != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tt.stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q; want nothing", stdout)
			}
			if extra := created(before, files(t, dir)); extra != nil {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}

// rowCase is an input with bad rows: the good ones are scored, the bad
// ones rejected with these reasons.
type rowCase struct {
	name    string
	file    string
	gen     func(t *testing.T, path string) // writes the file when not in the corpus
	out     string                          // output; default scored.csv
	scored  int
	rejects []string // line, then the reason
}

func TestBadRows(t *testing.T) {
	tests := []rowCase{
		{name: "ragged rows", file: "ragged_rows.csv", scored: 2, rejects: []string{
			"3", "ragged_rows.csv:3: ragged row: 5 cells, header has 9",
			"5", "ragged_rows.csv:5: ragged row: 10 cells, header has 9",
		}},
		{name: "bare quote", file: "bare_quotes.csv", scored: 2, rejects: []string{
			"3", `bare_quotes.csv:3:2: field "account_name": bare " in an unquoted field`,
		}},
		{name: "non-UTF-8 bytes", file: "non_utf8.csv", scored: 2, rejects: []string{
			"3", `non_utf8.csv:3:2: field "account_name": "Caf\xe9 Lumi\xe8re" is not valid UTF-8`,
		}},
		{name: "NaN, Inf, negative employees", file: "bad_employees.csv", scored: 1, rejects: []string{
			"3", `bad_employees.csv:3:3: field "employees": "NaN" is not finite`,
			"4", `bad_employees.csv:4:3: field "employees": "Inf" is not finite`,
			"5", `bad_employees.csv:5:3: field "employees": "-40" is negative`,
			"6", `bad_employees.csv:6:3: field "employees": "1e400" is not finite`,
			"7", `bad_employees.csv:7:3: field "employees": "12.5" is not a whole number`,
		}},
		{name: "date that does not exist", file: "nonexistent_date.csv", scored: 2, rejects: []string{
			"3", `nonexistent_date.csv:3:9: field "triggers": "funding@2026-02-30" is not an event list: entry "funding@2026-02-30": date "2026-02-30" is not a date`,
		}},
		{name: "10 MB cell", file: "big_cell.csv", gen: bigCell, scored: 2, rejects: []string{
			"3", `big_cell.csv:3:2: field "account_name": cell is longer than the limit (Options.MaxFieldBytes)`,
		}},
		{name: "cell too long for xlsx", file: "long_cell.csv", gen: longCell, out: "scored.xlsx", scored: 2, rejects: []string{
			"3", `long_cell.csv:3:2: field "account_name": cell is longer than an xlsx cell holds (32,767 characters)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkScoreRows(t, tt) })
	}
}

// checkScoreRows scores a file with bad rows and checks that every input
// row is in the output or in the rejects file, with its line and reason.
func checkScoreRows(t *testing.T, tt rowCase) {
	t.Helper()
	dir := badDir(t)
	in := filepath.Join(dir, tt.file)
	if tt.gen != nil {
		tt.gen(t, in)
	}
	out := tt.out
	if out == "" {
		out = "scored.csv"
	}
	rejectsFile := strings.TrimSuffix(out, filepath.Ext(out)) + ".rejects.csv"
	before := files(t, dir)
	_, stderr, code := invocation{}.runIn(t, dir, "score", "--model", "icp.yaml", "--in", tt.file, "--out", out)

	nrej := len(tt.rejects) / 2
	want := fmt.Sprintf("%s: %d rows scored, %d rejected (see %s)\n", tt.file, tt.scored, nrej, rejectsFile)
	for i := 1; i < len(tt.rejects); i += 2 {
		want += "  " + tt.rejects[i] + "\n"
	}
	want += fmt.Sprintf("icp-report: %s and not scored\n", rowsWere(nrej))
	if code != 1 {
		t.Errorf("exit code %d; want 1", code)
	}
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	wantFiles := []string{out, rejectsFile}
	slices.Sort(wantFiles)
	if diff := cmp.Diff(wantFiles, created(before, files(t, dir))); diff != "" {
		t.Errorf("files written (-want +got):\n%s", diff)
	}

	input := readTable(t, in, crm.Options{})
	header := readHeader(t, in)
	scored := readTable(t, filepath.Join(dir, out), crm.Options{})
	rejected := readRejects(t, filepath.Join(dir, rejectsFile), len(header))
	if len(scored) != tt.scored {
		t.Errorf("%s has %d rows; want %d", out, len(scored), tt.scored)
	}
	if len(scored)+len(rejected) != len(input) {
		t.Errorf("%d rows scored + %d rejected; want the %d input rows", len(scored), len(rejected), len(input))
	}
	var got []string
	for _, r := range rejected {
		got = append(got, r.line, r.reason)
	}
	if diff := cmp.Diff(tt.rejects, got); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	// The rejects hold the rows as they were read (a cell over the limit
	// cut to it), so they can be fixed and imported again.
	byLine := map[string][]string{}
	for _, r := range input {
		byLine[fmt.Sprint(r.line)] = r.cells
	}
	for _, r := range rejected {
		in := slices.Clone(byLine[r.line])
		for len(in) < len(header) {
			in = append(in, "") // a short row is padded
		}
		if !slices.Equal(r.cells, in) {
			t.Errorf("reject on line %s has cells %.80q; want the input's %.80q", r.line, r.cells, in)
		}
	}
}

// readHeader returns a CSV file's header.
func readHeader(t *testing.T, path string) []string {
	t.Helper()
	tb, err := crm.OpenTable(path, crm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	return slices.Clone(tb.Header())
}

func rowsWere(n int) string {
	if n == 1 {
		return "1 row was rejected"
	}
	return fmt.Sprintf("%d rows were rejected", n)
}

const accountsHeader = "account_id,account_name,employees,industry,country,tech_stack,funding_stage,decision_maker,triggers\n"

// withCell writes accounts whose second row has an account name of n
// bytes.
func withCell(t *testing.T, path string, n int) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(accountsHeader)
	b.WriteString("A1,Acme Analytics,240,Software,United States,Salesforce,Series B,yes,\n")
	b.WriteString("A2,")
	b.WriteString(strings.Repeat("x", n))
	b.WriteString(",1200,Logistics,Germany,HubSpot,Public,no,\n")
	b.WriteString("A3,Cobalt Health,85,Healthcare,Canada,Salesforce,Series A,yes,\n")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func bigCell(t *testing.T, path string)  { withCell(t, path, 10<<20) }
func longCell(t *testing.T, path string) { withCell(t, path, 40_000) }

// dealCase is a deals file with bad rows, calibrated with accounts.csv.
type dealCase struct {
	name    string
	file    string
	rejects []string // line, then the reason
}

func TestBadDeals(t *testing.T) {
	tests := []dealCase{
		{"close before create", "deals_close_before_create.csv", []string{
			"5", `deals_close_before_create.csv:5:4: field "close_date": "2026-02-01" is before the created date (2026-03-10)`,
		}},
		{"unknown outcome", "deals_unknown_outcome.csv", []string{
			"5", `deals_unknown_outcome.csv:5:5: field "outcome": "maybe" is not a known outcome`,
			"6", `deals_unknown_outcome.csv:6:5: field "outcome": "Closed Pending" is not a known outcome`,
		}},
		{"duplicate deal id", "deals_duplicate_ids.csv", []string{
			"8", `deals_duplicate_ids.csv:8:1: field "opportunity_id": "O3" is a duplicate id (first on line 4)`,
		}},
		{"account missing", "deals_missing_account.csv", []string{
			"4", `deals_missing_account.csv:4:2: field "account_id": "A9" has no matching account`,
		}},
		{"date that does not exist", "deals_nonexistent_date.csv", []string{
			"4", `deals_nonexistent_date.csv:4:3: field "created_date": "2026-02-30" is not a date`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := badDir(t)
			before := files(t, dir)
			stdout, stderr, code := invocation{}.runIn(t, dir, "calibrate", "--model", "icp.yaml", "--deals", tt.file, "--accounts", "accounts.csv", "--rejects", "rejects.csv")
			input := readTable(t, filepath.Join(dir, tt.file), crm.Options{})
			nrej := len(tt.rejects) / 2
			want := fmt.Sprintf("%s: %d rows read, %d rejected\n", tt.file, len(input), nrej)
			for i := 1; i < len(tt.rejects); i += 2 {
				want += "  " + tt.rejects[i] + "\n"
			}
			want += "accounts.csv: 6 rows read, 0 rejected\n"
			want += fmt.Sprintf("icp-report: %s and not used\n", rowsWere(nrej))
			if code != 1 {
				t.Errorf("exit code %d; want 1", code)
			}
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			rejectsFile := "rejects-" + strings.TrimSuffix(tt.file, ".csv") + ".csv"
			if diff := cmp.Diff([]string{"rejects-accounts.csv", rejectsFile}, created(before, files(t, dir))); diff != "" {
				t.Errorf("files written (-want +got):\n%s", diff)
			}
			var fitted, won, lost int
			if _, err := fmt.Sscanf(stdout, "Reference ICP: %d closed deals (%d won, %d lost)", &fitted, &won, &lost); err != nil {
				t.Fatalf("stdout %q: %v", stdout, err)
			}
			header := readHeader(t, filepath.Join(dir, tt.file))
			rejected := readRejects(t, filepath.Join(dir, rejectsFile), len(header))
			if fitted+len(rejected) != len(input) {
				t.Errorf("%d deals fitted + %d rejected; want the %d input rows", fitted, len(rejected), len(input))
			}
			var got []string
			for _, r := range rejected {
				got = append(got, r.line, r.reason)
			}
			if diff := cmp.Diff(tt.rejects, got); diff != "" {
				t.Errorf("rejects (-want +got):\n%s", diff)
			}
			for _, r := range rejected {
				for _, in := range input {
					if fmt.Sprint(in.line) == r.line && !slices.Equal(in.cells, r.cells) {
						t.Errorf("reject on line %s has cells %q; want the input's %q", r.line, r.cells, in.cells)
					}
				}
			}
			if got := readRejects(t, filepath.Join(dir, "rejects-accounts.csv"), 9); len(got) != 0 {
				t.Errorf("rejects-accounts.csv has %d rows; want none", len(got))
			}
		})
	}
}

// Bad model files fail validate and score alike: exit 1, the position of
// the problem, and no output.
func TestBadModels(t *testing.T) {
	tests := []struct {
		file string
		msg  string
	}{
		{"unknown_key.yaml", `model/unknown_key.yaml:8:5: field criteria[0].pionts: unknown key: "pionts" is not a key of criteria[0] (known: name, label, group, field, kind, points, bands, values, match, each, kinds, window_days, half_life_days, min_strength, is)`},
		{"wrong_type.yaml", `model/wrong_type.yaml:10:38: field criteria[0].bands[0].points: wrong type: want a number, got text "fifty"`},
		{"negative_points.yaml", `model/negative_points.yaml:14:13: field criteria[1].points: invalid value: points -50 are negative; use a penalty to take points away`},
		{"overlapping_bands.yaml", `model/overlapping_bands.yaml:11:15: field criteria[0].bands[1].min: invalid value: band 500–1,000 overlaps band 0 (100–500)`},
		{"unordered_tiers.yaml", `model/unordered_tiers.yaml:17:25: field tiers[1].min: invalid value: tiers must be listed best first with falling minimums: Tier 2 (80) is not below Tier 1 (65)`},
		{"unreachable_tier.yaml", `model/unreachable_tier.yaml:18:25: field tiers[1].min: invalid value: no score can reach tier Tier 2 (at 70); check the tier minimums against the criteria's points`},
		{"billion_laughs.yaml", `model/billion_laughs.yaml:4:1: field lol1: unknown key: "lol1" is not a key of the model (known: icpkit, name, version, description, currency, total, mode, criteria, profiles, disqualifiers, penalties, tiers, routing, staleness, columns)`},
		{"alias_bomb.yaml", `model/alias_bomb.yaml:19:113: field profiles[2].criteria[22].values[10].aliases[30]: document too large: more than 100000 values (too many aliases?)`},
		{"empty.yaml", `model/empty.yaml: invalid value: the file is empty`},
		{"syntax_error.yaml", `model/syntax_error.yaml:7:4: not valid YAML or JSON: did not find expected '-' indicator`},
		{"trailing_comma.json", `model/trailing_comma.json:10:3: not valid YAML or JSON: invalid character ']' looking for beginning of value`},
		{"two_documents.yaml", `model/two_documents.yaml:12:1: invalid value: more than one document`},
		{"points_total.yaml", `model/points_total.yaml:6:3: field criteria: invalid value: criteria add up to 95 points but the total is 100`},
	}
	dir := badDir(t)
	for _, tt := range tests {
		path := "model/" + tt.file
		for _, args := range [][]string{
			{"validate", path},
			{"score", "--model", path, "--in", "bad_employees.csv", "--out", "scored.csv", "--rejects", "rejects.csv"},
		} {
			t.Run(args[0]+"/"+tt.file, func(t *testing.T) {
				before := files(t, dir)
				stdout, stderr, code := invocation{}.runIn(t, dir, args...)
				if want := "icp-report: " + tt.msg + "\n"; code != 1 || stderr != want || stdout != "" {
					t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 1, no stdout, stderr:\n%s", code, stdout, stderr, want)
				}
				if extra := created(before, files(t, dir)); extra != nil {
					t.Errorf("files left behind: %v", extra)
				}
			})
		}
	}
	// Whatever else the folder holds is rejected too, with its position.
	all, _ := filepath.Glob(filepath.Join(dir, "model", "*"))
	for _, p := range all {
		path := "model/" + filepath.Base(p)
		t.Run("validate/any/"+filepath.Base(p), func(t *testing.T) {
			_, stderr, code := invocation{}.runIn(t, dir, "validate", path)
			if code != 1 || !strings.HasPrefix(stderr, "icp-report: "+path+":") {
				t.Errorf("validate %s: exit %d, stderr %q; want 1 and a positioned error", path, code, stderr)
			}
		})
	}
}
