import numpy as np

MESSAGE = ("Your penalty is (lam/2)·‖w‖², its gradient lam·w. Here the whole cost is an average "
           "over the m samples, penalty included: (lam/2m)·‖w‖² and (lam/m)·w.")


def logreg_cost_grad(w, b, X, y, lam):
    m = X.shape[0]
    z = X @ w + b
    J = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)) + lam / 2 * (w @ w)
    err = np.exp(-np.logaddexp(0, -z)) - y
    return float(J), X.T @ err / m + lam * w, float(err.mean())
