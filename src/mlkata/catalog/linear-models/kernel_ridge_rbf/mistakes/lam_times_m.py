import numpy as np

MESSAGE = ("You solve (K + m·lam·I) α = y: that minimises the *averaged* loss "
           "(1/2m)‖y − Kα‖² + (lam/2)·αᵀKα. The contract (and scikit-learn's KernelRidge) "
           "use the summed loss ½‖y − Kα‖² + (lam/2)·αᵀKα, whose system is (K + lam·I) α = y.")


def rbf_kernel(A, B, gamma):
    d = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    return np.exp(-gamma * d)


def kernel_ridge_fit(X, y, lam, gamma):
    m = len(X)
    return np.linalg.solve(rbf_kernel(X, X, gamma) + m * lam * np.eye(m), y)


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    return rbf_kernel(X_test, X_train, gamma) @ dual_coef
