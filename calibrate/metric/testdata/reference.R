# Reference values for calibrate/metric tests (DeLong, calibration, Fisher).
# The tests do not run this script; its output is pasted into
# reference_test.go. Run with: Rscript testdata/reference.R
# (Debian bookworm: R 4.2.2, pROC 1.18.0)
suppressMessages(library(pROC))
options(digits = 17)
cat("R", as.character(getRversion()), "pROC", as.character(packageVersion("pROC")), "\n")

pred <- c(0.4, 0.09, 0.58, 0.18, 0.3, 0.62, 0.36, 0.41, 0.36, 0.32, 0.64, 0.08, 0.13, 0.24, 0.17, 0.36, 0.42, 0.6, 0.61, 0.66, 0.31, 0.5, 0.48, 0.62, 0.39, 0.72, 0.13, 0.32, 0.32, 0.39, 0.77, 0.58, 0.31, 0.54, 0.03, 0.27, 0.33, 0.75, 0.21, 0.68)
won <- c(1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0)
w <- c(0.5, 2.0, 2.0, 1.0, 2.0, 3.0, 1.0, 1.0, 1.0, 3.0, 2.0, 0.5, 3.0, 1.0, 1.0, 3.0, 2.0, 1.0, 0.5, 3.0, 1.0, 1.0, 2.0, 0.5, 1.0, 1.0, 2.0, 2.0, 1.0, 0.5, 1.0, 2.0, 0.5, 2.0, 2.0, 3.0, 0.5, 2.0, 0.5, 1.0)

delong <- function(name, response, predictor) {
  r <- roc(response, predictor, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  cat(name, "auc", as.numeric(auc(r)), "se", sqrt(var(r, method = "delong")),
      "low", ci[1], "high", ci[3], "\n")
}
delong("deals40", won, pred)

# Hanley & McNeil (1982), Radiology 143:29-36, Table 1: CT ratings 1-5
# (definitely normal .. definitely abnormal) of 58 normal and 51 abnormal.
normal <- c(33, 6, 6, 11, 2); abnormal <- c(3, 2, 2, 11, 33)
rating <- c(rep(1:5, normal), rep(1:5, abnormal))
truth <- c(rep(0, sum(normal)), rep(1, sum(abnormal)))
delong("hanley-mcneil", truth, rating)

x <- qlogis(pred)
for (wt in list(NULL, w)) {
  citl <- suppressWarnings(glm(won ~ offset(x), family = binomial, weights = wt, control = glm.control(epsilon = 1e-14, maxit = 100)))
  sl <- suppressWarnings(glm(won ~ x, family = binomial, weights = wt, control = glm.control(epsilon = 1e-14, maxit = 100)))
  cat("calibration", if (is.null(wt)) "unweighted" else "weighted", "intercept", coef(citl)[1], "slope", coef(sl)[2], "\n")
}

for (t in list(c(3, 1, 1, 3), c(1, 9, 11, 3), c(0, 5, 5, 0), c(10, 2, 3, 15), c(2, 7, 8, 2), c(20, 30, 25, 25), c(120, 280, 90, 320))) {
  cat("fisher", t, fisher.test(matrix(t, 2, byrow = TRUE))$p.value, "\n")
}
