import numpy as np

MESSAGE = ("You record n_iters + 1 losses: the cost at the start is not part of the history. "
           "losses[t] is J after the (t+1)-th update, so there is one per update.")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b = np.zeros(n), 0.0
    losses = [float(y @ y / (2 * m))]
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / m, b - lr * r.mean()
        r = X @ w + b - y
        losses.append(float(r @ r / (2 * m)))
    return w, float(b), losses
