import numpy as np

MESSAGE = ("You update w before computing b's gradient, so db comes from the new w. Compute "
           "both gradients from the same residuals r = X @ w + b − y, then update both.")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b, losses = np.zeros(n), 0.0, []
    for _ in range(n_iters):
        w = w - lr * X.T @ (X @ w + b - y) / m
        b = b - lr * np.mean(X @ w + b - y)
        r = X @ w + b - y
        losses.append(float(r @ r / (2 * m)))
    return w, float(b), losses
