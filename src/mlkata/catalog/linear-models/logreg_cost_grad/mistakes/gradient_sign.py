import numpy as np

MESSAGE = ("Your gradient points uphill: the derivative of the cross-entropy with respect to z is "
           "σ(z) − y (prediction minus label), not y − σ(z).")


def logreg_cost_grad(w, b, X, y, lam):
    m = X.shape[0]
    z = X @ w + b
    J = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)) + lam / (2 * m) * (w @ w)
    err = y - np.exp(-np.logaddexp(0, -z))
    return float(J), X.T @ err / m + lam / m * w, float(err.mean())
