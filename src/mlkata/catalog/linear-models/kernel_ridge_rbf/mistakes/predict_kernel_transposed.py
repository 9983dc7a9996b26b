import numpy as np

MESSAGE = ("Your prediction multiplies rbf_kernel(X_train, X_test), of shape (m, m_test), by "
           "the m dual coefficients: the shapes only fit when m_test = m, and then the sum "
           "runs over the wrong points. Put the test points first: "
           "rbf_kernel(X_test, X_train, gamma) @ dual_coef, one row per test point.")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    return np.exp(-gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return dual_coef @ rbf_kernel(X_train, X_test, gamma).T
