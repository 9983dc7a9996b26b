import numpy as np

MESSAGE = ("Your losses are one update late: losses[0] is the cost at the start (w = 0, b = 0). "
           "losses[t] must be J after the (t+1)-th update: compute it after moving w and b.")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b, losses = np.zeros(n), 0.0, []
    for _ in range(n_iters):
        r = X @ w + b - y
        losses.append(float(r @ r / (2 * m)))
        w, b = w - lr * X.T @ r / m, b - lr * r.mean()
    return w, float(b), losses
