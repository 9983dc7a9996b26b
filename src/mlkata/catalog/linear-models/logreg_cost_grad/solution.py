import numpy as np


def logreg_cost_grad(w, b, X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    m = X.shape[0]
    z = X @ w + b
    # −log σ(z) = log(1 + e^−z) and −log(1 − σ(z)) = log(1 + e^z): logaddexp never overflows.
    per_sample = y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
    J = per_sample.mean() + lam / (2 * m) * (w @ w)
    p = np.exp(-np.logaddexp(0.0, -z))  # σ(z) = exp(log σ(z)), no overflow for any z
    err = p - y                          # dJ/dz for each sample, times m
    dw = X.T @ err / m + lam / m * w     # the bias is not penalised
    db = err.mean()
    return float(J), dw, float(db)
