package crm

import (
	"errors"
	"maps"
	"sync"

	"github.com/icpkit/icpkit/icp"
)

// ErrClosed is returned by a reader's Next after its Table was closed.
var ErrClosed = errors.New("crm: table closed")

const (
	batchRows = 256 // rows handed over at a time
	batches   = 4   // batches in flight: one being read, one being parsed, spares
)

// batch is a run of parsed rows and the memory they point into. It
// belongs to the parsing goroutine until sent, then to Next until Next
// moves past its last row.
type batch struct {
	rows  []AccountRow
	errs  []error
	cells []string
	strs  []string
	evs   []icp.Event
	maps  []map[string]icp.Value
	nmaps int
	end   error // io.EOF or the error that stopped reading, after rows
}

// keep copies what row points into that the next read reuses — its
// cells, the Prospect's slices and custom map — into the batch.
func (b *batch) keep(row AccountRow, err error) {
	start := len(b.cells)
	b.cells = append(b.cells, row.Cells...)
	row.Cells = b.cells[start:len(b.cells):len(b.cells)]
	p := &row.Prospect
	p.TechStack = keepSlice(&b.strs, p.TechStack)
	p.Triggers = keepSlice(&b.evs, p.Triggers)
	p.Intent = keepSlice(&b.evs, p.Intent)
	p.Engagement = keepSlice(&b.evs, p.Engagement)
	if p.Custom != nil {
		if b.nmaps == len(b.maps) {
			b.maps = append(b.maps, make(map[string]icp.Value, len(p.Custom)))
		}
		m := b.maps[b.nmaps]
		b.nmaps++
		clear(m)
		maps.Copy(m, p.Custom)
		p.Custom = m
	}
	b.rows = append(b.rows, row)
	b.errs = append(b.errs, err)
}

// keepSlice appends s to the arena and returns the copy, keeping nil nil
// and empty non-nil. Growing the arena leaves earlier copies where they
// were, still valid.
func keepSlice[T any](arena *[]T, s []T) []T {
	if s == nil {
		return nil
	}
	start := len(*arena)
	*arena = append(*arena, s...)
	return (*arena)[start:len(*arena):len(*arena)]
}

func (b *batch) reset() {
	clear(b.rows) // drop references for the garbage collector
	b.rows, b.errs, b.cells, b.strs, b.evs = b.rows[:0], b.errs[:0], b.cells[:0], b.strs[:0], b.evs[:0]
	b.nmaps, b.end = 0, nil
}

// pipe runs a read function in a goroutine and hands its rows to next in
// batches.
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
// Close.
func (p *pipe) start(t *Table, read func() (AccountRow, error)) {
	p.started = true
	p.full = make(chan *batch, batches)
	p.free = make(chan *batch, batches)
	p.done = make(chan struct{})
	p.exited = make(chan struct{})
	for range batches {
		p.free <- &batch{}
	}
	t.onClose = append(t.onClose, p.halt)
	go p.run(read)
}

func (p *pipe) run(read func() (AccountRow, error)) {
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
		for len(b.rows) < batchRows {
			row, err := read()
			if err != nil && !isRowError(err) {
				b.end = err
				break
			}
			b.keep(row, err)
		}
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
