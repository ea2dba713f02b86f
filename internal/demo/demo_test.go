package demo_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
)

// sample is the default sample, drawn once for the tests that only read it.
var sample = demo.Generate(demo.Settings{})

func TestGenerateDeterministic(t *testing.T) {
	a := demo.Generate(demo.Settings{})
	if diff := cmp.Diff(sample, a); diff != "" {
		t.Fatalf("Generate(Settings{}) differs between runs (-first +second):\n%s", diff)
	}
	da, db := t.TempDir(), t.TempDir()
	if err := sample.WriteCSV(da); err != nil {
		t.Fatal(err)
	}
	if err := a.WriteCSV(db); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{demo.AccountsFile, demo.OpportunitiesFile, demo.CustomersFile, demo.ReadmeFile} {
		x, err := os.ReadFile(filepath.Join(da, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(db, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs", name)
		}
	}
	other := demo.Generate(demo.Settings{Seed: 2})
	if other.Opportunities[0].Account == sample.Opportunities[0].Account && other.Accounts[0].Name == sample.Accounts[0].Name {
		t.Errorf("seeds 1 and 2 drew the same sample")
	}
}

func TestSettingsDefaults(t *testing.T) {
	got := demo.Generate(demo.Settings{Accounts: 200}).Settings
	want := demo.DefaultSettings
	want.Accounts, want.OpenDeals = 200, 40
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved settings (-want +got):\n%s", diff)
	}
	if got := demo.Generate(demo.Settings{Accounts: 100, OpenDeals: -1}); countOpen(got) != 0 {
		t.Errorf("OpenDeals -1: %d open deals; want 0", countOpen(got))
	}
}

func countOpen(s *demo.Sample) int {
	n := 0
	for i := range s.Opportunities {
		if s.Opportunities[i].Outcome == icp.Open {
			n++
		}
	}
	return n
}

func TestWriteCSV(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if err := sample.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"README.txt", "accounts.csv", "customers.csv", "opportunities.csv"}, names); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	tests := []struct {
		file   string
		header string
		rows   int
	}{
		{demo.AccountsFile, "account_id,account_name,employees,annual_revenue,industry,country,region,tech_stack,funding_stage,headcount_growth,triggers,intent,engagement,decision_maker,champion,buyer_title,is_competitor", len(sample.Accounts)},
		{demo.OpportunitiesFile, "opportunity_id,account_id,account_name,created_date,close_date,stage,outcome,amount,source,owner,last_stage_change,icp_score_at_creation", len(sample.Opportunities)},
		{demo.CustomersFile, "account_id,account_name,start_date,churn_date,start_arr,current_arr,cac,gross_margin", len(sample.Customers)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs := readCSV(t, filepath.Join(dir, tt.file))
			if got := strings.Join(recs[0], ","); got != tt.header {
				t.Errorf("header = %q; want %q", got, tt.header)
			}
			if got := len(recs) - 1; got != tt.rows {
				t.Errorf("%d rows; want %d", got, tt.rows)
			}
		})
	}

	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteCSV(blocked); err == nil {
		t.Errorf("WriteCSV(%q) on a file = nil; want an error", blocked)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestAccountsCSV checks the accounts file's cells: every column is
// unknown (empty) about 10% of the time, event cells have their format,
// and CRM spellings occur.
func TestAccountsCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.WriteAccounts(&buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := recs[0], recs[1:]
	spellings := map[string]bool{}
	for c, name := range header {
		if c < 2 {
			continue
		}
		empty := 0
		for _, r := range rows {
			if r[c] == "" {
				empty++
			}
			if name == "industry" || name == "country" {
				spellings[r[c]] = true
			}
		}
		if share := float64(empty) / float64(len(rows)); share < 0.05 || share > 0.16 {
			t.Errorf("column %s: %.3f empty; want about 0.10", name, share)
		}
	}
	for _, s := range []string{"SaaS", "Fintech", "software", "USA", "UK", "Hospital & Health Care"} {
		if !spellings[s] {
			t.Errorf("spelling %q never occurs", s)
		}
	}
	competitors := 0
	for _, r := range rows {
		if r[16] == "yes" {
			competitors++
		}
		for c, sep := range map[int]string{10: "@", 11: ":", 12: "@"} {
			for _, item := range strings.Split(r[c], "; ") {
				if r[c] != "" && (!strings.Contains(item, sep) || !strings.Contains(item, "@")) {
					t.Fatalf("account %s column %s: item %q", r[0], header[c], item)
				}
			}
		}
	}
	if competitors < 10 || competitors > 100 {
		t.Errorf("%d competitors; want a few (10–100)", competitors)
	}
}

func TestCountsAndRates(t *testing.T) {
	s := sample
	start, end := s.Settings.Start, s.Settings.End
	if got := len(s.Accounts); got != 3000 {
		t.Errorf("%d accounts; want 3000", got)
	}
	if want := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC); !s.AsOf.Equal(want) {
		t.Errorf("AsOf = %v; want %v", s.AsOf, want)
	}
	closed, won, open := 0, 0, 0
	owners := map[string]bool{}
	for i := range s.Opportunities {
		o := &s.Opportunities[i]
		owners[o.Owner] = true
		if o.Outcome == icp.Open {
			open++
			if !o.Closed.IsZero() || o.Created.After(end) || o.LastStageChange.Before(o.Created) {
				t.Fatalf("open deal %s: created %v, closed %v, last change %v", o.ID, o.Created, o.Closed, o.LastStageChange)
			}
			continue
		}
		closed++
		if o.Outcome == icp.Won {
			won++
		}
		cycle := o.Closed.Sub(o.Created).Hours() / 24
		if o.Closed.Before(start) || o.Closed.After(end) || cycle < 20 || cycle > 200 {
			t.Fatalf("deal %s: created %v, closed %v; want a close in [%v, %v] 20–200 days after creation", o.ID, o.Created, o.Closed, start, end)
		}
		if i > 0 && o.Created.Before(s.Opportunities[i-1].Created) {
			t.Fatalf("deal %s created before the deal listed before it", o.ID)
		}
	}
	if closed < 4000 || closed > 5000 {
		t.Errorf("%d closed deals; want 4,000–5,000", closed)
	}
	if open != 600 {
		t.Errorf("%d open deals; want 600", open)
	}
	if rate := float64(won) / float64(closed); rate < 0.27 || rate > 0.33 {
		t.Errorf("win rate %.3f; want about 0.30", rate)
	}
	if len(owners) != 8 {
		t.Errorf("%d owners; want 8", len(owners))
	}
}

