import numpy as np

MESSAGE = ("Your class variances divide by N_c − 1 (the sample variance). Naive Bayes fits each "
           "Gaussian by maximum likelihood: the population variance, Xc.var(axis=0) with ddof=0.")


class GaussianNB:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_ = np.unique(y)
        eps = 1e-9 * X.var(axis=0).max()
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])
        self.var_ = np.array([X[y == c].var(axis=0, ddof=1) for c in self.classes_]) + eps
        self.prior_ = np.array([np.mean(y == c) for c in self.classes_])
        return self

    def _jll(self, X):
        X = np.asarray(X, dtype=float)
        return (np.log(self.prior_) - 0.5 * np.log(2 * np.pi * self.var_).sum(axis=1)
                - 0.5 * ((X[:, None, :] - self.theta_) ** 2 / self.var_).sum(axis=2))

    def predict_log_proba(self, X):
        jll = self._jll(X)
        top = jll.max(axis=1, keepdims=True)
        return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))

    def predict(self, X):
        return self.classes_[np.argmax(self._jll(X), axis=1)]
