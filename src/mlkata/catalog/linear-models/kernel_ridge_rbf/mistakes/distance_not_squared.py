import numpy as np

MESSAGE = ("Your kernel is exp(−gamma·‖a − b‖): the RBF kernel uses the *squared* distance, "
           "exp(−gamma·‖a − b‖²). Drop the square root (np.linalg.norm gives the distance "
           "itself; square it, or sum the squared differences).")


def rbf_kernel(A, B, gamma):
    d = np.sqrt(((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2))
    return np.exp(-gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    return np.linalg.solve(rbf_kernel(X, X, gamma) + lam * np.eye(len(X)), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
