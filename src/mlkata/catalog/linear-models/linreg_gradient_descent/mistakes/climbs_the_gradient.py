import numpy as np

MESSAGE = ("Your steps go uphill: w and b move along +gradient, so the cost grows. Descent "
           "subtracts, w ← w − lr·Xᵀr/m, with the residual r = prediction − target (not y − ŷ).")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b, losses = np.zeros(n), 0.0, []
    for _ in range(n_iters):
        r = y - (X @ w + b)
        w, b = w - lr * X.T @ r / m, b - lr * r.mean()
        e = X @ w + b - y
        losses.append(float(e @ e / (2 * m)))
    return w, float(b), losses