func TestCustomers(t *testing.T) {
	s := sample
	first := map[string]time.Time{}
	for i := range s.Opportunities {
		o := &s.Opportunities[i]
		if o.Outcome == icp.Won && (first[o.Account].IsZero() || o.Closed.Before(first[o.Account])) {
			first[o.Account] = o.Closed
		}
	}
	if len(s.Customers) != len(first) {
		t.Errorf("%d customers; want %d, one per account with a won deal", len(s.Customers), len(first))
	}
	early, churned, oldCohort, oldActive := 0, 0, 0, 0
	yearAgo := s.AsOf.AddDate(-1, 0, 0)
	for i := range s.Customers {
		c := &s.Customers[i]
		if !c.Start.Equal(first[c.Account]) {
			t.Errorf("customer %s starts %v; want its first win %v", c.Account, c.Start, first[c.Account])
		}
		if gm := c.GrossMargin.Value; gm < 0.6 || gm > 0.85 {
			t.Errorf("customer %s: gross margin %v", c.Account, gm)
		}
		if !c.Churn.IsZero() {
			churned++
			if c.Churn.Before(c.Start) || c.Churn.After(s.Settings.End) {
				t.Errorf("customer %s: churn %v outside [%v, %v]", c.Account, c.Churn, c.Start, s.Settings.End)
			}
			if c.Churn.Sub(c.Start) <= 90*24*time.Hour {
				early++
			}
		}
		if c.Start.Before(yearAgo) {
			oldCohort++
			if c.Churn.IsZero() || c.Churn.Sub(c.Start) > 365*24*time.Hour {
				oldActive++
			}
		}
	}
	if early == 0 || churned < len(s.Customers)/10 {
		t.Errorf("%d churned, %d within 90 days, of %d customers", churned, early, len(s.Customers))
	}
	if oldCohort < 300 {
		t.Errorf("%d customers started over a year before as-of; want enough for 12-month retention", oldCohort)
	}
	if r := float64(oldActive) / float64(oldCohort); r < 0.6 || r > 0.9 {
		t.Errorf("12-month retention %.2f; want 0.6–0.9", r)
	}
}

// winRates returns the win rates of the closed deals for which in is
// true and false.
func winRates(s *demo.Sample, in func(i int) bool) (yes, no float64, nYes, nNo int) {
	var wy, wn int
	for i := range s.Opportunities {
		o := &s.Opportunities[i]
		if !o.Outcome.Closed() {
			continue
		}
		w := 0
		if o.Outcome == icp.Won {
			w = 1
		}
		if in(i) {
			nYes, wy = nYes+1, wy+w
		} else {
			nNo, wn = nNo+1, wn+w
		}
	}
	return float64(wy) / float64(nYes), float64(wn) / float64(nNo), nYes, nNo
}

