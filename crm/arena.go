package crm

import "strings"

// arenaSize is the size of the blocks row strings are cut from.
const arenaSize = 32 << 10

// arena turns byte slices into strings, many to one allocation: it
// appends them to a strings.Builder, whose String does not copy and whose
// written bytes never change, and starts a new block when one is full. A
// block lives as long as any string cut from it.
type arena struct {
	b strings.Builder
}

// add returns a string with the contents of p.
func (a *arena) add(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	if a.b.Cap()-a.b.Len() < len(p) {
		a.b = strings.Builder{}
		a.b.Grow(max(arenaSize, len(p)))
	}
	start := a.b.Len()
	a.b.Write(p)
	return a.b.String()[start:]
}
