package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
	"github.com/icpkit/icpkit/report"
	"github.com/xuri/excelize/v2"
)

// calDemo is a small demo company (600 accounts, about 900 closed deals)
// calibrated with 3 folds: generated once, shared by the tests.
var calDemo = sync.OnceValues(func() (*demo.Sample, *calibrate.Result) {
	s := demo.Generate(demo.Settings{Accounts: 600})
	res, err := calibrate.Run(icp.Reference(), s.Opportunities, calibrate.Settings{Folds: 3})
	if err != nil {
		panic("calibrate.Run on the demo: " + err.Error())
	}
	return s, res
})

// calInput is the demo review with its calibration.
func calInput(t *testing.T) (report.Input, *calibrate.Result) {
	t.Helper()
	s, res := calDemo()
	return report.Input{
		Model: icp.Reference(), Deals: s.Opportunities, Customers: s.Customers, AsOf: s.AsOf,
		Calibration: res,
		Sources:     []report.Source{{Name: "opportunities", Read: len(s.Opportunities)}},
	}, res
}

// buildRead builds the review, writes the workbook and reads it back.
func buildRead(t *testing.T, in report.Input) (*report.Report, *excelize.File, []byte) {
	t.Helper()
	r, err := report.Build(in, report.Settings{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	b := slices.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("read workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return r, f, b
}

// TestCalibrationAgrees checks that the suggested points and the AUC are
// the same in the workbook, in Summary() and in the calibrate.Result.
func TestCalibrationAgrees(t *testing.T) {
	t.Parallel()
	in, res := calInput(t)
	r, f, _ := buildRead(t, in)
	sum := r.Summary().Calibration
	if sum == nil {
		t.Fatal("Summary().Calibration = nil; want the calibration")
	}
	if res.Suggested == nil || res.Fit == nil {
		t.Fatalf("the demo calibration has no suggestion or no fit: %v", res.Warnings)
	}
	if sum.Method != res.Method.String() || sum.N != res.N || sum.Won != res.Won || sum.Lost != res.Lost {
		t.Errorf("Summary().Calibration = %s n %d won %d lost %d; want %s %d %d %d", sum.Method, sum.N, sum.Won, sum.Lost, res.Method, res.N, res.Won, res.Lost)
	}
	if sum.PointsToDouble == nil || *sum.PointsToDouble != res.PointsToDouble {
		t.Errorf("points_to_double = %v; want %v", sum.PointsToDouble, res.PointsToDouble)
	}

	// Criteria: the workbook's suggested points, the summary's and calibrate's.
	tb := findTable(t, f, "Calibration", "Criterion")
	for _, c := range res.Criteria {
		row := tb.row(c.Label)
		if got := tb.num(row, "Suggested points"); got != float64(c.Suggested) {
			t.Errorf("%s: workbook suggested points = %v; want %d", c.Name, got, c.Suggested)
		}
		if got, ok := sum.SuggestedPoints[c.Name]; !ok || got != c.Suggested {
			t.Errorf("%s: summary suggested_points = %v (%v); want %d", c.Name, got, ok, c.Suggested)
		}
		if got := tb.num(row, "Current points"); got != c.Current {
			t.Errorf("%s: workbook current points = %v; want %v", c.Name, got, c.Current)
		}
		if got := tb.num(row, "Effect (log-odds)"); !near(got, c.Coef.Estimate, 1e-12) {
			t.Errorf("%s: workbook effect = %v; want %v", c.Name, got, c.Coef.Estimate)
		}
		if got := tb.num(row, "Odds ratio"); !near(got, c.Coef.OddsRatio, 1e-12) {
			t.Errorf("%s: workbook odds ratio = %v; want %v", c.Name, got, c.Coef.OddsRatio)
		}
		if c.Warning != "" {
			if got := tb.raw(row, "Warning"); got != c.Warning {
				t.Errorf("%s: workbook warning = %q; want %q", c.Name, got, c.Warning)
			}
		}
		for col, want := range map[string]string{"Effect (log-odds)": "0.00", "p": `[<0.001]"<0.001";0.000`, "Deals earning points": "0.0%"} {
			if got := tb.format(row, col); got != want {
				t.Errorf("%s: %s format %q; want %q", c.Name, col, got, want)
			}
		}
	}
	if len(sum.SuggestedPoints) != len(res.Criteria) {
		t.Errorf("summary suggested_points has %d criteria; want %d", len(sum.SuggestedPoints), len(res.Criteria))
	}

	// AUC of the suggested model under cross-validation.
	var cv *calibrate.Evaluation
	for i, e := range res.Validation {
		if strings.HasSuffix(e.Split, "cross-validation") && e.Model == calibrate.ModelSuggested {
			cv = &res.Validation[i]
		}
	}
	if cv == nil {
		t.Fatal("the demo calibration has no cross-validation of the suggestion")
	}
	if sum.AUC == nil || *sum.AUC != cv.AUC {
		t.Errorf("summary auc = %v; want %v", sum.AUC, cv.AUC)
	}
	if sum.Validation != cv.Split {
		t.Errorf("summary validation = %q; want %q", sum.Validation, cv.Split)
	}
	ov := findTable(t, f, "Calibration", "Split")
	for _, e := range res.Validation {
		row := ov.row(e.Split, e.Model)
		if got := ov.num(row, "AUC"); !near(got, e.AUC, 1e-12) {
			t.Errorf("%s %s: workbook AUC = %v; want %v", e.Split, e.Model, got, e.AUC)
		}
		if got := ov.num(row, "AUC low 95%"); !near(got, e.AUCLow, 1e-12) {
			t.Errorf("%s %s: workbook AUC low = %v; want %v", e.Split, e.Model, got, e.AUCLow)
		}
		if got := ov.format(row, "AUC"); got != "0.000" {
			t.Errorf("AUC format %q; want 0.000", got)
		}
	}

	// Reliability of the suggestion under cross-validation.
	rt := findTable(t, f, "Calibration", "Bin") // the suggested model's bins first
	for i, b := range cv.Reliability {
		row := rt.row(strconv.Itoa(i + 1))
		if got := rows(t, f, "Calibration")[row][0]; got != calibrate.ModelSuggested {
			t.Errorf("reliability bin %d: model %q; want %q", i+1, got, calibrate.ModelSuggested)
		}
		if got := rt.num(row, "Observed win rate"); !near(got, b.Observed, 1e-12) {
			t.Errorf("reliability bin %d: observed %v; want %v", i+1, got, b.Observed)
		}
		if got := rt.num(row, "Deals"); got != b.N {
			t.Errorf("reliability bin %d: deals %v; want %v", i+1, got, b.N)
		}
	}

	// Suggested tier thresholds.
	tt := findTable(t, f, "Calibration", "Tier")
	for _, th := range res.Thresholds {
		if got := tt.num(tt.row(th.Name), "Suggested minimum"); got != th.Min {
			t.Errorf("%s suggested minimum = %v; want %v", th.Name, got, th.Min)
		}
	}

	// Capacity: the suggested win rate below a threshold, which the
	// report derives from calibrate's shares, equals a direct count.
	ct := findTable(t, f, "Calibration", "Score at or above")
	for _, cp := range res.Capacity {
		row := ct.row(strconv.FormatFloat(cp.Score, 'f', -1, 64))
		if got := ct.num(row, "Deals kept"); !near(got, cp.DealsShare, 1e-12) {
			t.Errorf("capacity %v: deals kept %v; want %v", cp.Score, got, cp.DealsShare)
		}
	}
}

// TestCalibrationSheets checks the sheet list, the review findings and
// the summary's top findings, and that no cell or summary value is NaN.
func TestCalibrationSheets(t *testing.T) {
	t.Parallel()
	in, res := calInput(t)
	r, f, xlsx := buildRead(t, in)
	want := []string{"Summary", "Review findings", "Win rate by tier", "Pipeline mix", "Forecast by tier", "Aging pipeline", "Cohorts", "Calibration", "Data quality"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("GetSheetList() = %q; want %q", got, want)
	}
	texts := map[string]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		texts[s] = joinRows(rows)
		for i, row := range rows {
			for j, v := range row {
				if x, err := strconv.ParseFloat(v, 64); err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
					t.Errorf("sheet %q row %d col %d: %q", s, i+1, j+1, v)
				}
			}
		}
	}
	if len(res.Findings) == 0 {
		t.Fatal("the demo calibration has no findings")
	}
	for _, fd := range res.Findings {
		if !strings.Contains(texts["Review findings"], fd.Title) {
			t.Errorf("Review findings lacks %q", fd.Title)
		}
		for _, ev := range fd.Evidence {
			if !strings.Contains(texts["Review findings"], ev) {
				t.Errorf("Review findings lacks the evidence %q", ev)
			}
		}
	}
	for _, fd := range r.Findings {
		if !strings.Contains(texts["Review findings"], fd.Text) {
			t.Errorf("Review findings lacks the report finding %q", fd.Text)
		}
	}
	if !strings.Contains(texts["Summary"], res.Findings[0].Title) {
		t.Errorf("Summary lacks the top calibration finding %q", res.Findings[0].Title)
	}
	for _, w := range res.Warnings {
		if !strings.Contains(texts["Calibration"], w) {
			t.Errorf("Calibration sheet lacks the warning %q", w)
		}
	}
	sum := r.Summary().Calibration
	if !slices.Equal(sum.Findings, titles(res.Findings)) {
		t.Errorf("summary findings = %q; want %q", sum.Findings, titles(res.Findings))
	}
	b, err := json.Marshal(r.Summary())
	if err != nil {
		t.Fatalf("json.Marshal(Summary()): %v", err)
	}
	if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
		t.Errorf("summary has NaN or Inf: %s", b)
	}
	checkSortedKeys(t, b)

	// Same report, same bytes.
	var again bytes.Buffer
	if err := r.WriteXLSX(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(xlsx, again.Bytes()) {
		t.Errorf("two workbooks of the same report differ")
	}
}

func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func titles(fs []calibrate.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Title)
	}
	return out
}