// TestTruthIsReal checks the truth against the deals directly: the
// recorded scores and x are the reference model's as of creation, and the
// planted effects show in raw win rates.
func TestTruthIsReal(t *testing.T) {
	s := sample
	m := icp.Reference()
	crit := map[string]int{}
	for j, name := range s.Truth.Criteria {
		crit[name] = j
	}
	x := make([][]float64, len(s.Opportunities))
	for i := range s.Opportunities {
		o := &s.Opportunities[i]
		r := m.Score(&o.Prospect, o.Created)
		if r.Score != o.RecordedScore.Value || r.Tier != o.RecordedTier {
			t.Fatalf("deal %s: Score = %v %s; recorded %v %s", o.ID, r.Score, r.Tier, o.RecordedScore.Value, o.RecordedTier)
		}
		x[i] = make([]float64, len(r.Criteria))
		for j, c := range r.Criteria {
			x[i][j] = c.Points / c.Max
		}
		if diff := cmp.Diff(s.Truth.Deals[i].X, x[i]); diff != "" {
			t.Fatalf("deal %s: truth x (-truth +scored):\n%s", o.ID, diff)
		}
	}
	tests := []struct {
		criterion string
		minDiff   float64
		maxDiff   float64
	}{
		{"company_size", 0.15, 1},
		{"industry", 0.10, 1},
		{"trigger_event", 0.10, 1},
		{"geography", -0.04, 0.04},
	}
	for _, tt := range tests {
		t.Run(tt.criterion, func(t *testing.T) {
			j := crit[tt.criterion]
			one, zero, n1, n0 := winRates(s, func(i int) bool { return x[i][j] == 1 })
			t.Logf("win rate x=1 %.3f (n=%d), x<1 %.3f (n=%d)", one, n1, zero, n0)
			if d := one - zero; d < tt.minDiff || d > tt.maxDiff {
				t.Errorf("win rate x=1 %.3f (n=%d) − x<1 %.3f (n=%d) = %.3f; want in [%v, %v]", one, n1, zero, n0, d, tt.minDiff, tt.maxDiff)
			}
		})
	}

	healthcare := map[string]bool{"healthcare": true, "hospital & health care": true, "health care": true, "medical practice": true}
	seg, _, n, _ := winRates(s, func(i int) bool {
		p := &s.Opportunities[i].Prospect
		return healthcare[strings.ToLower(p.Industry)] && p.Employees.Known && p.Employees.Value >= 1000 && p.Employees.Value <= 5000
	})
	if seg < 0.45 || n < 80 {
		t.Errorf("out-of-ICP segment wins %.3f of %d deals; want ≥ 0.45 of 80 or more", seg, n)
	}

	from := s.Truth.DeclineFrom
	tier1 := func(i int) bool { return s.Opportunities[i].RecordedTier == s.Truth.DecliningTier }
	late, _, nLate, _ := winRates(s, func(i int) bool { return tier1(i) && !s.Opportunities[i].Closed.Before(from) })
	early, _, nEarly, _ := winRates(s, func(i int) bool { return tier1(i) && s.Opportunities[i].Closed.Before(from) })
	if early-late < 0.08 {
		t.Errorf("%s wins %.3f (n=%d) before %v and %.3f (n=%d) after; want a drop of about 0.15", s.Truth.DecliningTier, early, nEarly, from, late, nLate)
	}

	dq, _, nDQ, _ := winRates(s, func(i int) bool { return s.Opportunities[i].RecordedTier == icp.TierDisqualified })
	if dq > 0.1 || nDQ == 0 {
		t.Errorf("disqualified accounts win %.3f of %d deals; want rarely", dq, nDQ)
	}
}

