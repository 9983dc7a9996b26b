import numpy as np

MESSAGE = ("Clipping σ to [1e-15, 1 − 1e-15] keeps J finite but wrong: a sample at z = −1000 "
           "with y = 1 costs 1000, not −log(1e-15) ≈ 34.5. Compute the log directly: "
           "−log σ(z) = np.logaddexp(0, −z).")


def logreg_cost_grad(w, b, X, y, lam):
    m = X.shape[0]
    s = 1 / (1 + np.exp(-(X @ w + b)))
    c = np.clip(s, 1e-15, 1 - 1e-15)
    J = -np.mean(y * np.log(c) + (1 - y) * np.log(1 - c)) + lam / (2 * m) * (w @ w)
    return float(J), X.T @ (s - y) / m + lam / m * w, float(np.mean(s - y))
