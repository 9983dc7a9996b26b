import numpy as np

MESSAGE = ("You use gamma as the width σ of the Gaussian, exp(−‖a − b‖² / (2·gamma²)). Here (as "
           "in scikit-learn) gamma is the *precision* that multiplies the squared distance: "
           "k(a, b) = exp(−gamma·‖a − b‖²), i.e. gamma = 1/(2σ²).")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    return np.exp(-d / (2 * gamma ** 2))


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
