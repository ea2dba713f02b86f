package report

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Chart names a PNG chart of the review.
type Chart struct {
	Name  string // file name without ".png"
	Title string
}

// ErrNoChart is returned by WritePNG for a name Charts does not list.
var ErrNoChart = errors.New("no such chart")

// Slide size: 8 × 4.5 inches at 200 dpi is 1600 × 900 pixels.
const (
	slideW   = 8 * vg.Inch
	slideH   = 4.5 * vg.Inch
	slideDPI = 200
)

// charts lists the charts with the function that draws each.
func (r *Report) charts() []struct {
	Chart
	draw func(*slide) error
} {
	return []struct {
		Chart
		draw func(*slide) error
	}{
		{Chart{"win-rate-by-tier", "Win rate by ICP tier"}, r.drawWinRate},
		{Chart{"pipeline-by-tier", "Open pipeline by ICP tier and stage"}, r.drawPipeline},
		{Chart{"score-distribution", "ICP score at creation: won vs lost deals"}, r.drawScores},
		{Chart{"cohort-retention", "Customer retention by ICP tier"}, r.drawRetention},
		{Chart{"calibration-points", "Points per criterion: current vs suggested"}, r.drawPoints},
		{Chart{"calibration-reliability", "Reliability of the predicted win rates"}, r.drawReliability},
	}
}

// Charts lists the PNG charts WritePNG can draw, in slide order. Every
// chart is always listed; one without data says so on the slide.
func (r *Report) Charts() []Chart {
	var out []Chart
	for _, c := range r.charts() {
		out = append(out, c.Chart)
	}
	return out
}

// WritePNG draws the named chart as a 1600 × 900 PNG. Same report, same
// bytes.
func (r *Report) WritePNG(w io.Writer, name string) error {
	for _, c := range r.charts() {
		if c.Name != name {
			continue
		}
		s := newSlide(c.Title)
		if err := c.draw(s); err != nil {
			return fmt.Errorf("report: chart %s: %w", name, err)
		}
		if _, err := (vgimg.PngCanvas{Canvas: s.img}).WriteTo(w); err != nil {
			return fmt.Errorf("report: chart %s: %w", name, err)
		}
		return nil
	}
	return fmt.Errorf("report: chart %q: %w", name, ErrNoChart)
}

// slide is a canvas with a title, an optional subtitle and legend row,
// and a body the plots are drawn in.
type slide struct {
	img   *vgimg.Canvas
	dc    draw.Canvas
	title string
}

func newSlide(title string) *slide {
	img := vgimg.NewWith(vgimg.UseWH(slideW, slideH), vgimg.UseDPI(slideDPI), vgimg.UseBackgroundColor(color.White))
	return &slide{img: img, dc: draw.New(img), title: title}
}

const (
	margin     = 0.22 * vg.Inch
	titleSize  = 17
	subSize    = 10
	axisSize   = 11
	tickSize   = 10
	legendSize = 10
	labelSize  = 9.5
)

