import numpy as np

MESSAGE = ("Every tree is grown on the full training set, so with max_features = n all trees "
           "are the same tree and the seed changes nothing. Grow each tree on a bootstrap sample: "
           "rows = rng.integers(0, m, size=m), then X[rows], y[rows].")

TIE = 1e-12  # gains closer than this are equal


def gini(counts):
    """Gini impurity of class counts along the last axis."""
    counts = np.asarray(counts, dtype=float)
    p = counts / counts.sum(axis=-1, keepdims=True)
    return 1.0 - np.sum(p * p, axis=-1)


def best_split(X, y, n_classes, features):
    """The best Gini split of (X, y) among the given features (best_split's rules)."""
    m = len(y)
    onehot = np.eye(n_classes)[y]
    total = onehot.sum(axis=0)
    parent = gini(total)
    m_left = np.arange(1, m)
    candidates = []
    for f in features:                                   # in increasing order
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        distinct = xs[1:] > xs[:-1]
        if not distinct.any():
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1]
        gain = parent - (m_left / m) * gini(left) - ((m - m_left) / m) * gini(total - left)
        gain = np.where(distinct, gain, -np.inf)
        i = int(np.flatnonzero(gain >= gain.max() - TIE)[0])
        candidates.append((gain[i], int(f), (xs[i] + xs[i + 1]) / 2))
    if not candidates:
        return None, None
    best = max(g for g, _, _ in candidates)
    if best <= TIE:
        return None, None
    _, feature, threshold = next(c for c in candidates if c[0] >= best - TIE)
    return feature, threshold


class RandomForestClassifier:
    def __init__(self, n_estimators, max_features, max_depth=None, rng=None):
        self.n_estimators = n_estimators
        self.max_features = max_features
        self.max_depth = max_depth
        self.rng = rng if rng is not None else np.random.default_rng()

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=int)
        self.n_classes_ = int(y.max()) + 1
        self.trees_ = []
        for _ in range(self.n_estimators):
            self.trees_.append(self._grow(X, y, depth=0))
        return self

    def _grow(self, X, y, depth):
        counts = np.bincount(y, minlength=self.n_classes_)
        leaf = {"label": int(np.argmax(counts))}
        if counts.max() == len(y) or (self.max_depth is not None and depth >= self.max_depth):
            return leaf
        # a fresh random subset of the features at every split
        features = np.sort(self.rng.choice(X.shape[1], size=self.max_features, replace=False))
        feature, threshold = best_split(X, y, self.n_classes_, features)
        if feature is None:                                 # none of them gains anything
            return leaf
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

    @staticmethod
    def _predict_tree(node, x):
        while "label" not in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        return node["label"]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        votes = np.zeros((len(X), self.n_classes_), dtype=int)
        for tree in self.trees_:
            for i, x in enumerate(X):
                votes[i, self._predict_tree(tree, x)] += 1
        return np.argmax(votes, axis=1)                     # a tied vote: the smallest label
