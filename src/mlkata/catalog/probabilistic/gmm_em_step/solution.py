import numpy as np

REG = 1e-6


def log_gaussian(X, mean, cov):
    """log N(x_i; mean, cov) for every row of X, through a Cholesky factor of cov."""
    n = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = np.linalg.solve(L, (X - mean).T)              # L z = x - mean, so ||z||^2 is Mahalanobis
    log_det = 2.0 * np.log(np.diag(L)).sum()
    return -0.5 * (n * np.log(2 * np.pi) + log_det + (z ** 2).sum(axis=0))


def gmm_em_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    m, n = X.shape
    K = len(weights)

    # E-step, in log space: log pi_k + log N(x_i; mu_k, Sigma_k), shape (m, K)
    log_joint = np.stack([np.log(weights[k]) + log_gaussian(X, means[k], covs[k])
                          for k in range(K)], axis=1)
    top = log_joint.max(axis=1, keepdims=True)
    log_px = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))   # (m, 1)
    resp = np.exp(log_joint - log_px)                                           # rows sum to 1
    log_likelihood = float(log_px.sum())

    # M-step
    Nk = resp.sum(axis=0)                                                       # (K,)
    new_weights = Nk / m
    new_means = (resp.T @ X) / Nk[:, None]
    new_covs = np.empty((K, n, n))
    for k in range(K):
        D = X - new_means[k]
        new_covs[k] = (resp[:, k, None] * D).T @ D / Nk[k] + REG * np.eye(n)
    return new_weights, new_means, new_covs, log_likelihood
