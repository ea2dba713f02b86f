// Package report builds the quarterly ICP review: a formatted Excel
// workbook, slide-sized PNG charts and a JSON summary of the headline
// figures.
//
// Build scores every deal once with the model as of the deal's created
// date (its tier at creation), computes every table, and returns a Report
// whose exported fields hold the typed tables. A Builder does the same
// with deals added one at a time, keeping a few dozen bytes per deal, for
// inputs too large to hold: Build is a Builder fed with Input.Deals. The
// renderers (WriteXLSX, WritePNG, Summary, WriteDir) only format what
// was computed; they never read the clock, so the same Input gives the
// same bytes.
//
// The workbook has one sheet per question of the review:
//
//	Summary           model, as-of date, data counts, headline figures, the
//	                  calibration's headline and top findings, the report's findings
//	Review findings   every finding in one place: the calibration review's
//	                  (severity, title, evidence), then the report's own
//	Win rate by tier  closed deals per tier (and tier × period) with Wilson intervals
//	Pipeline mix      open deals per tier, stage × tier and owner × tier
//	Forecast by tier  open value × the tier's historical win rate, with a band
//	Aging pipeline    open deals without stage movement or due for re-scoring
//	Cohorts           finance cohorts: customers by tier × start period
//	Calibration       the logistic fit of won on the criteria: effects with
//	                  intervals, current vs suggested points, suggested tier
//	                  thresholds, the capacity of each threshold, out-of-sample
//	                  AUC, log loss, Brier and calibration, reliability bins
//	Data quality      counts per source, rejected rows, unknown attributes
//
// The calibration comes from package calibrate: Input.Calibration is the
// *calibrate.Result of calibrate.Run on the same deals. When it is nil the
// Calibration and Review findings sheets, the two calibration charts and
// the summary say that calibration was not run and how to run it
// (icp-report calibrate); summary.json's "calibration" is null.
//
// The charts (Charts) are the win rate by tier, the open pipeline, the
// score distribution, cohort retention, current vs suggested points per
// criterion, and the reliability diagram of the current and suggested
// models under cross-validation.
//
// Each figure that cannot be computed — a tier without closed deals, a
// cohort too young for a 12-month metric — is an unknown Figure, written
// as an empty cell with a note saying why; NaN and infinities never reach
// a cell or the JSON summary.
package report
