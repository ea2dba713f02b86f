package report

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// deal is what the tables need of one opportunity, computed once by
// Builder.Add; Builder.deals holds one per deal added, in order.
type deal struct {
	amount    float64   // when flagAmount
	score     float32   // at creation
	scoreNow  float32   // open deals: as of the report date
	cycle     float32   // closed deals: days from created to closed, when flagCycle
	rescoreAt float32   // open deals: the re-score checkpoint passed, when flagRescore
	period    periodKey // closed deals: the close date's period
	stage     uint32    // open deals: index into the builder's names
	owner     uint32    // open deals: index into the builder's names
	tier      int8      // index into Report.Tiers at creation
	tierNow   int8      // open deals: as of the report date
	outcome   icp.Outcome
	flags     uint8
}

const (
	flagAmount     uint8 = 1 << iota // amount is known
	flagCycle                        // cycle is known
	flagNoMovement                   // open, stage not moved for the model's no-movement days
	flagRescore                      // open, passed a re-score checkpoint since creation
)

func (d *deal) has(f uint8) bool { return d.flags&f != 0 }

// missingCounts counts, per profile, the deals scored with it and per
// criterion those whose attribute is unknown.
type missingCounts struct {
	scored  []int
	unknown [][]int
}

func (m *missingCounts) add(o *missingCounts) {
	for p := range m.scored {
		m.scored[p] += o.scored[p]
		for c := range m.unknown[p] {
			m.unknown[p][c] += o.unknown[p][c]
		}
	}
}

func newMissing(m *icp.Model) *missingCounts {
	n := len(m.Profiles())
	mc := &missingCounts{scored: make([]int, n), unknown: make([][]int, n)}
	for p := range n {
		mc.unknown[p] = make([]int, len(m.Criteria(p)))
	}
	return mc
}

// tierSlot maps a Result's TierIndex to an index into Report.Tiers: the
// disqualified tier follows the model's tiers.
func tierSlot(r *icp.Result, nModelTiers int) int8 {
	if r.TierIndex < 0 {
		return int8(nModelTiers)
	}
	return int8(r.TierIndex)
}

// scoreChunk is the number of records a worker takes at a time.
const scoreChunk = 4096

// parallel runs fn over [0, n) in chunks on GOMAXPROCS workers; worker w
// gets its own index for scratch state. Results must depend only on the
// record index, which keeps the output independent of scheduling.
func parallel(n int, fn func(w, lo, hi int)) int {
	workers := max(1, min(runtime.GOMAXPROCS(0), (n+scoreChunk-1)/scoreChunk))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(scoreChunk)) - scoreChunk
				if lo >= n {
					return
				}
				fn(w, lo, min(lo+scoreChunk, n))
			}
		}()
	}
	wg.Wait()
	return workers
}

// scoreCustomers returns each customer's tier index, scored as of its
// start date.
func scoreCustomers(in *Input, nModelTiers int) []int8 {
	m := in.Model
	out := make([]int8, len(in.Customers))
	parallel(len(in.Customers), func(_, lo, hi int) {
		var res icp.Result
		var p icp.Prospect
		for i := lo; i < hi; i++ {
			c := &in.Customers[i]
			p = c.Prospect
			p.Opened, p.ScoredAt = c.Start, c.Start
			m.ScoreInto(&res, &p, c.Start)
			out[i] = tierSlot(&res, nModelTiers)
		}
	})
	return out
}

// days converts a duration to days.
func days(d time.Duration) float64 { return d.Hours() / 24 }
