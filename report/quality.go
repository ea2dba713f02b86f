package report

// Quality describes the input: rows read and rejected per source, the
// rejected rows, how often each criterion's attribute is unknown, and
// records the tables had to leave out or treat specially.
type Quality struct {
	Sources []Source

	// Rejects are the first Settings.MaxRejectRows rejected rows, in
	// input order; RejectsOmitted counts the rest.
	Rejects        []Reject
	RejectsOmitted int

	Missing []MissingRate
	Checks  []Check
}

// MissingRate is how often a criterion's attribute is unknown among the
// deals scored with its profile (with several profiles, each deal counts
// for the profile it scored best on):
//
//	Rate = Unknown / Deals
//
// An unknown attribute earns no points, so a high rate understates the
// scores.
type MissingRate struct {
	Profile   string
	Criterion string
	Label     string
	Field     string
	Deals     int
	Unknown   int
	Rate      Figure
}

// Check counts records with a gap the tables work around.
type Check struct {
	Name   string // what was checked
	Count  int    // records affected
	Of     int    // records checked
	Effect string // what the report does with them
}

// buildQuality describes the input; dc counts the deals' gaps.
func buildQuality(r *Report, in *Input, dc *dealChecks, miss *missingCounts) Quality {
	q := Quality{Sources: append([]Source(nil), in.Sources...)}
	n := min(len(in.Rejects), r.Settings.MaxRejectRows)
	q.Rejects = append([]Reject(nil), in.Rejects[:n]...)
	q.RejectsOmitted = len(in.Rejects) - n

	m := in.Model
	for p, name := range m.Profiles() {
		for c, ci := range m.Criteria(p) {
			label := ci.Label
			if label == "" {
				label = ci.Name
			}
			q.Missing = append(q.Missing, MissingRate{
				Profile: name, Criterion: ci.Name, Label: label, Field: ci.Field,
				Deals: miss.scored[p], Unknown: miss.unknown[p][c],
				Rate: ratio(float64(miss.unknown[p][c]), float64(miss.scored[p]), "no deals scored with this profile"),
			})
		}
	}

	var noMargin, noCAC int
	for i := range in.Customers {
		c := &in.Customers[i]
		if !c.GrossMargin.Known {
			noMargin++
		}
		if !c.CAC.Known {
			noCAC++
		}
	}
	nd, nc, closed, open := dc.total, len(in.Customers), dc.closed, dc.open
	marginEffect := "no LTV or CAC payback for them"
	if r.Settings.GrossMargin > 0 {
		marginEffect = "the default gross margin from the settings is used"
	}
	q.Checks = []Check{
		{"Deals without an amount", dc.noAmount, nd, "left out of pipeline value, forecasts and average deal size"},
		{"Deals without a created date", dc.noCreated, nd, "scored without a date: event windows do not apply; no cycle time"},
		{"Deals created after the report date", dc.createdAfter, nd, "kept as given"},
		{"Closed deals without a close date", dc.noClose, closed, `counted under "` + noDateLabel + `" in the period rows`},
		{"Closed deals dated after the report date", dc.closedAfter, closed, "kept as closed"},
		{"Closed deals that close before they were created", dc.closedBefore, closed, "no cycle time"},
		{"Open deals without a last stage change", dc.noMove, open, "cannot be flagged for no stage movement"},
		{"Customers without a start date or starting after the report date", r.Cohorts.Excluded, nc, "left out of the cohorts"},
		{"Customers without starting ARR (or current ARR while active)", r.Cohorts.NoARR, nc, "left out of the revenue figures"},
		{"Customers without a gross margin", noMargin, nc, marginEffect},
		{"Customers without CAC", noCAC, nc, "left out of CAC payback"},
	}
	return q
}
