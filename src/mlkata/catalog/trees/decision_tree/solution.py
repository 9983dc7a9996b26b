import numpy as np

TIE = 1e-12  # gains closer than this are equal


def gini(counts):
    """Gini impurity of class counts along the last axis."""
    counts = np.asarray(counts, dtype=float)
    p = counts / counts.sum(axis=-1, keepdims=True)
    return 1.0 - np.sum(p * p, axis=-1)


def best_split(X, y, n_classes):
    """(feature, threshold, gain) with the largest Gini gain, as in the best_split exercise."""
    m, n = X.shape
    onehot = np.eye(n_classes)[y]
    total = onehot.sum(axis=0)
    parent = gini(total)
    m_left = np.arange(1, m)
    candidates = []
    for f in range(n):
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        distinct = xs[1:] > xs[:-1]
        if not distinct.any():
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1]
        gain = parent - (m_left / m) * gini(left) - ((m - m_left) / m) * gini(total - left)
        gain = np.where(distinct, gain, -np.inf)
        i = int(np.flatnonzero(gain >= gain.max() - TIE)[0])
        candidates.append((gain[i], f, (xs[i] + xs[i + 1]) / 2))
    if not candidates:
        return None, None, 0.0
    best = max(g for g, _, _ in candidates)
    if best <= TIE:
        return None, None, 0.0
    gain, feature, threshold = next(c for c in candidates if c[0] >= best - TIE)
    return feature, threshold, gain


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=int)
        self.n_classes_ = int(y.max()) + 1
        self.root_ = self._grow(X, y, depth=0)
        return self

    def _grow(self, X, y, depth):
        counts = np.bincount(y, minlength=self.n_classes_)
        leaf = {"label": int(np.argmax(counts))}           # argmax: a tie goes to the smallest
        if (counts.max() == len(y)                           # pure
                or (self.max_depth is not None and depth >= self.max_depth)
                or len(y) < self.min_samples_split):
            return leaf
        feature, threshold, _ = best_split(X, y, self.n_classes_)
        if feature is None:                                  # no split with gain > 0
            return leaf
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        labels = np.empty(len(X), dtype=int)
        for i, x in enumerate(X):
            node = self.root_
            while "label" not in node:
                node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
            labels[i] = node["label"]
        return labels
