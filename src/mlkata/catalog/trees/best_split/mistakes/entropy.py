import numpy as np

MESSAGE = ("Your gain uses entropy (information gain), not the Gini impurity. Use "
           "G = 1 - sum_k p_k^2 for the parent and both children.")


def _entropy(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return float(-np.sum(p * np.log2(p)))


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    best = (None, None, 0.0)
    for f in range(n):
        values = np.unique(X[:, f])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, f] <= t
            gain = (_entropy(y) - left.sum() / m * _entropy(y[left])
                    - (~left).sum() / m * _entropy(y[~left]))
            if gain > 1e-12 and gain > best[2] + 1e-12:
                best = (f, float(t), float(gain))
    return best
