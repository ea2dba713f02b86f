package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/report"
	"github.com/xuri/excelize/v2"
)

// workbook builds the test input (without the skipped tiers) and reads
// the written workbook back.
func workbook(t *testing.T, skip map[kind]bool) (*report.Report, *excelize.File) {
	t.Helper()
	r, err := report.Build(testInput(skip), report.Settings{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("read workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return r, f
}

// table finds a table on a sheet by the text of its first header cell.
type table struct {
	t      *testing.T
	f      *excelize.File
	sheet  string
	rows   [][]string
	header int // 0-based row of the header
	first  int // 0-based column of the first header
	cols   map[string]int
}

func findTable(t *testing.T, f *excelize.File, sheet, firstHeader string) *table {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("GetRows(%q): %v", sheet, err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v != firstHeader {
				continue
			}
			tb := &table{t: t, f: f, sheet: sheet, rows: rows, header: r, first: c, cols: map[string]int{}}
			for cc := c; cc < len(row) && row[cc] != ""; cc++ {
				if _, dup := tb.cols[row[cc]]; !dup {
					tb.cols[row[cc]] = cc
				}
			}
			return tb
		}
	}
	t.Fatalf("sheet %q: no table headed %q", sheet, firstHeader)
	return nil
}

// row returns the 0-based row whose first cells hold keys.
func (tb *table) row(keys ...string) int {
	tb.t.Helper()
	for r := tb.header + 1; r < len(tb.rows); r++ {
		ok := true
		for i, k := range keys {
			c := tb.first + i
			if c >= len(tb.rows[r]) || tb.rows[r][c] != k {
				ok = false
				break
			}
		}
		if ok {
			return r
		}
	}
	tb.t.Fatalf("sheet %q: no row %q", tb.sheet, keys)
	return -1
}

// cell returns the A1 name of column col of row r.
func (tb *table) cell(r int, col string) string {
	tb.t.Helper()
	c, ok := tb.cols[col]
	if !ok {
		tb.t.Fatalf("sheet %q: no column %q (have %v)", tb.sheet, col, tb.cols)
	}
	n, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return n
}

func (tb *table) raw(r int, col string) string {
	tb.t.Helper()
	v, err := tb.f.GetCellValue(tb.sheet, tb.cell(r, col), excelize.Options{RawCellValue: true})
	if err != nil {
		tb.t.Fatal(err)
	}
	return v
}

func (tb *table) num(r int, col string) float64 {
	tb.t.Helper()
	v := tb.raw(r, col)
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		tb.t.Fatalf("sheet %q %s (%s): %q is not a number", tb.sheet, tb.cell(r, col), col, v)
	}
	return x
}

func (tb *table) format(r int, col string) string {
	tb.t.Helper()
	id, err := tb.f.GetCellStyle(tb.sheet, tb.cell(r, col))
	if err != nil {
		tb.t.Fatal(err)
	}
	st, err := tb.f.GetStyle(id)
	if err != nil {
		tb.t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return strconv.Itoa(st.NumFmt)
}

func (tb *table) comment(r int, col string) string {
	tb.t.Helper()
	cs, err := tb.f.GetComments(tb.sheet)
	if err != nil {
		tb.t.Fatal(err)
	}
	name := tb.cell(r, col)
	for _, c := range cs {
		if c.Cell == name {
			var b strings.Builder
			b.WriteString(c.Text)
			for _, p := range c.Paragraph {
				b.WriteString(p.Text)
			}
			return b.String()
		}
	}
	return ""
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// wilson95 is the Wilson score interval written out from its definition
// (Wilson 1927; z = Φ⁻¹(0.975) = 1.959963984540054).
func wilson95(won, n int) (lo, hi float64) {
	const z = 1.959963984540054
	p, nf := float64(won)/float64(n), float64(n)
	centre := (p + z*z/(2*nf)) / (1 + z*z/nf)
	half := z / (1 + z*z/nf) * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

func TestSheets(t *testing.T) {
	_, f := workbook(t, nil)
	want := []string{"Summary", "Review findings", "Win rate by tier", "Pipeline mix", "Forecast by tier", "Aging pipeline", "Cohorts", "Calibration", "Data quality"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("GetSheetList() = %q; want %q", got, want)
	}
	for _, s := range want {
		title, _ := f.GetCellValue(s, "A1")
		note, _ := f.GetCellValue(s, "A2")
		if title == "" || note == "" {
			t.Errorf("sheet %q: title %q, note %q; want both", s, title, note)
		}
		panes, err := f.GetPanes(s)
		if err != nil || !panes.Freeze {
			t.Errorf("sheet %q: panes %+v, %v; want frozen", s, panes, err)
		}
	}
}

func TestWinRateSheet(t *testing.T) {
	_, f := workbook(t, nil)
	tb := findTable(t, f, "Win rate by tier", "Period")
	type tally struct {
		won, lost int
		wonSum    float64
		cycles    []float64
	}
	byTier := map[string]*tally{}
	byQ2 := map[string]*tally{}
	for _, d := range testDeals(nil) {
		if !d.opp.Outcome.Closed() {
			continue
		}
		name := tierNames[d.kind]
		for _, m := range []map[string]*tally{byTier, byQ2} {
			if m[name] == nil {
				m[name] = &tally{}
			}
		}
		ts := []*tally{byTier[name]}
		if d.opp.Closed.Month() == time.May {
			ts = append(ts, byQ2[name])
		}
		for _, tl := range ts {
			if d.opp.Outcome == icp.Won {
				tl.won++
				tl.wonSum += d.opp.Amount.Value
				tl.cycles = append(tl.cycles, d.opp.Closed.Sub(d.opp.Created).Hours()/24)
			} else {
				tl.lost++
			}
		}
	}
	for _, name := range tierNames {
		tl := byTier[name]
		r := tb.row("All periods", name)
		n := tl.won + tl.lost
		if got := tb.num(r, "Closed deals"); got != float64(n) {
			t.Errorf("%s closed = %v; want %d", name, got, n)
		}
		if got := tb.num(r, "Won"); got != float64(tl.won) {
			t.Errorf("%s won = %v; want %d", name, got, tl.won)
		}
		if got := tb.num(r, "Lost"); got != float64(tl.lost) {
			t.Errorf("%s lost = %v; want %d", name, got, tl.lost)
		}
		if got, want := tb.num(r, "Win rate"), float64(tl.won)/float64(n); !near(got, want, 1e-12) {
			t.Errorf("%s win rate = %v; want %v", name, got, want)
		}
		lo, hi := wilson95(tl.won, n)
		if got := tb.num(r, "Low 95%"); !near(got, lo, 1e-9) {
			t.Errorf("%s low = %v; want %v", name, got, lo)
		}
		if got := tb.num(r, "High 95%"); !near(got, hi, 1e-9) {
			t.Errorf("%s high = %v; want %v", name, got, hi)
		}
		if got, want := tb.num(r, "Average won deal (USD)"), tl.wonSum/float64(tl.won); !near(got, want, 1e-9) {
			t.Errorf("%s average won = %v; want %v", name, got, want)
		}
		sort.Float64s(tl.cycles)
		k := len(tl.cycles)
		med := tl.cycles[k/2]
		if k%2 == 0 {
			med = (tl.cycles[k/2-1] + tl.cycles[k/2]) / 2
		}
		if got := tb.num(r, "Median cycle (days)"); !near(got, med, 1e-9) {
			t.Errorf("%s median cycle = %v; want %v", name, got, med)
		}
		if got := tb.format(r, "Win rate"); got != "0.0%" {
			t.Errorf("%s win rate format = %q; want 0.0%%", name, got)
		}
		if got := tb.format(r, "Average won deal (USD)"); !strings.Contains(got, "$") {
			t.Errorf("%s average won format = %q; want a dollar format", name, got)
		}
		q := byQ2[name]
		r = tb.row("2026-Q2", name)
		if got := tb.num(r, "Won"); got != float64(q.won) {
			t.Errorf("2026-Q2 %s won = %v; want %d", name, got, q.won)
		}
		if got := tb.num(r, "Closed deals"); got != float64(q.won+q.lost) {
			t.Errorf("2026-Q2 %s closed = %v; want %d", name, got, q.won+q.lost)
		}
	}
	// Tier 1 (30 of 40) and Tier 2 (20 of 40): the intervals overlap.
	if got := tb.raw(tb.row("All periods", "Tier 1"), "Flag"); !strings.Contains(got, "Tier 1 does not convert meaningfully better than Tier 2") {
		t.Errorf("Tier 1 flag = %q; want the overlap flag", got)
	}
	if got := tb.raw(tb.row("All periods", "Tier 2"), "Flag"); got != "" {
		t.Errorf("Tier 2 flag = %q; want none", got)
	}
}

func TestPipelineAndForecastSheets(t *testing.T) {
	_, f := workbook(t, nil)
	tb := findTable(t, f, "Pipeline mix", "Tier")
	deals, value, total := map[string]int{}, map[string]float64{}, 0.0
	for _, d := range testDeals(nil) {
		if d.opp.Outcome.Closed() {
			continue
		}
		deals[tierNames[d.kind]]++
		if d.opp.Amount.Known {
			value[tierNames[d.kind]] += d.opp.Amount.Value
			total += d.opp.Amount.Value
		}
	}
	for _, name := range tierNames[:3] {
		r := tb.row(name)
		if got := tb.num(r, "Open deals"); got != float64(deals[name]) {
			t.Errorf("%s open deals = %v; want %d", name, got, deals[name])
		}
		if got := tb.num(r, "Open value (USD)"); got != value[name] {
			t.Errorf("%s open value = %v; want %v", name, got, value[name])
		}
		if got := tb.num(r, "Share of value"); !near(got, value[name]/total, 1e-12) {
			t.Errorf("%s share of value = %v; want %v", name, got, value[name]/total)
		}
	}
	rows, _ := f.GetRows("Pipeline mix")
	if !strings.Contains(joinRows(rows), "is a sourcing problem, not a closing problem") {
		t.Errorf("pipeline sheet: no sourcing statement though Tier 2 and 3 hold %v of %v", value["Tier 2"]+value["Tier 3"], total)
	}
	st := findTable(t, f, "Pipeline mix", "Breakdown")
	r := st.row("Stage", "Discovery")
	disc := 0
	for _, d := range testDeals(nil) {
		if !d.opp.Outcome.Closed() && d.opp.Stage == "Discovery" {
			disc++
		}
	}
	// Stage columns repeat the tier names for deals and value; the first
	// "All tiers" is the deal count.
	if got := st.num(r, "All tiers"); got != float64(disc) {
		t.Errorf("Discovery open deals = %v; want %d", got, disc)
	}

	ft := findTable(t, f, "Forecast by tier", "Tier")
	fr := ft.row("Tier 1")
	if got, want := ft.num(fr, "Forecast (USD)"), value["Tier 1"]*30/40; !near(got, want, 1e-6) {
		t.Errorf("Tier 1 forecast = %v; want %v", got, want)
	}
	lo, hi := wilson95(30, 40)
	if got := ft.num(fr, "Forecast low"); !near(got, value["Tier 1"]*lo, 1e-6) {
		t.Errorf("Tier 1 forecast low = %v; want %v", got, value["Tier 1"]*lo)
	}
	if got := ft.num(fr, "Forecast high"); !near(got, value["Tier 1"]*hi, 1e-6) {
		t.Errorf("Tier 1 forecast high = %v; want %v", got, value["Tier 1"]*hi)
	}
	// Unweighted: the open value of tiers with history × the overall rate.
	won, closed := 0, 0
	for _, p := range closedPlan {
		won += p.won
		closed += p.won + p.lost
	}
	ur := ft.row("Unweighted (overall win rate)")
	if got, want := ft.num(ur, "Forecast (USD)"), total*float64(won)/float64(closed); !near(got, want, 1e-6) {
		t.Errorf("unweighted forecast = %v; want %v", got, want)
	}
}

func TestAgingSheet(t *testing.T) {
	_, f := workbook(t, nil)
	tb := findTable(t, f, "Aging pipeline", "Deal")
	type aging struct {
		id      string
		created time.Time
	}
	var agings []aging
	for _, d := range testDeals(nil) {
		o := d.opp
		if o.Outcome.Closed() {
			continue
		}
		stalled := asOf.Sub(o.LastStageChange).Hours()/24 >= 180
		rescore := asOf.Sub(o.Created).Hours()/24 >= 60
		if stalled || rescore {
			agings = append(agings, aging{o.ID, o.Created})
		}
	}
	sort.SliceStable(agings, func(i, j int) bool { return agings[i].created.Before(agings[j].created) })
	var want []string
	for _, a := range agings {
		want = append(want, a.id)
	}
	var got []string
	for r := tb.header + 1; r < len(tb.rows) && len(tb.rows[r]) > 0 && tb.rows[r][0] != ""; r++ {
		got = append(got, tb.rows[r][0])
	}
	if !slices.Equal(got, want) {
		t.Errorf("aging deals = %q; want %q (oldest first)", got, want)
	}
	if got := tb.format(tb.header+1, "Created"); got != "yyyy-mm-dd" {
		t.Errorf("created format = %q; want yyyy-mm-dd", got)
	}
}

func TestCohortSheet(t *testing.T) {
	rep, f := workbook(t, nil)
	tb := findTable(t, f, "Cohorts", "Tier")
	for _, c := range cohortPlans {
		r := tb.row(tierNames[c.kind], c.period)
		if got := tb.num(r, "Customers"); got != float64(c.n) {
			t.Errorf("%s %s customers = %v; want %d", tierNames[c.kind], c.period, got, c.n)
		}
		for h, months := range rep.Cohorts.Horizons {
			col := "Logo " + strconv.Itoa(months) + " mo"
			at := c.start.AddDate(0, months, 0)
			if at.After(asOf) {
				if v := tb.raw(r, col); v != "" {
					t.Errorf("%s %s %s = %q; want an empty cell (not yet known)", tierNames[c.kind], c.period, col, v)
				}
				if note := tb.comment(r, col); !strings.HasPrefix(note, "not yet known") {
					t.Errorf("%s %s %s comment = %q; want not yet known", tierNames[c.kind], c.period, col, note)
				}
				continue
			}
			alive := c.n
			for _, ch := range c.churn {
				if !ch.After(at) {
					alive--
				}
			}
			if got, want := tb.num(r, col), float64(alive)/float64(c.n); !near(got, want, 1e-12) {
				t.Errorf("%s %s %s = %v; want %v (horizon %d)", tierNames[c.kind], c.period, col, got, want, h)
			}
			if got := tb.format(r, col); got != "0.0%" {
				t.Errorf("%s format = %q; want 0.0%%", col, got)
			}
		}
	}
	// Tier 1, 2025-Q1: 3 of 20 churned (2 within 90 days), ARR flat.
	r := tb.row("Tier 1", "2025-Q1")
	if got := tb.num(r, "Churn 90 days"); !near(got, 0.1, 1e-12) {
		t.Errorf("Tier 1 2025-Q1 churn 90 days = %v; want 0.1", got)
	}
	if got := tb.num(r, "NRR 12 mo"); !near(got, 17.0/20, 1e-12) {
		t.Errorf("Tier 1 2025-Q1 NRR 12 = %v; want 0.85", got)
	}
	// CAC payback = Σ CAC / Σ (ARR/12 × margin) = 6000 / (1000 × 0.8).
	if got := tb.num(r, "CAC payback (months)"); !near(got, 7.5, 1e-9) {
		t.Errorf("Tier 1 2025-Q1 CAC payback = %v; want 7.5", got)
	}
	// Annual churn = churned / customer-years observed.
	start := day(2025, 2, 1)
	years := 0.0
	for i := range 20 {
		end := asOf
		if i < 3 {
			end = cohortPlans[0].churn[i]
		}
		years += end.Sub(start).Hours() / 24 / 365.25
	}
	rate := 3 / years
	if got := tb.num(r, "Annual churn"); !near(got, rate, 1e-9) {
		t.Errorf("annual churn = %v; want %v", got, rate)
	}
	if got, want := tb.num(r, "LTV (USD)"), 12000*0.8/rate; !near(got, want, 1e-6) {
		t.Errorf("LTV = %v; want %v", got, want)
	}
	// Tier 2 has no churn: LTV cannot be estimated, and says so.
	r2 := tb.row("Tier 2", "2025-Q1")
	if v := tb.raw(r2, "LTV (USD)"); v != "" {
		t.Errorf("Tier 2 LTV = %q; want empty", v)
	}
	if note := tb.comment(r2, "LTV (USD)"); !strings.Contains(note, "no churn") {
		t.Errorf("Tier 2 LTV comment = %q; want no churn", note)
	}
	// Young cohort: 90-day churn not yet known.
	r3 := tb.row("Tier 1", "2026-Q4")
	if v := tb.raw(r3, "Churn 90 days"); v != "" {
		t.Errorf("Tier 1 2026-Q4 churn 90 days = %q; want empty", v)
	}
}

func TestQualitySheet(t *testing.T) {
	_, f := workbook(t, nil)
	tb := findTable(t, f, "Data quality", "File")
	r := tb.row("deals.csv", "99")
	if got := tb.raw(r, "Reason"); !strings.Contains(got, "not a date") {
		t.Errorf("reject reason = %q", got)
	}
	mt := findTable(t, f, "Data quality", "Criterion")
	deals, unknown := 0, 0
	for _, d := range testDeals(nil) {
		deals++
		if d.opp.Prospect.Industry == "" {
			unknown++
		}
	}
	r = mt.row("Industry")
	if got := mt.num(r, "Unknown"); got != float64(unknown) {
		t.Errorf("industry unknown = %v; want %d", got, unknown)
	}
	if got := mt.num(r, "Unknown share"); !near(got, float64(unknown)/float64(deals), 1e-12) {
		t.Errorf("industry unknown share = %v; want %v", got, float64(unknown)/float64(deals))
	}
	st := findTable(t, f, "Data quality", "Source")
	if got := st.num(st.row("deals.csv"), "Rejected"); got != 2 {
		t.Errorf("deals.csv rejected = %v; want 2", got)
	}
}

// TestNoNaN builds a review without any Tier 3 deal or customer: its
// rates are unknown, written as empty cells with a note, never NaN.
func TestNoNaN(t *testing.T) {
	r, f := workbook(t, map[kind]bool{t3: true})
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if x, err := strconv.ParseFloat(v, 64); err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
					t.Errorf("sheet %q row %d col %d: %q", s, i+1, j+1, v)
				}
			}
		}
	}
	tb := findTable(t, f, "Win rate by tier", "Period")
	row := tb.row("All periods", "Tier 3")
	if got := tb.num(row, "Closed deals"); got != 0 {
		t.Errorf("Tier 3 closed = %v; want 0", got)
	}
	for _, col := range []string{"Win rate", "Low 95%", "High 95%", "Average won deal (USD)", "Median cycle (days)"} {
		if v := tb.raw(row, col); v != "" {
			t.Errorf("Tier 3 %s = %q; want empty", col, v)
		}
		if note := tb.comment(row, col); note == "" {
			t.Errorf("Tier 3 %s has no comment", col)
		}
	}
	b, err := json.Marshal(r.Summary())
	if err != nil {
		t.Fatalf("json.Marshal(Summary()): %v", err)
	}
	if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
		t.Errorf("summary has NaN or Inf: %s", b)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	write := func() (xlsx []byte, pngs [][]byte, js []byte) {
		r, err := report.Build(testInput(nil), report.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.WriteXLSX(&buf); err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Charts() {
			var p bytes.Buffer
			if err := r.WritePNG(&p, c.Name); err != nil {
				t.Fatal(err)
			}
			pngs = append(pngs, p.Bytes())
		}
		js, _ = json.Marshal(r.Summary())
		return buf.Bytes(), pngs, js
	}
	x1, p1, j1 := write()
	x2, p2, j2 := write()
	if !bytes.Equal(x1, x2) {
		t.Errorf("two workbooks of the same input differ (%d and %d bytes)", len(x1), len(x2))
	}
	for i := range p1 {
		if !bytes.Equal(p1[i], p2[i]) {
			t.Errorf("chart %d differs between runs", i)
		}
	}
	if !bytes.Equal(j1, j2) {
		t.Errorf("summaries differ:\n%s\n%s", j1, j2)
	}
}

func TestCharts(t *testing.T) {
	t.Parallel()
	for _, skip := range []map[kind]bool{nil, {t1: true, t2: true, t3: true, dq: true}} {
		r, err := report.Build(testInput(skip), report.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Charts() {
			var buf bytes.Buffer
			if err := r.WritePNG(&buf, c.Name); err != nil {
				t.Fatalf("WritePNG(%q): %v", c.Name, err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: decode: %v", c.Name, err)
			}
			if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 900 {
				t.Errorf("%s: size %v; want 1600×900", c.Name, b.Size())
			}
			inked := 0
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y += 3 {
				for x := b.Min.X; x < b.Max.X; x += 3 {
					r, g, bl, _ := img.At(x, y).RGBA()
					if r < 0xF000 || g < 0xF000 || bl < 0xF000 {
						inked++
					}
				}
			}
			if inked < 500 {
				t.Errorf("%s (skip %v): %d inked pixels of a 533×300 sample; want a drawing", c.Name, skip, inked)
			}
		}
		if err := r.WritePNG(&bytes.Buffer{}, "nope"); !errors.Is(err, report.ErrNoChart) {
			t.Errorf("WritePNG(nope) = %v; want ErrNoChart", err)
		}
	}
}

func TestWriteDir(t *testing.T) {
	t.Parallel()
	r, err := report.Build(testInput(nil), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := report.WriteDir(dir, r); err != nil {
		t.Fatalf("WriteDir: %v", err)
	}
	want := []string{report.WorkbookFile, report.SummaryFile}
	for _, c := range r.Charts() {
		want = append(want, c.Name+".png")
	}
	sort.Strings(want)
	var got []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("files = %q; want %q", got, want)
	}
	if err := report.WriteDir(filepath.Join(dir, "missing"), r); err == nil {
		t.Errorf("WriteDir(missing dir) = nil; want an error")
	}
}

func TestSummaryKeysSorted(t *testing.T) {
	r, err := report.Build(testInput(nil), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r.Summary())
	if err != nil {
		t.Fatal(err)
	}
	checkSortedKeys(t, b)
	closed := 0
	for _, p := range closedPlan {
		closed += p.won + p.lost
	}
	s := r.Summary()
	if s.Deals.Closed != closed || s.Model.Name != "Test ICP" || len(s.Tiers) != 4 {
		t.Errorf("Summary() = %+v", s)
	}
}

// checkSortedKeys checks that every JSON object in b has sorted keys.
func checkSortedKeys(t *testing.T, b []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	// A stack of the last key per open object.
	type frame struct {
		obj  bool
		last string
		key  bool // the next string token is a key
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		top := len(stack) - 1
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if top >= 0 && stack[top].obj {
					stack[top].key = true
				}
				stack = append(stack, frame{obj: v == '{', key: v == '{'})
			default:
				stack = stack[:top]
				if top-1 >= 0 && stack[top-1].obj {
					stack[top-1].key = true
				}
			}
			continue
		case string:
			if top >= 0 && stack[top].obj && stack[top].key {
				if v < stack[top].last {
					t.Errorf("key %q after %q: keys not sorted", v, stack[top].last)
				}
				stack[top].last, stack[top].key = v, false
				continue
			}
		}
		if top >= 0 && stack[top].obj {
			stack[top].key = true
		}
	}
}

func TestBuildErrors(t *testing.T) {
	good := testInput(nil)
	nan := testInput(nil)
	nan.Deals[3].Amount = icp.Num(math.NaN())
	neg := testInput(nil)
	neg.Customers[0].GrossMargin = icp.Num(1.5)
	tests := []struct {
		name string
		in   report.Input
		s    report.Settings
		want string
	}{
		{"no model", report.Input{AsOf: asOf}, report.Settings{}, "no model"},
		{"no as-of", report.Input{Model: good.Model}, report.Settings{}, "as-of date"},
		{"NaN amount", nan, report.Settings{}, `deal "D0004" (line 5): field "amount": NaN is not a finite number`},
		{"margin", neg, report.Settings{}, `field "gross_margin": 1.5 is outside 0–1`},
		{"confidence", good, report.Settings{Confidence: 1.5}, "confidence"},
		{"negative rows", good, report.Settings{MaxAgingRows: -1}, "max aging rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := report.Build(tt.in, tt.s)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Build() = %v; want an error containing %q", err, tt.want)
			}
			if !errors.Is(err, report.ErrInvalid) {
				t.Errorf("Build() = %v; want it to wrap ErrInvalid", err)
			}
		})
	}
	var ie *report.InputError
	if _, err := report.Build(nan, report.Settings{}); !errors.As(err, &ie) || ie.Line != 5 {
		t.Errorf("Build(NaN amount) = %v; want an *InputError at line 5", err)
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want report.Period
		ok   bool
	}{
		{"", report.Quarter, true},
		{"quarter", report.Quarter, true},
		{" Month ", report.Month, true},
		{"m", report.Month, true},
		{"week", report.Quarter, false},
	}
	for _, tt := range tests {
		got, err := report.ParsePeriod(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && got.String() != strings.ToLower(strings.TrimSpace(tt.in)) && len(tt.in) > 1 {
			t.Errorf("%v.String() = %q; want %q", got, got.String(), strings.ToLower(strings.TrimSpace(tt.in)))
		}
	}
}

