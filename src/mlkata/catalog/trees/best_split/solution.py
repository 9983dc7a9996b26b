import numpy as np

TIE = 1e-12  # gains closer than this are equal (round-off in a sum is far smaller)


def gini(counts):
    """Gini impurity of class counts: along the last axis, one node per row."""
    counts = np.asarray(counts, dtype=float)
    total = counts.sum(axis=-1, keepdims=True)
    p = counts / total
    return 1.0 - np.sum(p * p, axis=-1)


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    m, n = X.shape
    _, y_idx = np.unique(y, return_inverse=True)
    onehot = np.eye(y_idx.max() + 1)[y_idx]          # (m, K)
    total = onehot.sum(axis=0)
    parent = gini(total)
    m_left = np.arange(1, m)                         # the left child of boundary i has i+1 rows

    candidates = []                                  # (gain, feature, threshold), feature order
    for f in range(n):
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        distinct = xs[1:] > xs[:-1]                  # a threshold only between distinct values
        if not distinct.any():
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1]   # class counts left of each boundary
        right = total - left
        gain = parent - (m_left / m) * gini(left) - ((m - m_left) / m) * gini(right)
        gain = np.where(distinct, gain, -np.inf)
        i = int(np.flatnonzero(gain >= gain.max() - TIE)[0])   # smallest threshold on a tie
        candidates.append((gain[i], f, (xs[i] + xs[i + 1]) / 2))

    if not candidates:
        return None, None, 0.0
    best = max(g for g, _, _ in candidates)
    if best <= TIE:                                  # no split makes the children purer
        return None, None, 0.0
    gain, feature, threshold = next(c for c in candidates if c[0] >= best - TIE)
    return int(feature), float(threshold), float(gain)
