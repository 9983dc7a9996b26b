import numpy as np

MESSAGE = ("You average the children's impurities as equals. Weigh each child by its share of "
           "the samples: gain = G(parent) - (m_L/m) G(L) - (m_R/m) G(R); a child of 1 sample "
           "must count less than a child of 20.")


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    n = X.shape[1]
    best = (None, None, 0.0)
    for f in range(n):
        values = np.unique(X[:, f])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, f] <= t
            gain = _gini(y) - (_gini(y[left]) + _gini(y[~left])) / 2
            if gain > 1e-12 and gain > best[2] + 1e-12:
                best = (f, float(t), float(gain))
    return best
