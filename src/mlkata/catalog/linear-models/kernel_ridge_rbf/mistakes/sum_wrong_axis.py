import numpy as np

MESSAGE = ("Your kernel has the wrong shape: with A[:, None, :] − B[None, :, :] of shape "
           "(p, q, n) the squared differences must be summed over the features, the last axis "
           "(axis=2 or -1), to give one distance per pair, a (p, q) matrix.")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=1)
    return np.exp(-gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