// TestMonthPeriod checks the month labels of the period rows.
func TestMonthPeriod(t *testing.T) {
	in := testInput(nil)
	in.Period = report.Month
	r, err := report.Build(in, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2026-05", "2026-08"}; !slices.Equal(r.WinRate.Periods, want) {
		t.Errorf("Periods = %q; want %q", r.WinRate.Periods, want)
	}
}

func joinRows(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestTypedTables checks the typed forecast table against figures worked
// out by hand from the test plan.
func TestTypedTables(t *testing.T) {
	r, err := report.Build(testInput(nil), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := wilson95(30, 40) // Tier 1: 30 of 40 closed deals won
	const value = 6 * 50000.0  // six open Tier 1 deals of 50,000
	want := report.ForecastRow{
		Tier: "Tier 1", Deals: 6, Value: value,
		WinRate: fig(0.75), Low: fig(lo), High: fig(hi),
		Expected: fig(value * 0.75), ExpectedLow: fig(value * lo), ExpectedHigh: fig(value * hi),
	}
	// Tolerance: the test's Wilson formula and metric.Wilson differ in the
	// last bits only.
	if diff := cmp.Diff(want, r.Forecast.Tiers[0], cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("Forecast.Tiers[0] mismatch (-want +got):\n%s", diff)
	}
	// Disqualified has closed deals but no open ones: a known zero.
	dq := r.Forecast.Tiers[3]
	if !dq.Expected.Known || dq.Expected.Value != 0 {
		t.Errorf("Disqualified forecast = %+v; want a known 0", dq.Expected)
	}
}

func fig(v float64) report.Figure { return report.Figure{Value: v, Known: true} }

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"", "quarter", "Month", " m ", "weekly"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := report.ParsePeriod(s)
		if err != nil {
			if !errors.Is(err, report.ErrInvalid) {
				t.Errorf("ParsePeriod(%q) = %v; want an error wrapping ErrInvalid", s, err)
			}
			return
		}
		if q, err := report.ParsePeriod(p.String()); err != nil || q != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v (round trip of %q)", p.String(), q, err, p, s)
		}
	})
}
