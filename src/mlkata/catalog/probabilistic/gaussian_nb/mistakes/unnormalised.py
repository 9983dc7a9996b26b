import numpy as np

MESSAGE = ("You return the joint log-likelihoods log p(c) + log p(x | c). The posterior also "
           "divides by p(x): subtract the log-sum-exp of each row so that exp of it sums to 1.")


class GaussianNB:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_ = np.unique(y)
        eps = 1e-9 * X.var(axis=0).max()
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])
        self.var_ = np.array([X[y == c].var(axis=0) for c in self.classes_]) + eps
        self.prior_ = np.array([np.mean(y == c) for c in self.classes_])
        return self

    def _jll(self, X):
        X = np.asarray(X, dtype=float)
        return (np.log(self.prior_) - 0.5 * np.log(2 * np.pi * self.var_).sum(axis=1)
                - 0.5 * ((X[:, None, :] - self.theta_) ** 2 / self.var_).sum(axis=2))

    def predict_log_proba(self, X):
        return self._jll(X)

    def predict(self, X):
        return self.classes_[np.argmax(self._jll(X), axis=1)]
