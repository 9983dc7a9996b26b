import numpy as np

MESSAGE = ("Your responsibilities are π_k N(x_i; μ_k, Σ_k) itself, not a posterior: divide by "
           "p(x_i) = Σ_k π_k N(x_i; μ_k, Σ_k) (subtract the log-sum-exp) so each row sums "
           "to 1.")


def log_gaussian(X, mean, cov):
    D = X - mean
    _, log_det = np.linalg.slogdet(cov)
    maha = np.einsum("ij,ij->i", D @ np.linalg.inv(cov), D)
    return -0.5 * (X.shape[1] * np.log(2 * np.pi) + log_det + maha)


def log_joint(X, weights, means, covs):
    return np.stack([np.log(weights[k]) + log_gaussian(X, means[k], covs[k])
                     for k in range(len(weights))], axis=1)


def logsumexp(a):
    top = a.max(axis=1, keepdims=True)
    return top + np.log(np.exp(a - top).sum(axis=1, keepdims=True))


def gmm_em_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    lj = log_joint(X, weights, means, covs)
    log_px = logsumexp(lj)
    ll = float(log_px.sum())
    resp = np.exp(lj)
    Nk = resp.sum(axis=0)
    new_weights = Nk / m
    new_means = resp.T @ X / Nk[:, None]
    new_covs = np.stack([(resp[:, k, None] * (X - new_means[k])).T @ (X - new_means[k]) / Nk[k]
                         + 1e-6 * np.eye(n) for k in range(len(weights))])
    return new_weights, new_means, new_covs, ll
