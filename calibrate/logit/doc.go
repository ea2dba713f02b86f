// Package logit fits weighted logistic regressions of a won/lost outcome
// on ICP criteria: maximum likelihood (as R's glm), Firth's bias-reduced
// estimates (as R's brglm2 type "AS_mean" and logistf) and ridge.
//
// The model for case i with predictors xᵢ is
//
//	P(wonᵢ) = pᵢ = 1 / (1 + exp(−(β₀ + Σⱼ βⱼ xᵢⱼ))),
//
// and with case (frequency) weights wᵢ the log-likelihood is
//
//	ℓ(β) = Σᵢ wᵢ (yᵢ log pᵢ + (1−yᵢ) log(1−pᵢ)).
//
// Fit maximizes ℓ, ℓ + ½ log det I (Firth) or ℓ − λ/2 Σⱼ≥₁ βⱼ² (Ridge),
// I = XᵀWX being the Fisher information with W = diag(wᵢpᵢ(1−pᵢ)), by
// Newton's method with the expected information (Fisher scoring) and step
// halving. The information is accumulated row by row and factorized by
// Cholesky (gonum mat); for Firth the hat values
// hᵢ = wᵢpᵢ(1−pᵢ) x̃ᵢᵀI⁻¹x̃ᵢ give the modified score
// X̃ᵀ(w(y − p) + h(½ − p)).
//
// Before fitting, identical predictor rows are merged into one row that
// carries the weight of its won and of its lost cases, which is exact for
// all three objectives, so the cost of an iteration is O(m p²) in the
// number m of distinct rows: a million CRM opportunities scored on a few
// categorical criteria fit in a fraction of a second. Predictor columns
// are rescaled internally by powers of two, which is exact.
//
// Fit reports rather than hides what can go wrong with small sales data:
// outcomes separated by the predictors (found by linear programming, see
// Separation), constant, identical or aliased predictors, fewer than ten
// events per predictor, non-convergence. Each is a Result.Warnings entry;
// every number in a Result is finite.
//
// Standard errors are from the inverse (penalized) information at the
// estimate; intervals are profile-likelihood (the default for Firth, as
// logistf) or Wald. For Firth, Result.AdjustedIntercept holds the FLIC
// intercept, which restores the observed base rate of wins in the
// predicted probabilities.
//
// References:
//
//   - Albert A, Anderson JA (1984). On the existence of maximum likelihood
//     estimates in logistic regression models. Biometrika 71:1–10.
//   - Firth D (1993). Bias reduction of maximum likelihood estimates.
//     Biometrika 80:27–38.
//   - Heinze G, Schemper M (2002). A solution to the problem of separation
//     in logistic regression. Statistics in Medicine 21:2409–2419.
//   - Konis K (2007). Linear programming algorithms for detecting
//     separated data in binary logistic regression models. DPhil thesis,
//     University of Oxford.
//   - Kosmidis I, Firth D (2009). Bias reduction in exponential family
//     nonlinear models. Biometrika 96:793–804.
//   - Puhr R, Heinze G, Nold M, Lusa L, Geroldinger A (2017). Firth's
//     logistic regression with rare events: accurate effect estimates and
//     predictions? Statistics in Medicine 36:2302–2317.
package logit
