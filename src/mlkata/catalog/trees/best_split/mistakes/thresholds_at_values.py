import numpy as np

MESSAGE = ("Your thresholds are the data values themselves. The contract's candidates are the "
           "midpoints between consecutive distinct sorted values: (v[i] + v[i+1]) / 2 — the "
           "same children, but the cut sits halfway, where unseen points are split fairly.")


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    best = (None, None, 0.0)
    for f in range(n):
        for t in np.unique(X[:, f])[:-1]:
            left = X[:, f] <= t
            gain = (_gini(y) - left.sum() / m * _gini(y[left])
                    - (~left).sum() / m * _gini(y[~left]))
            if gain > 1e-12 and gain > best[2] + 1e-12:
                best = (f, float(t), float(gain))
    return best
