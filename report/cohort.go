package report

import (
	"fmt"
	"sort"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// Cohorts is the finance view: customers grouped by their account's ICP
// tier (scored as of their start date) and start period. ICP-aligned
// cohorts should show measurably better retention, LTV and payback.
//
// The data hold each customer's ARR at start and now (the report date)
// and its churn date, so revenue between the two dates is modelled: an
// active customer's ARR moves linearly from its starting ARR to its
// current ARR; a churned customer keeps its starting ARR until its churn
// date and has none after. For a customer that started at s, with h
// months after s written s+h (calendar months):
//
//	Churn 90 days   = customers churned within 90 days of start / customers
//	Logo retention  = customers not churned by s+h / customers
//	GRR             = Σ min(ARR(s+h), starting ARR) / Σ starting ARR
//	NRR             = Σ ARR(s+h) / Σ starting ARR
//	Expansion       = NRR 12 − GRR 12 (expansion ARR at 12 months / starting ARR)
//	Annual churn    = customers churned / customer-years observed up to the report date
//	LTV             = mean starting ARR × gross margin / annual churn
//	CAC payback     = Σ CAC / Σ (starting ARR / 12 × gross margin)   (months)
//
// Revenue figures use the customers whose starting ARR (and, while
// active, current ARR) is known; gross margin is the ARR-weighted mean of
// the known margins (Settings.GrossMargin stands in for unknown ones);
// CAC payback uses the customers with CAC, ARR and margin known.
//
// A cohort is too young for a horizon until its latest customer has been
// a customer that long (latest start + horizon ≤ report date); until
// then the figure is unknown with the note "not yet known", never 0. LTV
// and annual churn need 12 months. A tier's pooled row sums the cohorts
// old enough for each figure.
type Cohorts struct {
	Horizons [3]int   // months after start: 3, 6 and 12
	Tiers    []Cohort // one per Report.Tiers entry, pooled over its cohorts
	ByPeriod []Cohort // for each tier in turn, its cohorts oldest first
	All      Cohort   // every customer, pooled
	Curves   []Curve  // one per Report.Tiers entry
	Excluded int      // customers without a start date or starting after the report date
	NoARR    int      // customers left out of the revenue figures
}

// Cohort is one row of the cohort sheet.
type Cohort struct {
	Tier      string
	Period    string // start period; empty for a pooled row
	Customers int
	StartARR  float64 // Σ known starting ARR

	Churn90        Figure
	Logo, GRR, NRR [3]Figure // at Horizons
	Expansion      Figure
	AnnualChurn    Figure
	LTV            Figure
	CACPayback     Figure // months
}

// Curve is a tier's retention by months since start, pooled over the
// customers observed for at least that many months: Logo[m] and NRR[m]
// as defined on Cohorts with h = m. Points observed on fewer than
// Settings.MinCurveCustomers customers are unknown.
type Curve struct {
	Tier      string
	Customers []int // observed for m months
	Logo      []Figure
	NRR       []Figure
}

// cohortAcc accumulates one cohort (or a pool of cohorts).
type cohortAcc struct {
	n        int
	startARR float64
	latest   time.Time

	churn90 int

	alive   [3]int
	revBase float64 // Σ starting ARR of the revenue customers
	arr     [3]float64
	grr     [3]float64

	churned  int
	exposure float64 // customer-years
	arrKnown int     // customers with starting ARR known

	marginNum, marginDen float64 // Σ margin×ARR, Σ ARR
	cac, cacRev          float64 // Σ CAC, Σ ARR/12×margin
	cacN                 int

	// A pool's counts of the cohorts old enough for each figure:
	// poolN[0] for the 90-day churn, poolN[1+h] for horizon h, poolN[4]
	// for annual churn and LTV.
	poolN        [5]int
	poolRev      [3]float64
	poolLTVARR   float64
	poolLTVKnown int
}

// pooled flags, per figure, whether a pool took in any mature cohort.
type pooled struct {
	churn90  bool
	horizon  [3]bool
	lifetime bool
}

func buildCohorts(r *Report, in *Input, tiers []int8) Cohorts {
	asOf := r.AsOf
	nt := len(r.Tiers)
	c := Cohorts{Horizons: horizons}
	cells := map[[2]int32]*cohortAcc{}
	curves := make([]curveAcc, nt)
	for t := range curves {
		curves[t] = newCurveAcc(r.Settings.CurveMonths)
	}
	for i := range in.Customers {
		cu := &in.Customers[i]
		if cu.Start.IsZero() || cu.Start.After(asOf) {
			c.Excluded++
			continue
		}
		k := [2]int32{int32(tiers[i]), int32(r.Period.key(cu.Start))}
		acc := cells[k]
		if acc == nil {
			acc = &cohortAcc{}
			cells[k] = acc
		}
		if !acc.addCustomer(cu, asOf, r.Settings.GrossMargin) {
			c.NoARR++
		}
		curves[tiers[i]].add(cu, asOf)
	}
	keys := make([][2]int32, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	tierPools := make([]cohortAcc, nt)
	tierFlags := make([]pooled, nt)
	var all cohortAcc
	var allFlags pooled
	for _, k := range keys {
		acc := cells[k]
		t := int(k[0])
		label := r.Period.label(periodKey(k[1]))
		c.ByPeriod = append(c.ByPeriod, acc.cohort(r.Tiers[t], label, asOf, nil))
		tierPools[t].pool(acc, &tierFlags[t], asOf)
		all.pool(acc, &allFlags, asOf)
	}
	for t := range nt {
		c.Tiers = append(c.Tiers, tierPools[t].cohort(r.Tiers[t], "", asOf, &tierFlags[t]))
		c.Curves = append(c.Curves, curves[t].curve(r.Tiers[t], r.Settings.MinCurveCustomers))
	}
	c.All = all.cohort(allTiers, "", asOf, &allFlags)
	return c
}

// addCustomer adds a customer started on or before asOf; it reports
// whether the customer counts in the revenue figures.
func (a *cohortAcc) addCustomer(cu *icp.Customer, asOf time.Time, defMargin float64) bool {
	a.n++
	if cu.Start.After(a.latest) {
		a.latest = cu.Start
	}
	churned := !cu.Churn.IsZero() && !cu.Churn.After(asOf)
	if churned && !cu.Churn.After(cu.Start.AddDate(0, 0, churnWindowDays)) {
		a.churn90++
	}
	end := asOf
	if churned {
		a.churned++
		end = cu.Churn
	}
	if end.After(cu.Start) {
		a.exposure += days(end.Sub(cu.Start)) / daysPerYear
	}
	for h, months := range horizons {
		at := cu.Start.AddDate(0, months, 0)
		if !churned || at.Before(cu.Churn) {
			a.alive[h]++
		}
	}
	if !cu.StartARR.Known {
		return false
	}
	start := cu.StartARR.Value
	a.startARR += start
	a.arrKnown++
	margin, hasMargin := cu.GrossMargin.Value, cu.GrossMargin.Known
	if !hasMargin && defMargin > 0 {
		margin, hasMargin = defMargin, true
	}
	if hasMargin {
		a.marginNum += margin * start
		a.marginDen += start
		if cu.CAC.Known {
			a.cac += cu.CAC.Value
			a.cacRev += start / 12 * margin
			a.cacN++
		}
	}
	if !churned && !cu.CurrentARR.Known {
		return false
	}
	a.revBase += start
	for h, months := range horizons {
		v := arrAt(cu, cu.Start.AddDate(0, months, 0), asOf, churned)
		a.arr[h] += v
		a.grr[h] += min(v, start)
	}
	return true
}

// arrAt is the modelled ARR of a customer at t (see Cohorts).
func arrAt(cu *icp.Customer, t, asOf time.Time, churned bool) float64 {
	start := cu.StartARR.Value
	if churned {
		if t.Before(cu.Churn) {
			return start
		}
		return 0
	}
	span := asOf.Sub(cu.Start)
	if span <= 0 || !t.Before(asOf) {
		if span <= 0 {
			return start
		}
		return cu.CurrentARR.Value
	}
	f := max(0, float64(t.Sub(cu.Start))/float64(span))
	return start + (cu.CurrentARR.Value-start)*f
}

const daysPerYear = 365.25

// mature reports whether every customer of the cohort has been one for
// the given calendar months and days.
func (a *cohortAcc) mature(months, ds int, asOf time.Time) bool {
	return !a.latest.AddDate(0, months, ds).After(asOf)
}

// pool adds the parts of cohort b that are old enough for each figure.
func (a *cohortAcc) pool(b *cohortAcc, f *pooled, asOf time.Time) {
	a.n += b.n
	a.startARR += b.startARR
	a.arrKnown += b.arrKnown
	a.marginNum += b.marginNum
	a.marginDen += b.marginDen
	a.cac += b.cac
	a.cacRev += b.cacRev
	a.cacN += b.cacN
	if b.latest.After(a.latest) {
		a.latest = b.latest
	}
	if b.mature(0, churnWindowDays, asOf) {
		f.churn90 = true
		a.churn90 += b.churn90
		a.poolN[0] += b.n
	}
	for h, months := range horizons {
		if b.mature(months, 0, asOf) {
			f.horizon[h] = true
			a.alive[h] += b.alive[h]
			a.arr[h] += b.arr[h]
			a.grr[h] += b.grr[h]
			a.poolN[1+h] += b.n
			a.poolRev[h] += b.revBase
		}
	}
	if b.mature(lifetimeMonths, 0, asOf) {
		f.lifetime = true
		a.churned += b.churned
		a.exposure += b.exposure
		a.poolN[4] += b.n
		a.poolLTVARR += b.startARR
		a.poolLTVKnown += b.arrKnown
	}
}

// lifetimeMonths is the age a cohort needs before its annual churn rate
// and LTV are shown.
const lifetimeMonths = 12

// cohort turns the accumulator into a row. For a single cohort f is nil
// and maturity is judged from its latest start; for a pool, f says which
// figures took in a mature cohort.
func (a *cohortAcc) cohort(tier, period string, asOf time.Time, f *pooled) Cohort {
	row := Cohort{Tier: tier, Period: period, Customers: a.n, StartARR: a.startARR}
	young := func(months, ds int) string {
		if f != nil {
			if months == 0 {
				return "not yet known: no cohort is 90 days old yet"
			}
			return fmt.Sprintf("not yet known: no cohort is %d months old yet", months)
		}
		return fmt.Sprintf("not yet known: the cohort's latest customer reaches %s on %s",
			ageText(months, ds), a.latest.AddDate(0, months, ds).Format(time.DateOnly))
	}
	// n, alive, ARR sums of the part old enough for each figure.
	churnN, hN, revN, lifeN := a.n, [3]int{a.n, a.n, a.n}, [3]float64{a.revBase, a.revBase, a.revBase}, a.n
	lifeARR, lifeKnown := a.startARR, a.arrKnown
	ok90 := a.mature(0, churnWindowDays, asOf)
	okH := [3]bool{}
	for h, months := range horizons {
		okH[h] = a.mature(months, 0, asOf)
	}
	okLife := a.mature(lifetimeMonths, 0, asOf)
	if f != nil {
		churnN, lifeN = a.poolN[0], a.poolN[4]
		for h := range horizons {
			hN[h], revN[h] = a.poolN[1+h], a.poolRev[h]
		}
		lifeARR, lifeKnown = a.poolLTVARR, a.poolLTVKnown
		ok90, okH, okLife = f.churn90, f.horizon, f.lifetime
	}
	if ok90 {
		row.Churn90 = ratio(float64(a.churn90), float64(churnN), "no customers")
	} else {
		row.Churn90 = unknown(young(0, churnWindowDays))
	}
	for h, months := range horizons {
		if !okH[h] {
			note := young(months, 0)
			row.Logo[h], row.GRR[h], row.NRR[h] = unknown(note), unknown(note), unknown(note)
			continue
		}
		row.Logo[h] = ratio(float64(a.alive[h]), float64(hN[h]), "no customers")
		row.GRR[h] = ratio(a.grr[h], revN[h], noARRNote)
		row.NRR[h] = ratio(a.arr[h], revN[h], noARRNote)
	}
	last := len(horizons) - 1
	if row.NRR[last].Known && row.GRR[last].Known {
		row.Expansion = known(row.NRR[last].Value - row.GRR[last].Value)
	} else if !okH[last] {
		row.Expansion = unknown(young(horizons[last], 0))
	} else {
		row.Expansion = unknown(noARRNote)
	}
	margin := ratio(a.marginNum, a.marginDen, "no gross margin in the data")
	switch {
	case !okLife:
		row.AnnualChurn = unknown(young(lifetimeMonths, 0))
		row.LTV = row.AnnualChurn
	default:
		row.AnnualChurn = ratio(float64(a.churned), a.exposure, "no customer-time observed")
		meanARR := ratio(lifeARR, float64(lifeKnown), noARRNote)
		switch {
		case lifeN == 0 || !row.AnnualChurn.Known:
			row.LTV = row.AnnualChurn
		case !meanARR.Known:
			row.LTV = meanARR
		case !margin.Known:
			row.LTV = margin
		case row.AnnualChurn.Value == 0:
			row.LTV = unknown("no churn observed yet: the lifetime cannot be estimated")
		default:
			row.LTV = known(meanARR.Value * margin.Value / row.AnnualChurn.Value)
		}
	}
	switch {
	case a.cacN == 0 && !margin.Known:
		row.CACPayback = margin
	case a.cacN == 0:
		row.CACPayback = unknown("no CAC in the data")
	default:
		row.CACPayback = ratio(a.cac, a.cacRev, "no margin-adjusted revenue")
	}
	return row
}

const noARRNote = "no starting ARR in the data"

func ageText(months, ds int) string {
	if months == 0 {
		return fmt.Sprintf("%d days", ds)
	}
	return fmt.Sprintf("%d months", months)
}

// curveAcc accumulates a tier's retention curve.
type curveAcc struct {
	n, alive  []int
	arr, base []float64
}

func newCurveAcc(months int) curveAcc {
	return curveAcc{n: make([]int, months+1), alive: make([]int, months+1), arr: make([]float64, months+1), base: make([]float64, months+1)}
}

func (c *curveAcc) add(cu *icp.Customer, asOf time.Time) {
	churned := !cu.Churn.IsZero() && !cu.Churn.After(asOf)
	rev := cu.StartARR.Known && (churned || cu.CurrentARR.Known)
	for m := range c.n {
		at := cu.Start.AddDate(0, m, 0)
		if at.After(asOf) {
			return
		}
		c.n[m]++
		if !churned || at.Before(cu.Churn) {
			c.alive[m]++
		}
		if rev {
			c.arr[m] += arrAt(cu, at, asOf, churned)
			c.base[m] += cu.StartARR.Value
		}
	}
}

func (c *curveAcc) curve(tier string, minN int) Curve {
	cv := Curve{Tier: tier, Customers: c.n}
	for m := range c.n {
		if c.n[m] < minN {
			note := fmt.Sprintf("fewer than %d customers observed for %d months", minN, m)
			cv.Logo = append(cv.Logo, unknown(note))
			cv.NRR = append(cv.NRR, unknown(note))
			continue
		}
		cv.Logo = append(cv.Logo, ratio(float64(c.alive[m]), float64(c.n[m]), "no customers"))
		cv.NRR = append(cv.NRR, ratio(c.arr[m], c.base[m], noARRNote))
	}
	return cv
}
