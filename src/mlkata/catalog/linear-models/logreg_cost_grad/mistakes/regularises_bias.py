import numpy as np

MESSAGE = ("You penalise the bias too. The penalty (lam/2m)·‖w‖² is on w only: b shifts every "
           "score equally and is never shrunk, so db = mean(σ(z) − y) with no lam term.")


def logreg_cost_grad(w, b, X, y, lam):
    m = X.shape[0]
    z = X @ w + b
    J = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))
    J += lam / (2 * m) * (w @ w + b * b)
    err = np.exp(-np.logaddexp(0, -z)) - y
    return float(J), X.T @ err / m + lam / m * w, float(err.mean() + lam / m * b)
