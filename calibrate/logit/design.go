package logit

// Design is the data of a fit: n cases of p predictors and an outcome.
//
// The intercept is implicit and always fitted; X holds only the predictors.
type Design struct {
	// Names are the p predictor names, in the column order of X.
	Names []string
	// X is the row-major n×p matrix of predictor values: case i is
	// X[i*p : (i+1)*p]. Values must be finite.
	X []float64
	// Won is the outcome of each of the n cases.
	Won []bool
	// Weight holds the case weights, frequency weights as in R's glm: a
	// case of weight 3 counts as three identical cases. Nil means every
	// weight is 1. Weights must be finite and non-negative; cases of
	// weight zero are ignored.
	Weight []float64
}

// dims returns n and p, and panics when the slices of d disagree, which
// is a programming error, not bad data.
func (d Design) dims() (n, p int) {
	n, p = len(d.Won), len(d.Names)
	if len(d.X) != n*p {
		panic("logit: len(X) != len(Won)*len(Names)")
	}
	if d.Weight != nil && len(d.Weight) != n {
		panic("logit: len(Weight) != len(Won)")
	}
	return n, p
}
