// Package calibrate checks an ICP model against closed-won/lost deals and
// suggests a better one.
//
// The playbook's advice is to score against win data, not intuition. Run
// takes a model and deals, scores every closed deal as of the day it was
// created (so later events do not leak into the past), and fits a logistic
// regression of won on one predictor per criterion,
//
//	x_j = points earned on criterion j / maximum points of criterion j,
//
// computed by the icp package's own scoring code. From the fit it suggests
// integer points that add up to the model's total (largest-remainder
// rounding of the positive coefficients), proposes criteria with negative
// coefficients as negative-ICP candidates, finds the score where
// conversion drops, and compares the current model, the suggestion and
// equal weights out of sample (k-fold cross-validation and a time split).
// Review findings cover tiers that do not separate, wins outside the ICP,
// declining win rates, score drift and disqualifiers that block wins.
//
// Firth's penalised likelihood is the default method: closed-deal samples
// are often small and separated, where maximum likelihood diverges.
package calibrate
