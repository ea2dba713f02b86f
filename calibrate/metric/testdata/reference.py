# Reference values for calibrate/metric tests. The tests do not run this
# script; its output is pasted into reference_test.go as constants.
# Run with: /usr/bin/python3 testdata/reference.py
# (Debian bookworm: Python 3.11, numpy 1.24.2, pandas 1.5.3,
#  scikit-learn 1.2.1, statsmodels 0.13.5, scipy 1.10.1)
import numpy as np, pandas as pd, scipy, sklearn, statsmodels
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score, log_loss, brier_score_loss
from sklearn.calibration import calibration_curve
from statsmodels.stats.proportion import proportion_confint, proportions_ztest
from scipy.stats import fisher_exact

print("versions", np.__version__, pd.__version__, sklearn.__version__, statsmodels.__version__, scipy.__version__)

# deals40: np.random.default_rng(2024); pred = round(beta(2,3), 2), won ~ Bernoulli(1.2 pred - 0.05), w from {0.5,1,1,2,3}.
pred = np.array([0.4, 0.09, 0.58, 0.18, 0.3, 0.62, 0.36, 0.41, 0.36, 0.32, 0.64, 0.08, 0.13, 0.24, 0.17, 0.36, 0.42, 0.6, 0.61, 0.66, 0.31, 0.5, 0.48, 0.62, 0.39, 0.72, 0.13, 0.32, 0.32, 0.39, 0.77, 0.58, 0.31, 0.54, 0.03, 0.27, 0.33, 0.75, 0.21, 0.68])
won = np.array([1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0])
w = np.array([0.5, 2.0, 2.0, 1.0, 2.0, 3.0, 1.0, 1.0, 1.0, 3.0, 2.0, 0.5, 3.0, 1.0, 1.0, 3.0, 2.0, 1.0, 0.5, 3.0, 1.0, 1.0, 2.0, 0.5, 1.0, 1.0, 2.0, 2.0, 1.0, 0.5, 1.0, 2.0, 0.5, 2.0, 2.0, 3.0, 0.5, 2.0, 0.5, 1.0])
fmt = lambda x: repr(float(x))

print("AUC", fmt(roc_auc_score(won, pred)))
print("AUC weighted", fmt(roc_auc_score(won, pred, sample_weight=w)))
print("LogLoss", fmt(log_loss(won, pred)))
print("LogLoss weighted", fmt(log_loss(won, pred, sample_weight=w)))
print("Brier", fmt(brier_score_loss(won, pred)))
print("Brier weighted", fmt(brier_score_loss(won, pred, sample_weight=w)))
# Clipping: predictions 0 and 1 that are wrong, sklearn with eps=1e-15.
print("LogLoss clipped", fmt(log_loss([1, 0, 1], [0.0, 1.0, 0.5], eps=1e-15)))

x = np.log(pred / (1 - pred))
X = sm.add_constant(x)
for name, kw in [("", {}), (" weighted", {"freq_weights": w})]:
    citl = sm.GLM(won, np.ones_like(x), family=sm.families.Binomial(), offset=x, **kw).fit(tol=1e-14)
    slope = sm.GLM(won, X, family=sm.families.Binomial(), **kw).fit(tol=1e-14)
    print("Calibration%s intercept" % name, fmt(citl.params[0]), "slope", fmt(slope.params[1]))

for s, n, c in [(0, 10, 0.95), (1, 10, 0.95), (17, 40, 0.95), (40, 40, 0.95), (3, 7, 0.9), (512, 1000, 0.99), (12.5, 30.5, 0.95)]:
    lo, hi = proportion_confint(s, n, alpha=1 - c, method="wilson")
    print("Wilson", s, n, c, fmt(lo), fmt(hi))

for a, n1, b, n2 in [(38, 120, 21, 110), (5, 20, 5, 20), (120, 400, 90, 410), (3, 14, 9, 15)]:
    z, p = proportions_ztest([a, b], [n1, n2])
    print("TwoProportion", a, n1, b, n2, fmt(a / n1 - b / n2), fmt(z), fmt(p))

for t in [(3, 1, 1, 3), (1, 9, 11, 3), (0, 5, 5, 0), (10, 2, 3, 15), (2, 7, 8, 2), (7, 12, 0, 0), (20, 30, 25, 25), (0, 0, 0, 4)]:
    _, p = fisher_exact([[t[0], t[1]], [t[2], t[3]]])
    print("Fisher", t, fmt(p))

# Reliability: sklearn calibration_curve(strategy="quantile") on the rows
# of deals40; with 40 rows and 4 or 5 bins no tie crosses a bin boundary.
for k in (4, 5):
    prob_true, prob_pred = calibration_curve(won, pred, n_bins=k, strategy="quantile")
    order = np.argsort(pred, kind="stable")
    ps = pred[order]
    size = len(pred) // k
    print("Reliability", k, "boundary ties:", [ps[i * size - 1] == ps[i * size] for i in range(1, k)])
    for j in range(k):
        cnt = size
        wins = won[order][j * size:(j + 1) * size].sum()
        lo, hi = proportion_confint(wins, cnt, alpha=0.05, method="wilson")
        print("  bin", j, fmt(ps[j * size]), fmt(ps[(j + 1) * size - 1]), cnt, fmt(prob_pred[j]), fmt(prob_true[j]), fmt(lo), fmt(hi))

# Lift by quintile with pandas: descending score, 8 deals per group (no
# tie crosses a group boundary).
df = pd.DataFrame({"p": pred, "y": won}).sort_values("p", ascending=False, kind="stable").reset_index(drop=True)
df["g"] = df.index // 8 + 1
t = df.groupby("g").agg(n=("y", "size"), won=("y", "sum"), lo=("p", "min"), hi=("p", "max"))
t["rate"] = t.won / t.n
t["lift"] = t.rate / df.y.mean()
t["cumwins"] = t.won.cumsum() / df.y.sum()
t["cumshare"] = t.n.cumsum() / len(df)
print("Lift", "boundary ties:", [df.p[i * 8 - 1] == df.p[i * 8] for i in range(1, 5)])
with pd.option_context("display.precision", 17):
    print(t.to_string())

# PSI: expected = deals40 pred, actual = same shifted by +0.05 (capped 1).
def psi(e, a, edges):
    ei = np.searchsorted(edges, e, side="left")
    ai = np.searchsorted(edges, a, side="left")
    ec = np.bincount(ei, minlength=len(edges) + 1) / len(e)
    ac = np.bincount(ai, minlength=len(edges) + 1) / len(a)
    ec, ac = np.maximum(ec, 1e-4), np.maximum(ac, 1e-4)
    return ((ac - ec) * np.log(ac / ec)).sum(), ec, ac

actual = np.minimum(pred + 0.05, 1.0)
q = np.quantile(pred, np.arange(1, 10) / 10, method="inverted_cdf")
q = np.unique(q)
print("PSI decile edges", list(map(float, q)))
v, ec, ac = psi(pred, actual, q)
print("PSI deciles", fmt(v))
edges = np.array([0.2, 0.4, 0.6, 0.8])
v, ec, ac = psi(pred, actual, edges)
print("PSI fixed edges", fmt(v), ec, ac)
