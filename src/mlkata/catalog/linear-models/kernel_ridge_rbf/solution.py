import numpy as np


def rbf_kernel(A, B, gamma):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    # ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b for all pairs at once, (p, q); round-off can dip below 0
    sq = (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.exp(-gamma * np.maximum(sq, 0.0))


def kernel_ridge_fit(X, y, lam, gamma):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    K = rbf_kernel(X, X, gamma)                       # (m, m), symmetric, ones on the diagonal
    # K + lam·I is symmetric positive definite for lam > 0: a linear solve, never an inverse
    return np.linalg.solve(K + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    # one row per test point, one column per training point: f(x) = Σ_i α_i k(x, x_i)
    return rbf_kernel(X_test, X_train, gamma) @ np.asarray(dual_coef, dtype=float)