func sans(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

func textStyle(size vg.Length, bold bool, c color.Color) text.Style {
	return text.Style{Color: c, Font: sans(size, bold), Handler: plot.DefaultTextHandler, XAlign: draw.XLeft, YAlign: draw.YTop}
}

// legendItem is an entry of a slide's legend.
type legendItem struct {
	label string
	color color.Color
	kind  legendKind
}

type legendKind uint8

const (
	legendBox legendKind = iota
	legendLine
	legendWhisker
)

// header draws the title, the subtitle and a legend row, and returns the
// body canvas below them.
func (s *slide) header(subtitle string, legend []legendItem) draw.Canvas {
	dc := s.dc
	top := dc.Max.Y - margin
	left := dc.Min.X + margin
	ts := textStyle(titleSize, true, inkColor)
	dc.FillText(ts, vg.Point{X: left, Y: top}, s.title)
	top -= ts.Height(s.title) + 4
	if subtitle != "" {
		ss := textStyle(subSize, false, greyInk)
		for _, line := range wrap(ss, subtitle, dc.Max.X-margin-left) {
			dc.FillText(ss, vg.Point{X: left, Y: top}, line)
			top -= ss.Height(line) + 2
		}
		top -= 2
	}
	if len(legend) > 0 {
		top = s.legendRow(legend, left, top, dc.Max.X-margin)
	}
	body := dc
	body.Min.X += margin
	body.Max.X -= margin
	body.Min.Y += margin * 0.6
	body.Max.Y = top - 4
	return body
}

// legendRow draws legend items left to right from (left, top), wrapping
// at right; it returns the y below the last row.
func (s *slide) legendRow(items []legendItem, left, top, right vg.Length) vg.Length {
	ls := textStyle(legendSize, false, inkColor)
	ls.YAlign = draw.YCenter
	sw := vg.Points(legendSize * 1.6)
	rowH := ls.Height("Mg") + 4
	x, y := left, top-rowH/2
	for _, it := range items {
		w := sw + 4 + ls.Width(it.label) + 14
		if x+w > right && x > left {
			x, y = left, y-rowH
		}
		s.swatch(it, x, y, sw)
		s.dc.FillText(ls, vg.Point{X: x + sw + 4, Y: y}, it.label)
		x += w
	}
	return y - rowH/2
}

func (s *slide) swatch(it legendItem, x, y, w vg.Length) {
	h := vg.Points(legendSize * 0.8)
	switch it.kind {
	case legendLine:
		s.dc.StrokeLine2(draw.LineStyle{Color: it.color, Width: vg.Points(2.2)}, x, y, x+w, y)
	case legendWhisker:
		ls := draw.LineStyle{Color: it.color, Width: vg.Points(1.2)}
		mid := x + w/2
		s.dc.StrokeLine2(ls, mid, y-h/2, mid, y+h/2)
		s.dc.StrokeLine2(ls, mid-w/4, y-h/2, mid+w/4, y-h/2)
		s.dc.StrokeLine2(ls, mid-w/4, y+h/2, mid+w/4, y+h/2)
	default:
		s.dc.FillPolygon(it.color, []vg.Point{{X: x, Y: y - h/2}, {X: x + w, Y: y - h/2}, {X: x + w, Y: y + h/2}, {X: x, Y: y + h/2}})
	}
}

// wrap breaks text into lines no wider than w.
func wrap(sty text.Style, s string, w vg.Length) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && sty.Width(try) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// shownTiers returns the indexes of the tiers a chart shows: the model's
// tiers, and Disqualified when it has data.
func (r *Report) shownTiers(has func(i int) bool) []int {
	var out []int
	for i := range r.Tiers {
		if i < len(r.Model.Tiers) || has(i) {
			out = append(out, i)
		}
	}
	return out
}

// nominal sets x to categories 0..n-1 with room for the bars at the ends.
func nominal(p *plot.Plot, names []string) {
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5
}

// sideBySide draws plots next to each other in body, aligned, with a
// caption centred over each.
func sideBySide(body draw.Canvas, plots []*plot.Plot, captions []string) {
	cs := textStyle(axisSize+1, true, inkColor)
	cs.XAlign, cs.YAlign = draw.XCenter, draw.YTop
	capH := cs.Height("Mg") + vg.Points(6)
	tiles := draw.Tiles{Rows: 1, Cols: len(plots), PadX: vg.Points(18), PadTop: capH}
	canvases := plot.Align([][]*plot.Plot{plots}, tiles, body)
	for i, p := range plots {
		c := canvases[0][i]
		p.Draw(c)
		x := (c.Min.X + c.Max.X) / 2
		body.FillText(cs, vg.Point{X: x, Y: body.Max.Y}, captions[i])
	}
}

// message writes a centred note on an empty chart.
func message(c draw.Canvas, msg string) {
	ts := textStyle(14, false, greyInk)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
	c.FillText(ts, c.Center(), msg)
}

// newPlot returns a plot styled for the slides: sans fonts, light
// horizontal grid lines.
func newPlot(xLabel, yLabel string) *plot.Plot { return newGridPlot(xLabel, yLabel, false) }

// newGridPlot is newPlot with vertical grid lines instead, for
// horizontal bars, when vertical is true.
func newGridPlot(xLabel, yLabel string, vertical bool) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = color.Transparent
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(axisSize, false)
		a.Label.TextStyle.Color = inkColor
		a.Tick.Label.Font = sans(tickSize, false)
		a.Tick.Label.Color = inkColor
		a.Color = greyInk
		a.Tick.Color = greyInk
	}
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Title.TextStyle.Font = sans(axisSize+1, true)
	p.Title.TextStyle.Color = inkColor
	g := plotter.NewGrid()
	on, off := &g.Horizontal, &g.Vertical
	if vertical {
		on, off = off, on
	}
	off.Color = nil
	on.Color = gridColor
	on.Width = vg.Points(0.8)
	p.Add(g)
	return p
}

