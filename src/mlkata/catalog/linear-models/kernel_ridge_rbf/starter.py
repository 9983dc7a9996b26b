"""Kernel ridge regression with an RBF kernel.  Theory: `mlkata theory kernel_ridge_rbf`."""

import numpy as np  # noqa: F401  (you will need it)


def rbf_kernel(A, B, gamma):
    """The Gaussian (RBF) kernel between every row of A and every row of B.

    A     : ndarray (p, n), floats or integers. Do not modify it.
    B     : ndarray (q, n). Do not modify it.
    gamma : float > 0.

    Returns a float ndarray K of shape (p, q) with K[i, j] = exp(−gamma · ‖A[i] − B[j]‖²).
    """
    raise NotImplementedError


def kernel_ridge_fit(X, y, lam, gamma):
    """The dual coefficients α of kernel ridge regression (no intercept).

    X     : ndarray (m, n), the training points. Do not modify it.
    y     : ndarray (m,), the targets. Do not modify it.
    lam   : float > 0, the ridge penalty (scikit-learn's KernelRidge(alpha=lam)).
    gamma : float > 0, the RBF kernel's parameter.

    With K = rbf_kernel(X, X, gamma), returns the float ndarray α of shape (m,) that solves
        (K + lam · I) α = y          (lam on the diagonal only).
    """
    raise NotImplementedError


def kernel_ridge_predict(X_train, dual_coef, X_test, gamma):
    """Predictions of a fitted kernel ridge model.

    X_train   : ndarray (m, n), the points the model was fitted on.
    dual_coef : ndarray (m,), the α returned by kernel_ridge_fit.
    X_test    : ndarray (m_test, n), the points to predict at.
    gamma     : float > 0, the same gamma as in the fit.
    Do not modify the inputs.

    Returns the float ndarray of shape (m_test,): f(x) = Σ_i α_i · exp(−gamma · ‖x − X_train[i]‖²),
    i.e. rbf_kernel(X_test, X_train, gamma) @ dual_coef.
    """
    raise NotImplementedError
