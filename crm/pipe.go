package crm

import (
	"errors"
	"sync"
)

// ErrClosed is returned by a reader's Next after its Table was closed.
var ErrClosed = errors.New("crm: table closed")

const (
	batchRows = 256 // rows handed over at a time
	batches   = 4   // batches in flight: one being filled, one being consumed, spares
)

// batch is a run of rows and the memory they point into. It belongs to
// the reading goroutine until sent, then to Next until Next moves past
// its last row; then it is filled again.
type batch struct {
	rows    []AccountRow
	errs    []error
	cells   []string
	scratch [batchRows]scratch // one per row: the Prospect's slices and map
	end     error              // io.EOF or the error that stopped reading, after rows
	dirty   int                // cells written by earlier fills
}

// done clears the cells earlier fills left beyond this one's: stale
// strings would keep old rows' memory alive.
func (b *batch) done() {
	if n := len(b.cells); n < b.dirty {
		clear(b.cells[n:b.dirty])
	}
	b.dirty = len(b.cells)
}

func (b *batch) reset() {
	b.rows, b.errs, b.cells, b.end = b.rows[:0], b.errs[:0], b.cells[:0], nil
}

// add appends a row, copying its cells, which the table reuses.
func (b *batch) add(row AccountRow, err error) {
	start := len(b.cells)
	b.cells = append(b.cells, row.Cells...)
	row.Cells = b.cells[start:len(b.cells):len(b.cells)]
	b.rows = append(b.rows, row)
	b.errs = append(b.errs, err)
}

// pipe runs a fill function in a goroutine and hands the batches it
// fills to next.
type pipe struct {
	started bool
	full    chan *batch
	free    chan *batch
	done    chan struct{}
	exited  chan struct{}
	stop    sync.Once
	cur     *batch
	i       int
}

// start launches the goroutine and registers its stop with the table's
// Close. fill fills a reset batch with up to batchRows rows, and sets
// end when there are no more.
func (p *pipe) start(t *Table, fill func(*batch)) {
	p.started = true
	p.full = make(chan *batch, batches)
	p.free = make(chan *batch, batches)
	p.done = make(chan struct{})
	p.exited = make(chan struct{})
	for range batches {
		p.free <- &batch{}
	}
	t.onClose = append(t.onClose, p.halt)
	go p.run(fill)
}

func (p *pipe) run(fill func(*batch)) {
	defer close(p.exited)
	defer close(p.full)
	for {
		var b *batch
		select {
		case b = <-p.free:
		case <-p.done:
			return
		}
		b.reset()
		fill(b)
		b.done()
		select {
		case p.full <- b:
		case <-p.done:
			return
		}
		if b.end != nil {
			return
		}
	}
}

// isRowError reports whether err is about one row, so reading can go on.
func isRowError(err error) bool {
	var pe *ParseError
	return errors.As(err, &pe)
}

// halt stops the goroutine and waits for it, so the table can be closed.
func (p *pipe) halt() {
	p.stop.Do(func() { close(p.done) })
	<-p.exited
}

func (p *pipe) next() (AccountRow, error) {
	for p.cur == nil || p.i == len(p.cur.rows) {
		if p.cur != nil {
			if p.cur.end != nil {
				return AccountRow{}, p.cur.end
			}
			p.free <- p.cur
			p.cur = nil
		}
		b, ok := <-p.full
		if !ok {
			return AccountRow{}, ErrClosed
		}
		p.cur, p.i = b, 0
	}
	row, err := p.cur.rows[p.i], p.cur.errs[p.i]
	p.i++
	return row, err
}
