import numpy as np

MESSAGE = ("log(σ(z)) breaks for large |z|: σ(40) is exactly 1.0 in float64, so log(1 − σ) = "
           "−inf and 0·(−inf) = nan. Use −log σ(z) = np.logaddexp(0, −z) and "
           "−log(1 − σ(z)) = np.logaddexp(0, z).")


def logreg_cost_grad(w, b, X, y, lam):
    m = X.shape[0]
    s = 1 / (1 + np.exp(-(X @ w + b)))
    J = -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s)) + lam / (2 * m) * (w @ w)
    return float(J), X.T @ (s - y) / m + lam / m * w, float(np.mean(s - y))
