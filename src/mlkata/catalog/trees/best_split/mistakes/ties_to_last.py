import numpy as np

MESSAGE = ("On equal gains you keep the last split you met (a >= comparison), so ties go to "
           "the largest feature or threshold. Replace the best only when a gain is larger by "
           "more than 1e-12: ties go to the smallest feature, then the smallest threshold.")


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    best = (None, None, 0.0)
    for f in range(n):
        values = np.unique(X[:, f])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, f] <= t
            gain = (_gini(y) - left.sum() / m * _gini(y[left])
                    - (~left).sum() / m * _gini(y[~left]))
            if gain > 1e-12 and gain >= best[2] - 1e-12:
                best = (f, float(t), float(gain))
    return best
