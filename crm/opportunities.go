package crm

import (
	"fmt"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// OpportunityRow is one row of an opportunities (deals) table.
type OpportunityRow struct {
	Row
	Opportunity icp.Opportunity
}

// OpportunityReader streams an opportunities table. Reuse rules are
// those of AccountReader: Cells and the Prospect's slices and map are
// valid until the next call to Next.
type OpportunityReader struct {
	t   *Table
	p   *rowParser
	ids *idSet
}

// NewOpportunityReader resolves the table's header to opportunity fields.
// The table needs an outcome, a stage, or IsWon with IsClosed. Account
// and date columns are optional (a deals file may carry its attributes
// itself and have no dates); where one exists, a row without a value in
// it is rejected with ErrRequired — except an open deal's created date,
// which may still be blank.
func NewOpportunityReader(t *Table) (*OpportunityReader, error) {
	p, err := newRowParser(t, opportunitiesTable)
	if err != nil {
		return nil, err
	}
	return &OpportunityReader{t: t, p: p, ids: newIDSet()}, nil
}

// Header returns the table's header.
func (r *OpportunityReader) Header() []string { return r.t.Header() }

// Next returns the next row, io.EOF at the end, or a row with a
// *ParseError to reject (see AccountReader.Next).
//
// The outcome comes from the outcome column (icp.ParseOutcome; an
// unrecognised value is ErrUnknownOutcome), else from IsClosed/IsWon,
// else from the stage: a stage icp.ParseOutcome knows, or one with the
// word "won" or "lost" in it ("Closed Won", "Closed - Lost"); any other
// stage is open. A close date earlier than the created date (compared by
// day) is ErrCloseBeforeCreate. Open opportunities keep Closed zero: an
// open deal's close date is only expected. The Prospect is read from
// the account columns the row carries; its Opened and ScoredAt are the
// created date, and an open deal with no channel gets
// icp.OpportunityStage.
func (r *OpportunityReader) Next() (OpportunityRow, error) {
	row, err := r.t.Next()
	if err != nil {
		return OpportunityRow{Row: row}, err
	}
	if err := r.p.parse(row.Line, row.Cells); err != nil {
		return OpportunityRow{Row: row}, err
	}
	o, err := r.opportunity(row)
	if err != nil {
		return OpportunityRow{Row: row}, err
	}
	if err := r.p.duplicate(r.ids, fOpportunityID, o.ID, row.Line); err != nil {
		return OpportunityRow{Row: row}, err
	}
	return OpportunityRow{Row: row, Opportunity: o}, nil
}

func (r *OpportunityReader) opportunity(row Row) (icp.Opportunity, error) {
	f, b, line := &r.p.f, r.p.b, row.Line
	o := icp.Opportunity{
		ID:              f.oppID,
		Account:         f.p.ID,
		Prospect:        f.p,
		Created:         f.created,
		Stage:           f.stage,
		Amount:          f.amount,
		Source:          f.source,
		Owner:           f.owner,
		LastStageChange: f.lastChange,
		RecordedScore:   f.score,
		RecordedTier:    f.tier,
		Line:            line,
	}
	if o.Account == "" {
		o.Account = f.p.Name
	}
	if o.Account == "" && (b.has(fAccountID) || b.has(fAccountName)) {
		fl := fAccountID
		if !b.has(fl) {
			fl = fAccountName
		}
		return o, r.p.cellError(line, b.col[fl], fieldNames[fl], "", ErrRequired)
	}
	out, err := r.outcome(line)
	if err != nil {
		return o, err
	}
	o.Outcome = out
	// A closed deal needs its creation date (it is scored as of then and
	// counted in its period); an open one may be too early to have one.
	if o.Created.IsZero() && b.has(fCreatedDate) && out.Closed() {
		return o, r.p.cellError(line, b.col[fCreatedDate], fieldNames[fCreatedDate], "", ErrRequired)
	}
	if out.Closed() {
		o.Closed = f.closed
		if !o.Closed.IsZero() && day(o.Closed).Before(day(o.Created)) {
			return o, r.p.cellError(line, b.col[fCloseDate], fieldNames[fCloseDate], row.Cells[b.col[fCloseDate]],
				fmt.Errorf("%w (%s)", ErrCloseBeforeCreate, o.Created.Format(time.DateOnly)))
		}
	}
	o.Prospect.Opened = o.Created
	o.Prospect.ScoredAt = o.Created
	o.Prospect.LastStageChange = o.LastStageChange
	if o.Prospect.Channel == icp.ChannelUnknown && out == icp.Open {
		o.Prospect.Channel = icp.OpportunityStage
	}
	return o, nil
}

// outcome decides won, lost or open from the columns there are.
func (r *OpportunityReader) outcome(line int) (icp.Outcome, error) {
	f, b := &r.p.f, r.p.b
	if f.outcome != "" {
		o, ok := icp.ParseOutcome(f.outcome)
		if !ok {
			return o, r.p.cellError(line, b.col[fOutcome], fieldNames[fOutcome], f.outcome, ErrUnknownOutcome)
		}
		return o, nil
	}
	switch {
	case f.isClosed == icp.No:
		return icp.Open, nil
	case f.isWon == icp.Yes:
		return icp.Won, nil
	case f.isClosed == icp.Yes && f.isWon == icp.No:
		return icp.Lost, nil
	}
	if f.stage != "" {
		return stageOutcome(f.stage), nil
	}
	fl := fOutcome
	for _, c := range []field{fOutcome, fStage, fIsWon, fIsClosed} {
		if b.has(c) {
			fl = c
			break
		}
	}
	return icp.Open, r.p.cellError(line, b.col[fl], fieldNames[fl], "", ErrRequired)
}

// stageOutcome reads a stage name: the forms icp.ParseOutcome knows, then
// any stage with the word "won" or "lost"; anything else is open.
func stageOutcome(stage string) icp.Outcome {
	if o, ok := icp.ParseOutcome(stage); ok {
		return o
	}
	won, lost := false, false
	for _, w := range strings.FieldsFunc(stage, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) {
		won = won || strings.EqualFold(w, "won")
		lost = lost || strings.EqualFold(w, "lost")
	}
	switch {
	case won && !lost:
		return icp.Won
	case lost && !won:
		return icp.Lost
	}
	return icp.Open
}

// day truncates t to its UTC day.
func day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// ReadOpportunities reads a whole opportunities table; see ReadAccounts
// for what happens to bad rows.
func ReadOpportunities(t *Table) ([]icp.Opportunity, []Reject, error) {
	r, err := NewOpportunityReader(t)
	if err != nil {
		return nil, nil, err
	}
	return drain(t, func() (Row, icp.Opportunity, error) {
		row, err := r.Next()
		o := row.Opportunity
		o.Prospect = o.Prospect.Clone()
		return row.Row, o, err
	})
}
