package crm

import (
	"fmt"
	"math"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// fields holds one row's values, whatever the table kind.
type fields struct {
	p icp.Prospect

	oppID                                     string
	created, closed, lastChange, start, churn time.Time
	stage, outcome, owner, tier               string
	isWon, isClosed                           icp.Flag
	source                                    icp.Channel
	amount, score                             icp.Number
	startARR, currentARR, startMRR            icp.Number
	currentMRR, cac, margin                   icp.Number
}

// rowParser turns the cells of one row into fields. It owns the backing
// arrays of the Prospect's slices and map and reuses them row after row.
type rowParser struct {
	file     string
	b        *binding
	ds       dateSettings
	dc       bool
	channels []channelName

	f fields

	// s is where the Prospect's slices and custom map are built; the
	// next row reuses it unless the caller points s elsewhere.
	s   *scratch
	own scratch
}

// scratch holds the backing arrays and map of one Prospect, and how much
// of each array earlier rows wrote.
type scratch struct {
	tech                         []string
	trig, intent, engt           []icp.Event
	custom                       map[string]icp.Value
	ntech, ntrig, nintent, nengt int
}

// settle makes res the scratch for the next row: it keeps the larger
// backing array and clears what earlier rows left beyond len(res), so
// that stale strings do not keep old row strings (and the arena blocks
// they are cut from) alive. After a failed parse anything up to the
// array's capacity may have been written.
func settle[T any](scr *[]T, dirty *int, res []T, failed bool) {
	if cap(res) > cap(*scr) {
		*scr, *dirty = res, len(res)
		return
	}
	d := *dirty
	if failed {
		d = cap(*scr)
	}
	if n := len(res); n < d {
		clear((*scr)[:cap(*scr)][n:d])
	}
	*dirty = len(res)
}

func newRowParser(t *Table, k tableKind) (*rowParser, error) {
	b, err := bindHeader(t, k)
	if err != nil {
		return nil, err
	}
	p := &rowParser{
		file: t.opts.File,
		b:    b,
		ds:   dateSettings{order: t.opts.DateOrder, xlsx: t.xlsx, date1904: t.date1904},
		dc:   t.opts.DecimalComma,
	}
	p.s = &p.own
	for name, ch := range t.opts.Channels {
		p.channels = append(p.channels, channelName{trim(name), ch})
	}
	return p, nil
}

// cellError positions err at a cell of the row.
func (p *rowParser) cellError(line, col int, f string, value string, err error) *ParseError {
	return &ParseError{File: p.file, Line: line, Column: col + 1, Field: f, Value: value, Err: err}
}

// parse reads the bound cells of a row into p.f. The first bad cell
// stops it with a *ParseError.
func (p *rowParser) parse(line int, cells []string) error {
	p.f = fields{}
	for _, b := range p.b.binds {
		if b.col >= len(cells) {
			continue
		}
		s := cells[b.col]
		if err := p.cell(b.field, s); err != nil {
			return p.cellError(line, b.col, fieldNames[b.field], s, err)
		}
	}
	if len(p.b.custom) > 0 {
		m := p.s.custom
		if m == nil {
			m = make(map[string]icp.Value, len(p.b.custom))
			p.s.custom = m
		}
		// The keys are always the same few: overwrite or delete them
		// rather than clear the map.
		for _, c := range p.b.custom {
			s := ""
			if c.col < len(cells) {
				s = cells[c.col]
			}
			v, err := p.customValue(c.kind, s)
			if err != nil {
				return p.cellError(line, c.col, c.name, s, err)
			}
			if v.Kind != icp.KindUnknown {
				m[c.name] = v
			} else {
				delete(m, c.name)
			}
		}
		if len(p.s.custom) > 0 {
			p.f.p.Custom = p.s.custom
		}
	}
	return nil
}

// cell reads one cell into its field.
func (p *rowParser) cell(f field, s string) error {
	r := &p.f
	var err error
	switch f {
	case fAccountID:
		r.p.ID = trim(s)
	case fAccountName:
		r.p.Name = trim(s)
	case fEmployees:
		r.p.Employees, err = p.count(s)
	case fAnnualRevenue:
		r.p.AnnualRevenue, err = p.money(s)
	case fIndustry:
		r.p.Industry = text(s)
	case fCountry:
		r.p.Country = text(s)
	case fRegion:
		r.p.Region = text(s)
	case fTechStack:
		r.p.TechStack = appendList(p.s.tech, s)
		settle(&p.s.tech, &p.s.ntech, r.p.TechStack, false)
	case fFundingStage:
		r.p.FundingStage = text(s)
	case fHeadcountGrowth:
		r.p.HeadcountGrowth, err = p.rate(s)
	case fTriggers:
		r.p.Triggers, err = appendEvents(p.s.trig, s, false, p.ds)
		settle(&p.s.trig, &p.s.ntrig, r.p.Triggers, err != nil)
	case fIntent:
		r.p.Intent, err = appendEvents(p.s.intent, s, true, p.ds)
		settle(&p.s.intent, &p.s.nintent, r.p.Intent, err != nil)
	case fEngagement:
		r.p.Engagement, err = appendEvents(p.s.engt, s, false, p.ds)
		settle(&p.s.engt, &p.s.nengt, r.p.Engagement, err != nil)
	case fDecisionMaker:
		r.p.DecisionMaker, err = parseFlag(s)
	case fChampion:
		r.p.Champion, err = parseFlag(s)
	case fBuyerTitle:
		r.p.BuyerTitle = text(s)
	case fChannel:
		r.p.Channel = parseChannel(s, p.channels)

	case fOpportunityID:
		r.oppID = trim(s)
	case fCreatedDate:
		r.created, err = parseDate(s, p.ds.order, p.ds.xlsx, p.ds.date1904)
	case fCloseDate:
		r.closed, err = parseDate(s, p.ds.order, p.ds.xlsx, p.ds.date1904)
	case fStage:
		r.stage = text(s)
	case fOutcome:
		r.outcome = text(s)
	case fIsWon:
		r.isWon, err = parseFlag(s)
	case fIsClosed:
		r.isClosed, err = parseFlag(s)
	case fAmount:
		r.amount, err = p.money(s)
	case fSource:
		r.source = parseChannel(s, p.channels)
	case fOwner:
		r.owner = text(s)
	case fLastStageChange:
		r.lastChange, err = parseDate(s, p.ds.order, p.ds.xlsx, p.ds.date1904)
	case fScoreAtCreation:
		r.score, err = p.number(s)
	case fTierAtCreation:
		r.tier = text(s)

	case fStartDate:
		r.start, err = parseDate(s, p.ds.order, p.ds.xlsx, p.ds.date1904)
	case fChurnDate:
		r.churn, err = parseDate(s, p.ds.order, p.ds.xlsx, p.ds.date1904)
	case fStartARR:
		r.startARR, err = p.money(s)
	case fCurrentARR:
		r.currentARR, err = p.money(s)
	case fStartMRR:
		r.startMRR, err = p.money(s)
	case fCurrentMRR:
		r.currentMRR, err = p.money(s)
	case fCAC:
		r.cac, err = p.money(s)
	case fGrossMargin:
		r.margin, err = p.rate(s)
		if err == nil && r.margin.Known && r.margin.Value > 1 {
			err = fmt.Errorf("%w: a margin is at most 1; write 0.72 or 72%%", ErrRange)
		}
	}
	return err
}

// text trims a text cell; cells meaning unknown become "".
func text(s string) string {
	s = trim(s)
	if isUnknown(s) {
		return ""
	}
	return s
}

// number reads any finite number, without a percent sign.
func (p *rowParser) number(s string) (icp.Number, error) {
	v, known, pct, err := parseNum(s, p.dc)
	switch {
	case err != nil:
		return icp.Number{}, err
	case pct:
		return icp.Number{}, ErrNotNumber
	case !known:
		return icp.Number{}, nil
	}
	return icp.Num(v), nil
}

// money reads a non-negative amount.
func (p *rowParser) money(s string) (icp.Number, error) {
	n, err := p.number(s)
	if err == nil && n.Value < 0 {
		return icp.Number{}, ErrNegative
	}
	return n, err
}

// count reads a non-negative whole number.
func (p *rowParser) count(s string) (icp.Number, error) {
	n, err := p.money(s)
	if err == nil && n.Value != math.Trunc(n.Value) {
		return icp.Number{}, ErrFraction
	}
	return n, err
}

// rate reads a fraction written as 0.4 or 40%.
func (p *rowParser) rate(s string) (icp.Number, error) {
	v, known, _, err := parseNum(s, p.dc)
	if err != nil || !known {
		return icp.Number{}, err
	}
	return icp.Num(v), nil
}

// customValue reads a custom attribute cell by kind. Slices are freshly
// allocated: custom attributes are few.
func (p *rowParser) customValue(k icp.Kind, s string) (icp.Value, error) {
	switch k {
	case icp.KindNumber:
		v, known, _, err := parseNum(s, p.dc)
		if err != nil || !known {
			return icp.Value{}, err
		}
		return icp.NumberValue(v), nil
	case icp.KindText:
		if s = text(s); s == "" {
			return icp.Value{}, nil
		}
		return icp.TextValue(s), nil
	case icp.KindList:
		l := appendList(nil, s)
		if l == nil {
			return icp.Value{}, nil
		}
		return icp.ListValue(l), nil
	case icp.KindFlag:
		f, err := parseFlag(s)
		if err != nil || f == icp.Unknown {
			return icp.Value{}, err
		}
		return icp.FlagValue(f == icp.Yes), nil
	case icp.KindEvents:
		e, err := appendEvents(nil, s, false, p.ds)
		if err != nil || e == nil {
			return icp.Value{}, err
		}
		return icp.EventsValue(e), nil
	}
	return icp.Value{}, nil
}

// duplicate checks id for a repeat and returns the *ParseError for it.
func (p *rowParser) duplicate(ids *idSet, f field, id string, line int) error {
	if id == "" {
		return nil
	}
	if first := ids.add(id, line); first != 0 {
		return p.dupError(f, id, line, first)
	}
	return nil
}

func (p *rowParser) dupError(f field, id string, line, first int) error {
	return p.cellError(line, p.b.col[f], fieldNames[f], id, fmt.Errorf("%w (first on line %d)", ErrDuplicateID, first))
}
