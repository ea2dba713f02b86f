// Package metric computes the out-of-sample and review statistics of the
// quarterly ICP review: discrimination (AUC with a DeLong interval),
// probability accuracy (log loss, Brier score), calibration (logistic
// recalibration slope and calibration-in-the-large, reliability bins),
// lift by score group, score drift (population stability index), tests
// of a change in win rate (two-proportion z test, Fisher's exact test),
// Wilson intervals for rates, and apportioning a whole number of deals or
// seats across weights (largest remainder).
//
// Conventions shared by every function:
//
//   - pred holds one score per deal and won says whether the deal was won;
//     pred, won and w must have the same length, or the function panics
//     (a programmer error). Invalid values in the data never panic.
//   - w holds optional non-negative, finite case weights; nil means every
//     weight is 1. A row with weight 0 contributes nothing.
//   - Inputs are never modified.
//   - Functions that return only numbers (or a table) return NaN (or nil)
//     for empty input, for a NaN or out-of-range value, and when the
//     statistic is undefined (for example AUC without any lost deal); each
//     function's documentation lists its cases. Rank-based statistics
//     (AUC, DeLong, Lift, PSI) order ±Inf scores as usual. Functions that
//     return an error report the first bad value as a *ValueError that
//     wraps ErrInvalid, and wrap one of the other sentinel errors of this
//     package when the data cannot support the statistic.
//   - Interval estimates use the confidence level Confidence.
package metric
