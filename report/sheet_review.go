package report

import (
	"strings"

	"github.com/icpkit/icpkit/calibrate"
)

// Layout of the review findings sheet: two text columns wide enough for a
// sentence over a few lines.
const (
	rvTextWidth = 70 // width of the finding and evidence columns
	rvPerLine   = 78 // characters per line of a wrapped text column, about
)

// reviewSheet: every finding of the review in one place — the
// calibration review's findings, most severe first, then the report's
// own findings with the sheet that holds the detail.
func (r *Report) reviewSheet() *grid {
	g := newGrid(sheetReview)
	g.title("Review findings",
		"The quarterly ICP review in one place: what calibration against won and lost deals found (most severe first: action, warning, info), "+
			"then what the report's sheets found. Each finding names its evidence or the sheet with the detail.")
	g.freeze(2, 0)
	g.width(0, 18)
	g.width(1, rvTextWidth)
	g.width(2, rvTextWidth)
	g.width(3, 26)

	row := 3
	g.section(row, 0, "Calibration review")
	row++
	switch c := r.Calibration; {
	case c == nil:
		g.set(row, 0, calNotRun, stText)
		row++
	case len(c.Findings) == 0:
		g.set(row, 0, "Calibration found nothing to review.", stText)
		row++
	default:
		g.header(row, 0, []string{"Severity", "Finding", "Evidence", "Kind"},
			"action: change the model or the process; warning: check before relying on the figure; info: for the record")
		row++
		for _, f := range c.Findings {
			g.set(row, 0, severityText(f.Severity), style{kind: severityKind(f.Severity)})
			g.set(row, 1, f.Title, stWrap)
			g.set(row, 2, strings.Join(f.Evidence, "\n"), stWrap)
			g.set(row, 3, strings.ReplaceAll(f.Kind, "_", " "), stWrap)
			g.heights[row] = max(textHeight(f.Title, rvPerLine), linesHeight(f.Evidence, rvPerLine))
			row++
		}
	}

	row++
	g.section(row, 0, "Report findings")
	row++
	if len(r.Findings) == 0 {
		g.set(row, 0, "No findings: every check passed.", stText)
		return g
	}
	g.header(row, 0, []string{"Sheet", "Finding"})
	g.set(row, 2, nil, style{kind: kHeader})
	g.merges = append(g.merges, [2]string{cellName(row, 1), cellName(row, 2)})
	row++
	for _, f := range r.Findings {
		g.set(row, 0, f.Sheet, stWrap)
		g.set(row, 1, f.Text, stWrap)
		g.set(row, 2, nil, stWrap)
		g.merges = append(g.merges, [2]string{cellName(row, 1), cellName(row, 2)})
		g.heights[row] = textHeight(f.Text, 2*rvPerLine)
		row++
	}
	return g
}

// linesHeight is textHeight of several lines, each wrapped on its own.
func linesHeight(lines []string, perLine int) float64 {
	h := 0.0
	for _, l := range lines {
		h += textHeight(l, perLine)
	}
	return max(h, 15)
}

func severityText(s calibrate.Severity) string {
	switch s {
	case calibrate.Action:
		return "Action"
	case calibrate.Warning:
		return "Warning"
	}
	return "Info"
}

func severityKind(s calibrate.Severity) cellKind {
	switch s {
	case calibrate.Action:
		return kAction
	case calibrate.Warning:
		return kWarning
	}
	return kInfo
}
