import numpy as np

MESSAGE = ("Your kernel is exp(+gamma·‖a − b‖²): it grows with the distance, so far points "
           "count more than near ones (and it overflows). The minus sign makes the kernel a "
           "similarity: 1 for equal points, falling to 0 far away.")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    return np.exp(gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
