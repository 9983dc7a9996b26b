import numpy as np

MESSAGE = ("You return the joint log-likelihoods log p(c) + log p(x | c). The posterior also "
           "divides by p(x): subtract the log-sum-exp of each row so that exp of it sums to 1.")


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_ = np.unique(y)
        counts = np.stack([X[y == c].sum(axis=0) for c in self.classes_])
        self.log_prob = np.log((counts + self.alpha)
                               / (counts + self.alpha).sum(axis=1, keepdims=True))
        self.log_prior = np.log([np.mean(y == c) for c in self.classes_])
        return self

    def _jll(self, X):
        return np.asarray(X, dtype=float) @ self.log_prob.T + self.log_prior

    def predict_log_proba(self, X):
        jll = self._jll(X)
        return jll

    def predict(self, X):
        return self.classes_[np.argmax(self._jll(X), axis=1)]
