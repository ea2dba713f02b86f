package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the review workbook to w. The bytes depend only on the
// Report: the document properties carry the report date, and the parts
// of the package are written in name order.
func (r *Report) WriteXLSX(w io.Writer) error {
	sheets := []*grid{
		r.summarySheet(),
		r.reviewSheet(),
		r.winRateSheet(),
		r.pipelineSheet(),
		r.forecastSheet(),
		r.agingSheet(),
		r.cohortSheet(),
		r.calibrationSheet(),
		r.qualitySheet(),
	}
	f := excelize.NewFile()
	defer f.Close()
	wb := &workbook{f: f, styles: map[style]int{}, money: moneyFormat(r.Model.Currency)}
	for i, g := range sheets {
		if g.err != nil {
			return g.err
		}
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", g.name)
		} else {
			_, err = f.NewSheet(g.name)
		}
		if err != nil {
			return fmt.Errorf("report: add sheet %q: %w", g.name, err)
		}
	}
	for _, g := range sheets {
		if err := wb.emit(g); err != nil {
			return fmt.Errorf("report: write sheet %q: %w", g.name, err)
		}
	}
	f.SetActiveSheet(0)
	stamp := r.AsOf.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "ICP review " + r.AsOf.Format(time.DateOnly),
		Subject:        "Quarterly ICP review: " + r.Model.Name,
		Creator:        "icpkit",
		LastModifiedBy: "icpkit",
		Created:        stamp,
		Modified:       stamp,
		Description:    "Model " + strings.TrimSpace(r.Model.Name+" "+r.Model.Version) + ", as of " + r.AsOf.Format(time.DateOnly),
		Language:       "en-US",
	}); err != nil {
		return fmt.Errorf("report: document properties: %w", err)
	}
	// excelize adds the image content types in map order: sort them.
	if ct := f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report: write workbook: %w", err)
	}
	return nil
}

// cellKind selects a cell's look and number format.
type cellKind uint8

const (
	kText     cellKind = iota
	kTitle             // sheet title
	kNote              // the line under the title
	kSection           // caption above a table
	kHeader            // column header
	kGroup             // header spanning columns
	kInt               // #,##0
	kMoney             // currency, no decimals
	kPct               // 0.0%
	kScore             // 0.0
	kDays              // #,##0
	kMonths            // 0.0
	kDate              // yyyy-mm-dd
	kFlag              // a warning beside a figure
	kWrap              // long text, wrapped
	kTier              // tier name on its palette colour
	kNum               // General: points, thresholds
	kDec2              // 0.00: effects, odds ratios
	kDec3              // 0.000: AUC, log loss, Brier
	kP                 // p-value: 0.000, "<0.001" below
	kAction            // severity "action" on its colour
	kWarning           // severity "warning"
	kInfo              // severity "info"
	kFlagWrap          // a long warning beside a figure, wrapped
)

// style is a cell style: bold for summary rows, with a rule above for
// totals.
type style struct {
	kind         cellKind
	bold, rule   bool
	tier, nModel int8 // kTier only
}

func (s style) b() style     { s.bold = true; return s }
func (s style) total() style { s.bold, s.rule = true, true; return s }
func plain(s style) style    { return s }

var (
	stText   = style{kind: kText}
	stInt    = style{kind: kInt}
	stMoney  = style{kind: kMoney}
	stPct    = style{kind: kPct}
	stScore  = style{kind: kScore}
	stDays   = style{kind: kDays}
	stMonths = style{kind: kMonths}
	stDate   = style{kind: kDate}
	stFlag   = style{kind: kFlag}
	stWrap   = style{kind: kWrap}
	stNum    = style{kind: kNum}
	stDec2   = style{kind: kDec2}
	stDec3   = style{kind: kDec3}
	stP      = style{kind: kP}
	stFlagW  = style{kind: kFlagWrap}
)

type workbook struct {
	f      *excelize.File
	styles map[style]int
	money  string
}

// moneyFormat is the number format of amounts in the model's currency.
func moneyFormat(currency string) string {
	if sym, ok := currencySymbols[strings.ToUpper(currency)]; ok {
		return `"` + sym + `"#,##0;-"` + sym + `"#,##0`
	}
	return "#,##0"
}

const (
	fontName   = "Calibri"
	fontSize   = 11
	titleColor = "1F4E79"
	noteColor  = "595959"
	headerFill = "D9E1F2"
	groupFill  = "B4C6E7"
	flagColor  = "C00000"
	ruleColor  = "8EA9DB"
)

