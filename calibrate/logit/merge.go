package logit

import (
	"math"
	"math/bits"
)

// table is a design with identical predictor rows merged: distinct row r
// has predictors x[r*p:(r+1)*p], a total weight won[r] of won cases and
// lost[r] of lost cases, and n[r] = won[r] + lost[r] > 0.
//
// Merging on x alone and keeping both outcome weights is exact for the
// likelihood, the information matrix and the Firth penalty: case i enters
// them only through xᵢ, yᵢ and its weight.
type table struct {
	p     int
	x     []float64
	won   []float64
	lost  []float64
	n     []float64
	rows  int     // distinct (x, y) pairs of positive weight
	wWon  float64 // total weight of won cases
	wLost float64 // total weight of lost cases
}

func (t *table) len() int { return len(t.n) }

// Hash constants of xxHash64.
const (
	prime1 = 0x9E3779B185EBCA87
	prime2 = 0xC2B2AE3D27D4EB4F
	prime3 = 0x165667B19E3779F9
)

// hashRow hashes the bit patterns of a row (with −0 folded into +0) with
// the xxHash64 round and avalanche.
func hashRow(row []float64) uint64 {
	h := uint64(prime3)
	for _, v := range row {
		b := math.Float64bits(v + 0) // −0 + 0 = +0
		h = bits.RotateLeft64(h+b*prime2, 31) * prime1
	}
	h ^= h >> 33
	h *= prime2
	h ^= h >> 29
	h *= prime3
	h ^= h >> 32
	return h
}

// merge validates d and merges its identical predictor rows. Rows of zero
// weight are dropped. The caller's slices are only read.
func merge(d Design) (*table, error) {
	n, p := d.dims()
	t := &table{p: p}
	slots := make([]int32, 1024) // index+1 into the distinct rows; 0 is empty
	var hashes []uint64
	for i := 0; i < n; i++ {
		row := d.X[i*p : i*p+p]
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &DataError{Row: i, Column: d.Names[j], Value: v, Err: ErrNonFinite}
			}
		}
		w := 1.0
		if d.Weight != nil {
			w = d.Weight[i]
			switch {
			case math.IsNaN(w) || math.IsInf(w, 0):
				return nil, &DataError{Row: i, Column: "weight", Value: w, Err: ErrNonFinite}
			case w < 0:
				return nil, &DataError{Row: i, Column: "weight", Value: w, Err: ErrNegativeWeight}
			case w == 0:
				continue
			}
		}
		h := hashRow(row)
		mask := uint64(len(slots) - 1)
		r := -1
		for s := h & mask; ; s = (s + 1) & mask {
			idx := slots[s]
			if idx == 0 {
				r = len(t.n)
				slots[s] = int32(r + 1)
				hashes = append(hashes, h)
				if len(t.x)+p > cap(t.x) {
					// Double, rather than append's 1.25× for large
					// slices: all-distinct data copy X only twice.
					x := make([]float64, len(t.x), 2*cap(t.x)+64*p)
					copy(x, t.x)
					t.x = x
				}
				t.x = append(t.x, row...)
				t.won = append(t.won, 0)
				t.lost = append(t.lost, 0)
				t.n = append(t.n, 0)
				break
			}
			if hashes[idx-1] == h && equalRow(t.x[int(idx-1)*p:int(idx)*p], row) {
				r = int(idx - 1)
				break
			}
		}
		if d.Won[i] {
			if t.won[r] == 0 {
				t.rows++
			}
			t.won[r] += w
			t.wWon += w
		} else {
			if t.lost[r] == 0 {
				t.rows++
			}
			t.lost[r] += w
			t.wLost += w
		}
		t.n[r] += w
		if 2*len(t.n) > len(slots) {
			slots = rehash(hashes, 2*len(slots))
		}
	}
	return t, nil
}

// rehash builds a probe table of the given power-of-two size.
func rehash(hashes []uint64, size int) []int32 {
	if size > math.MaxInt32 {
		panic("logit: more than 2³⁰ distinct rows")
	}
	slots := make([]int32, size)
	mask := uint64(size - 1)
	for r, h := range hashes {
		s := h & mask
		for slots[s] != 0 {
			s = (s + 1) & mask
		}
		slots[s] = int32(r + 1)
	}
	return slots
}

func equalRow(a, b []float64) bool {
	b = b[:len(a)]
	for j, v := range a {
		if v != b[j] {
			return false
		}
	}
	return true
}

// columns returns a table holding only the predictor columns in keep.
func (t *table) columns(keep []int) *table {
	if len(keep) == t.p {
		return t
	}
	m, q := t.len(), len(keep)
	u := *t
	u.p = q
	u.x = make([]float64, m*q)
	for r := 0; r < m; r++ {
		src, dst := t.x[r*t.p:(r+1)*t.p], u.x[r*q:(r+1)*q]
		for c, j := range keep {
			dst[c] = src[j]
		}
	}
	return &u
}

// scale divides each predictor column of t, in place, by the power of two
// sⱼ = 2^e with max |xⱼ| ∈ [2^(e−1), 2^e), so that every value lies in
// (−1, 1), and returns s. Powers of two make the division exact (barring
// subnormal results), and Newton's method is equivariant under it: the fit
// in scaled coordinates is β̃ⱼ = sⱼβⱼ. It keeps X'WX finite for predictors
// of any magnitude.
func (t *table) scale() []float64 {
	p, m := t.p, t.len()
	s := make([]float64, p)
	for j := range s {
		var mx float64
		for r := 0; r < m; r++ {
			mx = math.Max(mx, math.Abs(t.x[r*p+j]))
		}
		s[j] = 1
		if mx > 0 {
			_, e := math.Frexp(mx)
			s[j] = math.Ldexp(1, e)
		}
	}
	for r := 0; r < m; r++ {
		row := t.x[r*p : (r+1)*p]
		for j := range row {
			row[j] /= s[j]
		}
	}
	return s
}
