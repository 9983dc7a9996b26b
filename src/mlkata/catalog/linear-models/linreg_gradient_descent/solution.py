import numpy as np


def linreg_gradient_descent(X, y, lr, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    m, n = X.shape
    w = np.zeros(n)
    b = 0.0
    losses = []
    for _ in range(n_iters):
        r = X @ w + b - y              # residuals at the current (w, b)
        dw = X.T @ r / m               # both gradients from the same residuals ...
        db = r.mean()
        w = w - lr * dw                # ... then both parameters move
        b = b - lr * db
        r = X @ w + b - y              # the cost after this update
        losses.append(float(r @ r / (2 * m)))
    return w, float(b), losses
