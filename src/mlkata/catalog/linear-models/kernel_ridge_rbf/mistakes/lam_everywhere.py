import numpy as np

MESSAGE = ("K + lam adds lam to every entry of K, not only to the diagonal: that is another "
           "kernel (with a constant added), not the ridge penalty. Use K + lam * np.eye(m): "
           "the penalty lam·‖f‖² puts lam on the diagonal only.")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    return np.exp(-gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam, y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
