import numpy as np

# The shared recogniser names it: after one step from zero, w is exactly m× too large.
DIAGNOSIS = "missing-average"
MESSAGE = ("The gradient is a sum, not an average: divide Xᵀr and Σr by m, because J has 1/2m "
           "in front.")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b, losses = np.zeros(n), 0.0, []
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r), b - lr * r.sum()
        r = X @ w + b - y
        losses.append(float(r @ r / (2 * m)))
    return w, float(b), losses
