package crm

import (
	"hash/maphash"
	"math"
)

// idSet finds repeated ids without keeping the ids: it stores a 96-bit
// hash of each (two independent maphash seeds) and the line it was first
// seen on, 16 bytes per id, in an open-addressing table. Among a billion
// distinct ids the chance that two share a hash is below 10^-11; among a
// million, below 10^-17. The table holds no pointers, so the garbage
// collector does not scan it.
type idSet struct {
	s1, s2 maphash.Seed
	slots  []idSlot // power-of-two length; line 0 marks an empty slot
	n      int
	sink   uint32 // keeps touch reads from being optimized away
}

type idSlot struct {
	h1   uint64
	h2   uint32
	line uint32
}

const idSetMinSlots = 1024

func newIDSet() *idSet {
	return &idSet{s1: maphash.MakeSeed(), s2: maphash.MakeSeed()}
}

// add records id on line (> 0) and returns the first line it was seen
// on, or 0 the first time.
func (s *idSet) add(id string, line int) int {
	s.reserve(1)
	h1, h2 := s.hash(id)
	return s.insert(h1, uint32(h2), line)
}

// hash returns the two halves of the id's hash.
func (s *idSet) hash(id string) (uint64, uint64) {
	return maphash.String(s.s1, id), maphash.String(s.s2, id)
}

// reserve grows the table so that n more ids fit.
func (s *idSet) reserve(n int) {
	for 4*(s.n+n) > 3*len(s.slots) {
		s.grow()
	}
}

// touch reads the slot of h1 and returns something from it, so that a
// loop over many ids has their cache lines in flight together.
func (s *idSet) touch(h1 uint64) uint32 {
	return s.slots[h1&uint64(len(s.slots)-1)].line
}

// insert records a hash; the table must have room (reserve).
func (s *idSet) insert(h1 uint64, h2 uint32, line int) int {
	mask := uint64(len(s.slots) - 1)
	for i := h1 & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.line == 0 {
			*sl = idSlot{h1: h1, h2: h2, line: uint32(min(max(line, 1), math.MaxUint32))}
			s.n++
			return 0
		}
		if sl.h1 == h1 && sl.h2 == h2 {
			return int(sl.line)
		}
	}
}

func (s *idSet) grow() {
	old := s.slots
	s.slots = make([]idSlot, max(idSetMinSlots, 2*len(old)))
	mask := uint64(len(s.slots) - 1)
	for _, sl := range old {
		if sl.line == 0 {
			continue
		}
		i := sl.h1 & mask
		for s.slots[i].line != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}