func (wb *workbook) style(s style) (int, error) {
	if id, ok := wb.styles[s]; ok {
		return id, nil
	}
	font := &excelize.Font{Family: fontName, Size: fontSize, Bold: s.bold}
	st := &excelize.Style{Font: font}
	custom := func(f string) { st.CustomNumFmt = &f }
	switch s.kind {
	case kTitle:
		font.Bold, font.Size, font.Color = true, 14, titleColor
	case kNote:
		font.Italic, font.Color = true, noteColor
	case kSection:
		font.Bold, font.Size, font.Color = true, 12, titleColor
	case kHeader:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}
		st.Border = []excelize.Border{{Type: "bottom", Color: ruleColor, Style: 2}}
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}
	case kGroup:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{groupFill}}
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	case kInt, kDays:
		st.NumFmt = 3
	case kMoney:
		custom(wb.money)
	case kPct:
		custom("0.0%")
	case kScore, kMonths:
		custom("0.0")
	case kDate:
		custom("yyyy-mm-dd")
	case kFlag:
		font.Color = flagColor
		st.Alignment = &excelize.Alignment{Indent: 1}
	case kFlagWrap:
		font.Color = flagColor
		st.Alignment = &excelize.Alignment{WrapText: true}
	case kWrap:
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case kDec2:
		custom("0.00")
	case kDec3:
		custom("0.000")
	case kP:
		custom(`[<0.001]"<0.001";0.000`)
	case kAction, kWarning, kInfo:
		c := severityColor(s.kind)
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(c)}}
		st.Alignment = &excelize.Alignment{Vertical: "top", Horizontal: "center"}
		font.Bold = true
		if dark(c) {
			font.Color = "FFFFFF"
		}
	case kTier:
		c := tierColor(int(s.tier), int(s.nModel))
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(c)}}
		if dark(c) {
			font.Color = "FFFFFF"
		}
	}
	if s.rule {
		st.Border = append(st.Border, excelize.Border{Type: "top", Color: ruleColor, Style: 1})
	}
	id, err := wb.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	wb.styles[s] = id
	return id, nil
}

// emit streams a grid into its sheet.
func (wb *workbook) emit(g *grid) error {
	f := wb.f
	// Print: landscape, one page wide. The stream writer writes the
	// sheet properties when it starts, so they come first.
	landscape, one, zero, fit := "landscape", 1, 0, true
	if err := f.SetSheetProps(g.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(g.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(g.name)
	if err != nil {
		return err
	}
	g.fitHeaders()
	cols := make([]int, 0, len(g.widths))
	for c := range g.widths {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	for _, c := range cols {
		if err := sw.SetColWidth(c+1, c+1, g.widths[c]); err != nil {
			return err
		}
	}
	if g.freezeRows > 0 || g.freezeCols > 0 {
		pane := "bottomLeft"
		switch {
		case g.freezeRows > 0 && g.freezeCols > 0:
			pane = "bottomRight"
		case g.freezeRows == 0:
			pane = "topRight"
		}
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, XSplit: g.freezeCols, YSplit: g.freezeRows,
			TopLeftCell: cellName(g.freezeRows, g.freezeCols), ActivePane: pane,
		}); err != nil {
			return err
		}
	}
	for r, row := range g.rows {
		if len(row) == 0 {
			continue
		}
		vals := make([]any, len(row))
		for c, cell := range row {
			if !cell.set {
				continue
			}
			id, err := wb.style(cell.st)
			if err != nil {
				return err
			}
			vals[c] = excelize.Cell{StyleID: id, Value: cell.v}
		}
		var opts []excelize.RowOpts
		if h, ok := g.heights[r]; ok {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(cellName(r, 0), vals, opts...); err != nil {
			return err
		}
	}
	for _, m := range g.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	// Comments, charts and page breaks change the worksheet that Flush writes, so
	// they come before it.
	for _, c := range g.comments {
		if err := f.AddComment(g.name, c); err != nil {
			return err
		}
	}
	for _, c := range g.charts {
		if err := f.AddChart(g.name, c.cell, c.chart); err != nil {
			return err
		}
	}
	for _, row := range g.breaks {
		if err := f.InsertPageBreak(g.name, cellName(row, 0)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// fitHeaders widens columns so that no header word breaks, and makes
// header rows tall enough for their wrapped text.
func (g *grid) fitHeaders() {
	const charW = 1.05 // bold header characters, in column-width units
	for r, row := range g.rows {
		lines := 0
		for c, cell := range row {
			s, ok := cell.v.(string)
			if !ok || cell.st.kind != kHeader || s == "" {
				continue
			}
			w := g.widths[c]
			if w == 0 {
				w = 9
			}
			for _, word := range strings.Fields(s) {
				if need := float64(len([]rune(word)))*charW + 1; need > w {
					w = need
				}
			}
			g.widths[c] = w
			n, line := 1, 0.0
			for i, word := range strings.Fields(s) {
				ww := float64(len([]rune(word))) * charW
				if i > 0 && line+1+ww > w-1 {
					n++
					line = ww
					continue
				}
				if i > 0 {
					line++
				}
				line += ww
			}
			lines = max(lines, n)
		}
		if lines > 0 {
			g.heights[r] = max(g.heights[r], float64(lines)*15+4)
		}
	}
}

// sortedZip collects the parts of the package and writes them in name
// order on Close: excelize writes streamed sheets in map order, which
// would make the bytes differ from run to run.
type sortedZip struct {
	w     io.Writer
	names []string
	parts map[string]*bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.parts == nil {
		z.parts = map[string]*bytes.Buffer{}
	}
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("report: zip part %q written twice", name)
	}
	b := new(bytes.Buffer)
	z.names = append(z.names, name)
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

func (z *sortedZip) Close() error {
	sort.Strings(z.names)
	zw := zip.NewWriter(z.w)
	for _, n := range z.names {
		w, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := z.parts[n].WriteTo(w); err != nil {
			return err
		}
		delete(z.parts, n)
	}
	return zw.Close()
}
