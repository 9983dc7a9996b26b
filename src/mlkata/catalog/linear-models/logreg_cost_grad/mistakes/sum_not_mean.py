import numpy as np

# The shared recogniser names it: J, dw and db are all exactly m× too large.
DIAGNOSIS = "missing-average"
MESSAGE = "J and its gradients are sums over the samples: divide them by m."


def logreg_cost_grad(w, b, X, y, lam):
    z = X @ w + b
    J = np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)) + lam / 2 * (w @ w)
    err = np.exp(-np.logaddexp(0, -z)) - y
    return float(J), X.T @ err + lam * w, float(err.sum())