// percentTicks labels a 0–1 axis in percent.
type percentTicks struct{}

func (percentTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", ts[i].Value*100), "0"), ".") + "%"
		}
	}
	return ts
}

// moneyTicks labels an axis of amounts: "$1.2M".
type moneyTicks struct{ currency string }

func (m moneyTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = fmtShortMoney(ts[i].Value, m.currency)
		}
	}
	return ts
}

// intTicks labels counts with thousands separators.
type intTicks struct{}

func (intTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	out := ts[:0]
	for _, t := range ts {
		if t.Value != math.Trunc(t.Value) {
			continue // no half deals
		}
		if t.Label != "" {
			t.Label = fmtInt(int(t.Value))
		}
		out = append(out, t)
	}
	return out
}

// boxedLabels are labels on a white box, so grid lines and bars do not
// run through the text.
type boxedLabels struct{ *plotter.Labels }

func (l boxedLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pad := vg.Points(1.5)
	for i, label := range l.Labels.Labels {
		pt := vg.Point{X: trX(l.XYs[i].X), Y: trY(l.XYs[i].Y)}.Add(l.Offset)
		rect := l.TextStyle[i].Rectangle(label).Add(pt)
		// The box stops short of the point it labels (a bar's top).
		bottom := max(rect.Min.Y-pad, pt.Y-l.Offset.Y+vg.Points(1))
		c.FillPolygon(color.White, []vg.Point{
			{X: rect.Min.X - pad, Y: bottom}, {X: rect.Max.X + pad, Y: bottom},
			{X: rect.Max.X + pad, Y: rect.Max.Y + pad}, {X: rect.Min.X - pad, Y: rect.Max.Y + pad},
		})
		c.FillText(l.TextStyle[i], pt, label)
	}
}

// labels returns centred value labels above points.
func labels(xs, ys []float64, texts []string, c color.Color) (boxedLabels, error) {
	xy := make(plotter.XYs, len(xs))
	for i := range xs {
		xy[i] = plotter.XY{X: xs[i], Y: ys[i]}
	}
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: xy, Labels: texts})
	if err != nil {
		return boxedLabels{}, err
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = textStyle(labelSize, false, c)
		l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = draw.XCenter, draw.YBottom
	}
	l.Offset = vg.Point{Y: vg.Points(3)}
	return boxedLabels{l}, nil
}

// barWidth is the width of n bars (per slot) in a plot area about w wide
// with slots categories.
func barWidth(w vg.Length, slots, n int) vg.Length {
	return w / vg.Length(max(slots, 1)) * 0.62 / vg.Length(max(n, 1))
}

func asOfText(t time.Time) string { return "as of " + t.Format(time.DateOnly) }
