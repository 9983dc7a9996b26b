import numpy as np

MESSAGE = ("fit scales each stump by learning_rate but predict adds the stumps in full. The "
           "model is mean(y) + learning_rate * (sum of the stumps) in both places.")

TIE = 1e-12  # decreases closer than this are equal


def fit_stump(X, r):
    """The depth-1 regression tree that most lowers the squared error of predicting r.

    Returns (feature, threshold, left_value, right_value); (None, None, mean, mean) when no
    split lowers the squared error.
    """
    m, n = X.shape
    n_left = np.arange(1, m)
    total = r.sum()
    candidates = []                                      # (decrease, feature, threshold)
    for f in range(n):
        order = np.argsort(X[:, f], kind="stable")
        xs, rs = X[order, f], r[order]
        distinct = xs[1:] > xs[:-1]
        if not distinct.any():
            continue
        left_sum = np.cumsum(rs)[:-1]
        mean_left = left_sum / n_left
        mean_right = (total - left_sum) / (m - n_left)
        # SSE(parent) - SSE(left) - SSE(right) = m_L m_R / m (mean_L - mean_R)^2
        decrease = n_left * (m - n_left) / m * (mean_left - mean_right) ** 2
        decrease = np.where(distinct, decrease, -np.inf)
        i = int(np.flatnonzero(decrease >= decrease.max() - TIE)[0])
        candidates.append((decrease[i], f, (xs[i] + xs[i + 1]) / 2))
    mean = r.mean()
    if not candidates or max(c[0] for c in candidates) <= TIE:
        return None, None, mean, mean
    best = max(c[0] for c in candidates)
    _, feature, threshold = next(c for c in candidates if c[0] >= best - TIE)
    left = X[:, feature] <= threshold
    return feature, threshold, r[left].mean(), r[~left].mean()


def predict_stump(stump, X):
    feature, threshold, left_value, right_value = stump
    if feature is None:
        return np.full(len(X), left_value)
    return np.where(X[:, feature] <= threshold, left_value, right_value)


class GradientBoostingStumps:
    def __init__(self, n_estimators, learning_rate):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        self.init_ = y.mean()                            # the best constant for squared loss
        F = np.full(len(y), self.init_)
        self.stumps_ = []
        for _ in range(self.n_estimators):
            residual = y - F                             # the negative gradient of ½(y - F)²
            stump = fit_stump(X, residual)
            F = F + self.learning_rate * predict_stump(stump, X)
            self.stumps_.append(stump)
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        F = np.full(len(X), self.init_)
        for stump in self.stumps_:
            F = F + predict_stump(stump, X)
        return F
