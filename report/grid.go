package report

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// A grid is a sheet laid out in memory: cells with styles, column widths,
// comments, merges and native charts. The workbook writer streams it out
// row by row (excelize.StreamWriter), so sheets are built in any order
// but written in one pass.
type grid struct {
	name     string
	rows     [][]gcell
	widths   map[int]float64
	heights  map[int]float64
	comments []excelize.Comment
	merges   [][2]string
	charts   []gchart
	breaks   []int // rows a printed page starts at

	// freezeRows and freezeCols are the rows above and columns left of
	// the scrolling pane.
	freezeRows, freezeCols int

	err error // first bad value; WriteXLSX returns it
}

type gcell struct {
	v   any // string, int, float64, time.Time; nil for a styled empty cell
	st  style
	set bool
}

type gchart struct {
	cell  string
	chart *excelize.Chart
}

func newGrid(name string) *grid {
	return &grid{name: name, widths: map[int]float64{}, heights: map[int]float64{}}
}

// set puts v at (row, col), both 0-based. A float that is NaN or infinite
// is a bug in the report: it is recorded as the grid's error rather than
// written.
func (g *grid) set(row, col int, v any, st style) {
	if f, ok := v.(float64); ok && !finite(f) {
		if g.err == nil {
			g.err = fmt.Errorf("report: sheet %q cell %s: non-finite value %v", g.name, cellName(row, col), f)
		}
		v = nil
	}
	for len(g.rows) <= row {
		g.rows = append(g.rows, nil)
	}
	r := g.rows[row]
	for len(r) <= col {
		r = append(r, gcell{})
	}
	r[col] = gcell{v: v, st: st, set: true}
	g.rows[row] = r
}

// fig puts a Figure: its value when known, else an empty cell carrying
// the Figure's note as a comment.
func (g *grid) fig(row, col int, f Figure, st style) {
	if f.Known {
		g.set(row, col, f.Value, st)
		return
	}
	g.set(row, col, nil, st)
	if f.Note != "" {
		g.comment(row, col, f.Note)
	}
}

// date puts a date, or an empty cell when t is zero.
func (g *grid) date(row, col int, t time.Time, st style) {
	if t.IsZero() {
		g.set(row, col, nil, st)
		return
	}
	// Excel has no time zones: write the wall-clock date.
	y, m, d := t.Date()
	g.set(row, col, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), st)
}

func (g *grid) comment(row, col int, text string) {
	g.comments = append(g.comments, excelize.Comment{
		Cell: cellName(row, col), Author: commentAuthor, Text: text,
	})
}

const commentAuthor = "icpkit"

// title writes the sheet's title (row 0) and its one-line note (row 1).
func (g *grid) title(title, note string) {
	g.set(0, 0, title, style{kind: kTitle})
	g.heights[0] = 24
	g.set(1, 0, note, style{kind: kNote})
}

// header writes column headers from col on, with an optional comment per
// header (the formula); comments may be shorter than names.
func (g *grid) header(row, col int, names []string, comments ...string) {
	for i, n := range names {
		g.set(row, col+i, n, style{kind: kHeader})
		if i < len(comments) && comments[i] != "" {
			g.comment(row, col+i, comments[i])
		}
	}
}

// group writes a header spanning columns [col, col+n) of row.
func (g *grid) group(row, col, n int, text string) {
	for i := range n {
		g.set(row, col+i, nil, style{kind: kGroup})
	}
	g.set(row, col, text, style{kind: kGroup})
	if n > 1 {
		g.merges = append(g.merges, [2]string{cellName(row, col), cellName(row, col+n-1)})
	}
}

// section writes a caption above a table.
func (g *grid) section(row, col int, text string) { g.set(row, col, text, style{kind: kSection}) }

func (g *grid) width(col int, w float64) { g.widths[col] = w }

// pageBreak starts a printed page at row.
func (g *grid) pageBreak(row int) { g.breaks = append(g.breaks, row) }

func (g *grid) freeze(rows, cols int) { g.freezeRows, g.freezeCols = rows, cols }

func (g *grid) chart(row, col int, c *excelize.Chart) {
	g.charts = append(g.charts, gchart{cell: cellName(row, col), chart: c})
}

// tierCell writes a tier name on its palette colour.
func (g *grid) tierCell(row, col int, name string, tier, nModel int, bold bool) {
	g.set(row, col, name, style{kind: kTier, tier: int8(tier), nModel: int8(nModel), bold: bold, rule: false})
}

// cellName returns the A1 name of a 0-based cell.
func cellName(row, col int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		panic("report: " + err.Error())
	}
	return n
}

// absRef returns an absolute reference to a cell of sheet for a chart:
// 'Win rate by tier'!$B$5.
func absRef(sheet string, row, col int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1, true)
	if err != nil {
		panic("report: " + err.Error())
	}
	return "'" + sheet + "'!" + n
}

// absRange returns an absolute reference to a range of sheet.
func absRange(sheet string, r0, c0, r1, c1 int) string {
	a, err := excelize.CoordinatesToCellName(c0+1, r0+1, true)
	if err != nil {
		panic("report: " + err.Error())
	}
	b, err := excelize.CoordinatesToCellName(c1+1, r1+1, true)
	if err != nil {
		panic("report: " + err.Error())
	}
	return "'" + sheet + "'!" + a + ":" + b
}
