import numpy as np

MESSAGE = ("fit must end with `return self`, so that tree.fit(X, y).predict(X_test) works; "
           "yours returns None.")


def _gini(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def _best_split(X, y):
    m, n = X.shape
    best = (None, None, 0.0)
    for f in range(n):
        values = np.unique(X[:, f])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, f] <= t
            gain = (_gini(y) - left.sum() / m * _gini(y[left])
                    - (~left).sum() / m * _gini(y[~left]))
            if gain > best[2] + 1e-12:
                best = (f, t, gain)
    return best


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=int)
        self.root = self._grow(X, y, 0)

    def _leaf_label(self, y):
        return int(np.argmax(np.bincount(y)))

    def _grow(self, X, y, depth):
        leaf = ("leaf", self._leaf_label(y))
        if len(np.unique(y)) == 1:
            return leaf
        if self.max_depth is not None and depth >= self.max_depth:
            return leaf
        if len(y) < self.min_samples_split:
            return leaf
        f, t, _ = _best_split(X, y)
        if f is None:
            return leaf
        left = X[:, f] <= t
        return ("split", f, t, self._grow(X[left], y[left], depth + 1),
                self._grow(X[~left], y[~left], depth + 1))

    def _predict_one(self, x):
        node = self.root
        while node[0] == "split":
            _, f, t, left, right = node
            node = left if x[f] <= t else right
        return node[1]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return np.array([self._predict_one(x) for x in X], dtype=int)
