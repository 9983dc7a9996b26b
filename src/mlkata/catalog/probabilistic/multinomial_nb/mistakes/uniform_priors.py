import numpy as np

MESSAGE = ("Your classes all get the same prior. The prior of class c is its frequency among "
           "the training documents, N_c / m: add log(N_c / m) to its log-likelihood.")


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_ = np.unique(y)
        counts = np.stack([X[y == c].sum(axis=0) for c in self.classes_])
        self.log_prob = np.log((counts + self.alpha)
                               / (counts + self.alpha).sum(axis=1, keepdims=True))
        self.log_prior = np.zeros(len(self.classes_))
        return self

    def _jll(self, X):
        return np.asarray(X, dtype=float) @ self.log_prob.T + self.log_prior

    def predict_log_proba(self, X):
        jll = self._jll(X)
        top = jll.max(axis=1, keepdims=True)
        return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))

    def predict(self, X):
        return self.classes_[np.argmax(self._jll(X), axis=1)]
