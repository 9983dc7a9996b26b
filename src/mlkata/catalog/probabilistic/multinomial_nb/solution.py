import numpy as np


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        # counts[c, j]: total count of feature j over the rows of class c
        counts = np.stack([X[y == c].sum(axis=0) for c in self.classes_])
        n_c = np.array([np.sum(y == c) for c in self.classes_])
        self.class_log_prior_ = np.log(n_c / len(y))
        smoothed = counts + self.alpha
        self.feature_log_prob_ = np.log(smoothed / smoothed.sum(axis=1, keepdims=True))
        return self

    def _joint_log_likelihood(self, X):
        X = np.asarray(X, dtype=float)
        return X @ self.feature_log_prob_.T + self.class_log_prior_      # (m, K)

    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)
        top = jll.max(axis=1, keepdims=True)
        return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))

    def predict(self, X):
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]