// TestCalibrationCharts draws the calibration charts of a calibration
// (TestCharts draws them without one).
func TestCalibrationCharts(t *testing.T) {
	t.Parallel()
	in, _ := calInput(t)
	r, err := report.Build(in, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"calibration-points", "calibration-reliability"} {
		var buf bytes.Buffer
		if err := r.WritePNG(&buf, name); err != nil {
			t.Fatalf("WritePNG(%q): %v", name, err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 900 {
			t.Errorf("%s: size %v; want 1600×900", name, b.Size())
		}
	}
}

// TestCalibrationNotRun: without a calibration the sheets say how to run
// it and the summary's calibration is null.
func TestCalibrationNotRun(t *testing.T) {
	t.Parallel()
	r, f := workbook(t, nil)
	for _, s := range []string{"Calibration", "Review findings", "Summary"} {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		if txt := joinRows(rows); !strings.Contains(txt, "icp-report calibrate") {
			t.Errorf("sheet %q does not say how to run calibration:\n%s", s, txt)
		}
	}
	b, err := json.Marshal(r.Summary())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"calibration":null`) {
		t.Errorf("summary without calibration: %s; want \"calibration\":null", b)
	}
}

// TestCalibrationWithoutFit: when every closed deal was won there is no
// regression; the sheet shows the counts and the warning, and no figure
// is NaN or a made-up 0.
func TestCalibrationWithoutFit(t *testing.T) {
	t.Parallel()
	s, _ := calDemo()
	var won []icp.Opportunity
	for _, d := range s.Opportunities {
		if d.Outcome == icp.Won {
			won = append(won, d)
		}
	}
	res, err := calibrate.Run(icp.Reference(), won, calibrate.Settings{Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	r, f, _ := buildRead(t, report.Input{Model: icp.Reference(), Deals: won, AsOf: s.AsOf, Calibration: res})
	tb := findTable(t, f, "Calibration", "Criterion")
	row := tb.row(res.Criteria[0].Label)
	for _, col := range []string{"Effect (log-odds)", "Odds ratio", "Suggested points"} {
		if v := tb.raw(row, col); v != "" {
			t.Errorf("%s without a fit = %q; want empty", col, v)
		}
		if tb.comment(row, col) == "" {
			t.Errorf("%s without a fit has no comment", col)
		}
	}
	rows, _ := f.GetRows("Calibration")
	if txt := joinRows(rows); len(res.Warnings) == 0 || !strings.Contains(txt, res.Warnings[0]) {
		t.Errorf("Calibration sheet lacks the warning %q", res.Warnings)
	}
	sum := r.Summary().Calibration
	if sum.AUC != nil || sum.PointsToDouble != nil || sum.SuggestedPoints != nil {
		t.Errorf("summary without a fit: auc %v, points_to_double %v, suggested_points %v; want null", sum.AUC, sum.PointsToDouble, sum.SuggestedPoints)
	}
	for _, name := range []string{"calibration-points", "calibration-reliability"} {
		if err := r.WritePNG(&bytes.Buffer{}, name); err != nil {
			t.Errorf("WritePNG(%q): %v", name, err)
		}
	}
}

// ExampleBuild_calibration adds the calibration of the model to the
// review: the Calibration and Review findings sheets, two charts and the
// calibration's headline in Summary.
func ExampleBuild_calibration() {
	s := demo.Generate(demo.Settings{Accounts: 300})
	m := icp.Reference()
	cal, err := calibrate.Run(m, s.Opportunities, calibrate.Settings{Folds: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := report.Build(report.Input{Model: m, Deals: s.Opportunities, AsOf: s.AsOf, Calibration: cal}, report.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := r.Summary().Calibration
	fmt.Println("method:", sum.Method)
	fmt.Println("closed deals fitted:", sum.N == sum.Won+sum.Lost)
	fmt.Println("auc from:", sum.Validation)
	for _, c := range r.Charts() {
		if strings.HasPrefix(c.Name, "calibration-") {
			fmt.Println("chart:", c.Name)
		}
	}
	// Output:
	// method: firth
	// closed deals fitted: true
	// auc from: 3-fold cross-validation
	// chart: calibration-points
	// chart: calibration-reliability
}
