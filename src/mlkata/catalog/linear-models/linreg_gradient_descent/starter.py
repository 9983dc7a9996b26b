"""Linear regression by batch gradient descent.  Theory: `mlkata theory linreg_gradient_descent`."""

import numpy as np


def linreg_gradient_descent(X, y, lr, n_iters):
    """Fit y ≈ X @ w + b by n_iters steps of batch gradient descent on the mean squared error.

    X       : ndarray (m, n), floats or integers: one sample per row. Do not modify it.
    y       : ndarray (m,), the targets. Do not modify it.
    lr      : float, the learning rate (step size).
    n_iters : int >= 0, the number of updates to make.

    Start at w = 0 (shape (n,)) and b = 0. The cost is
        J(w, b) = (1 / 2m) * sum((X @ w + b - y) ** 2).
    Each iteration computes BOTH gradients at the current (w, b), then updates both:
        w <- w - lr * dJ/dw,   b <- b - lr * dJ/db.

    Returns (w, b, losses):
        w      : ndarray of shape (n,), floats
        b      : float
        losses : a list (or 1-D array) of n_iters floats; losses[t] is J after the (t+1)-th
                 update, so losses[-1] is the cost at the returned (w, b).
    """
    raise NotImplementedError
