"""The functions numerical_gradient differentiates in the checks.

Each factory takes plain arrays and returns f: ndarray -> float, for x of one fixed shape.
They never modify the x they are given.
"""

import numpy as np


def _expect_shape(x, shape, name):
    x = np.asarray(x)
    if x.shape != tuple(shape):
        raise ValueError(f"{name}: f expects an array of shape {tuple(shape)} (the shape of x), "
                         f"got shape {x.shape}")
    return x


def cubic(c3, c2):
    """f(x) = Σ c3·x³ + Σ c2·x², for x of c3's shape (entries do not interact)."""
    c3, c2 = np.asarray(c3, dtype=float), np.asarray(c2, dtype=float)

    def f(x):
        x = _expect_shape(x, c3.shape, "cubic")
        return float(np.sum(c3 * x ** 3) + np.sum(c2 * x ** 2))
    return f


def quadratic(A, b):
    """f(x) = ½ xᵀAx + bᵀx, for a 1-D x; A need not be symmetric."""
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)

    def f(x):
        x = _expect_shape(x, b.shape, "quadratic")
        return float(0.5 * x @ A @ x + b @ x)
    return f


def sum_of_sines(w):
    """f(x) = Σ sin(w·x), for x of w's shape (any shape, 0-d too)."""
    w = np.asarray(w, dtype=float)

    def f(x):
        x = _expect_shape(x, w.shape, "sum_of_sines")
        return float(np.sum(np.sin(w * x)))
    return f


def log_sum_exp(shape):
    """f(x) = log Σ exp(x) over every entry, computed stably."""
    shape = tuple(shape)

    def f(x):
        x = _expect_shape(x, shape, "log_sum_exp")
        top = np.max(x)
        return float(top + np.log(np.sum(np.exp(x - top))))
    return f


def least_squares(X, Y):
    """f(W) = ½ ‖XW − Y‖², for a 2-D W of shape (X.shape[1], Y.shape[1])."""
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)

    def f(W):
        W = _expect_shape(W, (X.shape[1], Y.shape[1]), "least_squares")
        return float(0.5 * np.sum((X @ W - Y) ** 2))
    return f


def coupled(C):
    """f(x) = Σ C·sin(x) + ½ (Σ x)², for x of C's shape: every entry interacts with all."""
    C = np.asarray(C, dtype=float)

    def f(x):
        x = _expect_shape(x, C.shape, "coupled")
        return float(np.sum(C * np.sin(x)) + 0.5 * np.sum(x) ** 2)
    return f
