import numpy as np


class GaussianNB:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        epsilon = 1e-9 * X.var(axis=0).max()
        K, n = len(self.classes_), X.shape[1]
        self.theta_ = np.empty((K, n))
        self.var_ = np.empty((K, n))
        self.class_prior_ = np.empty(K)
        for k, label in enumerate(self.classes_):
            Xk = X[y == label]
            self.theta_[k] = Xk.mean(axis=0)
            self.var_[k] = Xk.var(axis=0) + epsilon      # population variance (ddof=0)
            self.class_prior_[k] = len(Xk) / len(X)
        return self

    def _joint_log_likelihood(self, X):
        X = np.asarray(X, dtype=float)
        # log p(c) + sum_j log N(x_j; theta_cj, var_cj), one column per class: shape (m, K)
        log_norm = -0.5 * np.log(2 * np.pi * self.var_).sum(axis=1)               # (K,)
        sq = ((X[:, None, :] - self.theta_[None, :, :]) ** 2 / self.var_).sum(axis=2)
        return np.log(self.class_prior_) + log_norm - 0.5 * sq

    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)
        top = jll.max(axis=1, keepdims=True)
        log_evidence = top + np.log(np.exp(jll - top).sum(axis=1, keepdims=True))
        return jll - log_evidence

    def predict(self, X):
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]
