import numpy as np

MESSAGE = ("You cut at the data values with a strict `x < value` for the left child, so you "
           "report the value just above the cut. The threshold is the midpoint between two "
           "consecutive distinct values, and the left child is X[:, f] <= threshold.")


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    best = (None, None, 0.0)
    for f in range(n):
        for t in np.unique(X[:, f])[1:]:
            left = X[:, f] < t
            gain = (_gini(y) - left.sum() / m * _gini(y[left])
                    - (~left).sum() / m * _gini(y[~left]))
            if gain > 1e-12 and gain > best[2] + 1e-12:
                best = (f, float(t), float(gain))
    return best