// TestTruthRecovered fits a logistic regression by Newton's method to the
// closed deals the logistic rule decides, and checks that every true
// coefficient lies within 3 standard errors of its estimate.
func TestTruthRecovered(t *testing.T) {
	s := sample
	n := 0
	for _, r := range []demo.Rule{demo.RuleLogistic, demo.RuleDisqualified, demo.RuleOutOfICP, demo.RuleDeclining} {
		n += len(s.ClosedBy(r))
	}
	if closed := len(s.Opportunities) - countOpen(s); n != closed {
		t.Errorf("ClosedBy over all rules: %d deals; want the %d closed", n, closed)
	}
	var xs [][]float64
	var ys []float64
	for i := range s.Opportunities {
		d := &s.Truth.Deals[i]
		if o := &s.Opportunities[i]; o.Outcome.Closed() && d.Rule == demo.RuleLogistic {
			xs = append(xs, append([]float64{1}, d.X...))
			ys = append(ys, b2f(o.Outcome == icp.Won))
		}
	}
	beta, se := fitLogit(t, xs, ys)
	want := []float64{s.Truth.Intercept}
	names := []string{"intercept"}
	for _, c := range s.Truth.Criteria {
		want = append(want, s.Truth.Effects[c])
		names = append(names, c)
	}
	for j := range want {
		t.Logf("%-14s estimate %6.3f ± %.3f, truth %6.3f", names[j], beta[j], se[j], want[j])
		if z := (beta[j] - want[j]) / se[j]; math.Abs(z) > 3 {
			t.Errorf("%s: estimate %.3f ± %.3f; truth %.3f (z = %.1f)", names[j], beta[j], se[j], want[j], z)
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// fitLogit fits P(y=1) = 1/(1+exp(−x·β)) by Newton–Raphson and returns β
// and the standard errors from the inverse Fisher information.
func fitLogit(t *testing.T, xs [][]float64, ys []float64) (beta, se []float64) {
	t.Helper()
	const (
		iterations = 50
		tolerance  = 1e-10
	)
	k := len(xs[0])
	beta = make([]float64, k)
	var chol mat.Cholesky
	for it := 0; ; it++ {
		info := mat.NewSymDense(k, nil)
		grad := mat.NewVecDense(k, nil)
		for i, x := range xs {
			eta := 0.0
			for j := range x {
				eta += x[j] * beta[j]
			}
			p := 1 / (1 + math.Exp(-eta))
			for a := range k {
				grad.SetVec(a, grad.AtVec(a)+(ys[i]-p)*x[a])
				for b := a; b < k; b++ {
					info.SetSym(a, b, info.At(a, b)+p*(1-p)*x[a]*x[b])
				}
			}
		}
		if !chol.Factorize(info) {
			t.Fatal("fitLogit: information matrix not positive definite")
		}
		var step mat.VecDense
		if err := chol.SolveVecTo(&step, grad); err != nil {
			t.Fatal(err)
		}
		for j := range beta {
			beta[j] += step.AtVec(j)
		}
		if mat.Norm(&step, math.Inf(1)) < tolerance {
			break
		}
		if it == iterations {
			t.Fatalf("fitLogit: no convergence after %d iterations", iterations)
		}
	}
	var inv mat.SymDense
	if err := chol.InverseTo(&inv); err != nil {
		t.Fatal(err)
	}
	se = make([]float64, k)
	for j := range se {
		se[j] = math.Sqrt(inv.At(j, j))
	}
	return beta, se
}

func TestRuleString(t *testing.T) {
	tests := []struct {
		rule demo.Rule
		want string
	}{
		{demo.RuleLogistic, "logistic"},
		{demo.RuleDisqualified, "disqualified"},
		{demo.RuleOutOfICP, "out-of-icp"},
		{demo.RuleDeclining, "declining"},
		{demo.Rule(9), "Rule(9)"},
	}
	for _, tt := range tests {
		if got := tt.rule.String(); got != tt.want {
			t.Errorf("Rule(%d).String() = %q; want %q", uint8(tt.rule), got, tt.want)
		}
	}
}

func TestWriteScaleAccounts(t *testing.T) {
	var a, b, c bytes.Buffer
	if err := demo.WriteScaleAccounts(&a, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if err := demo.WriteScaleAccounts(&b, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if err := demo.WriteScaleAccounts(&c, 100, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("WriteScaleAccounts differs between runs")
	}
	if !bytes.HasPrefix(a.Bytes(), c.Bytes()) {
		t.Error("WriteScaleAccounts(100) is not a prefix of WriteScaleAccounts(1000)")
	}
	recs, err := csv.NewReader(&a).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1001 || recs[1][0] != "A00000001" || len(recs[0]) != 17 {
		t.Errorf("%d records, first id %q, %d columns; want 1001, A00000001, 17", len(recs), recs[1][0], len(recs[0]))
	}
}

func TestWriteScaleDeals(t *testing.T) {
	const n = 5000
	var a, b bytes.Buffer
	if err := demo.WriteScaleDeals(&a, n, 3); err != nil {
		t.Fatal(err)
	}
	if err := demo.WriteScaleDeals(&b, n/10, 3); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Bytes(), b.Bytes()) {
		t.Error("WriteScaleDeals(n/10) is not a prefix of WriteScaleDeals(n)")
	}
	recs, err := csv.NewReader(&a).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != n+1 || len(recs[0]) != 27 {
		t.Fatalf("%d records of %d columns; want %d of 27", len(recs), len(recs[0]), n+1)
	}
	won := 0
	for _, r := range recs[1:] {
		switch r[6] {
		case "won":
			won++
		case "lost":
		default:
			t.Fatalf("deal %s: outcome %q", r[0], r[6])
		}
	}
	if rate := float64(won) / n; rate < 0.26 || rate > 0.34 {
		t.Errorf("win rate %.3f; want about 0.30", rate)
	}
	if tr := demo.ScaleDealsTruth(3); tr.Intercept >= 0 || len(tr.Criteria) != 7 || tr.Deals != nil {
		t.Errorf("ScaleDealsTruth(3) = %+v", tr)
	}
}
