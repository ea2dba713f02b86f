package report

import "fmt"

const (
	dqHeader  = 3
	dqSideCol = 4
)

func (r *Report) qualitySheet() *grid {
	g := newGrid(sheetQuality)
	q := &r.Quality
	listed := "every rejected row"
	if q.RejectsOmitted > 0 {
		listed = fmt.Sprintf("the first %s of %s rejected rows", fmtInt(len(q.Rejects)), fmtInt(len(q.Rejects)+q.RejectsOmitted))
	}
	g.title("Data quality",
		fmt.Sprintf("What the review was built from: %s (left); rows per source, records with gaps the report works around, and how often each criterion's attribute is unknown (right).", listed))
	g.freeze(dqHeader+1, 0)

	// Rejected rows.
	g.section(dqHeader-1, 0, "Rejected rows")
	g.header(dqHeader, 0, []string{"File", "Line", "Reason"})
	g.width(0, 22)
	g.width(1, 8)
	g.width(2, 60)
	for i, rj := range q.Rejects {
		row := dqHeader + 1 + i
		g.set(row, 0, rj.File, stText)
		g.set(row, 1, rj.Line, stInt)
		g.set(row, 2, rj.Reason, stText)
	}
	if len(q.Rejects) == 0 {
		g.set(dqHeader+1, 0, "No rows were rejected.", stText)
	}

	sc := dqSideCol
	g.width(sc-1, 3)
	for c, w := range []float64{52, 12, 11, 11, 11, 56} {
		g.width(sc+c, w)
	}

	// Sources.
	g.section(dqHeader-1, sc, "Rows per source")
	g.header(dqHeader, sc, []string{"Source", "Rows read", "Rejected", "Accepted", "Rejected share"},
		"", "", "", "rows read − rejected", "rejected ÷ rows read")
	row := dqHeader + 1
	for _, s := range q.Sources {
		g.set(row, sc, s.Name, stText)
		g.set(row, sc+1, s.Read, stInt)
		g.set(row, sc+2, s.Rejected, stInt)
		g.set(row, sc+3, s.Read-s.Rejected, stInt)
		g.fig(row, sc+4, ratio(float64(s.Rejected), float64(s.Read), "no rows read"), stPct)
		row++
	}
	if len(q.Sources) == 0 {
		g.set(row, sc, "No sources were given.", stText)
		row++
	}

	// Checks.
	row++
	g.section(row, sc, "Records with gaps")
	row++
	g.header(row, sc, []string{"Check", "Records", "Of", "Share", "", "What the report does"}, "", "", "", "records ÷ of")
	g.set(row, sc+4, nil, style{kind: kHeader})
	row++
	for _, ch := range q.Checks {
		g.set(row, sc, ch.Name, stText)
		g.set(row, sc+1, ch.Count, stInt)
		g.set(row, sc+2, ch.Of, stInt)
		g.fig(row, sc+3, ratio(float64(ch.Count), float64(ch.Of), "no records"), stPct)
		g.set(row, sc+5, ch.Effect, stText)
		row++
	}

	// Unknown attributes.
	row++
	g.section(row, sc, "Unknown attributes per criterion")
	row++
	g.header(row, sc, []string{"Criterion", "Deals scored", "Unknown", "Unknown share", "Field", "Profile"},
		"", "Deals scored with the criterion's profile (each deal counts for the profile it scored best on)",
		"Deals whose attribute is unknown: it earns no points", "unknown ÷ deals scored")
	row++
	for _, m := range q.Missing {
		g.set(row, sc, m.Label, stText)
		g.set(row, sc+1, m.Deals, stInt)
		g.set(row, sc+2, m.Unknown, stInt)
		g.fig(row, sc+3, m.Rate, stPct)
		g.set(row, sc+4, m.Field, stText)
		g.set(row, sc+5, m.Profile, stText)
		if m.Rate.Known && m.Rate.Value >= missingShareWarn {
			g.comment(row, sc+3, fmt.Sprintf("Unknown for %s or more of deals: these deals score lower than they may deserve.", fmtPct(missingShareWarn)))
		}
		row++
	}
	return g
}
