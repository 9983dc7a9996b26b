import numpy as np

MESSAGE = ("Your losses are twice the cost: J = (1/2m)·Σ r², with the ½ that cancels the 2 "
           "of the derivative. Divide by 2m, not m (the gradients stay as they are).")


def linreg_gradient_descent(X, y, lr, n_iters):
    m, n = X.shape
    w, b, losses = np.zeros(n), 0.0, []
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / m, b - lr * r.mean()
        r = X @ w + b - y
        losses.append(float(np.mean(r ** 2)))
    return w, float(b), losses
