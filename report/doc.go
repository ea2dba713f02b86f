// Package report builds the quarterly ICP review: a formatted Excel
// workbook, slide-sized PNG charts and a JSON summary of the headline
// figures.
//
// Build scores every deal once with the model as of the deal's created
// date (its tier at creation), computes every table, and returns a Report
// whose exported fields hold the typed tables. The renderers
// (WriteXLSX, WritePNG, Summary, WriteDir) only format what Build
// computed; they never read the clock, so the same Input gives the same
// bytes.
//
// The workbook has one sheet per question of the review:
//
//	Summary           model, as-of date, data counts, headline figures, findings
//	Win rate by tier  closed deals per tier (and tier × period) with Wilson intervals
//	Pipeline mix      open deals per tier, stage × tier and owner × tier
//	Forecast by tier  open value × the tier's historical win rate, with a band
//	Aging pipeline    open deals without stage movement or due for re-scoring
//	Cohorts           finance cohorts: customers by tier × start period
//	Data quality      counts per source, rejected rows, unknown attributes
//
// Each figure that cannot be computed — a tier without closed deals, a
// cohort too young for a 12-month metric — is an unknown Figure, written
// as an empty cell with a note saying why; NaN and infinities never reach
// a cell or the JSON summary.
//
// The calibration of the model against won and lost deals (package
// calibrate) is added to Input and to the workbook as its own sheet in a
// later version; Build's signature does not change.
package report
