import numpy as np


def ridge_closed_form(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean                # centring takes the bias out of the problem
    # With Xc = U diag(s) Vᵀ, the minimiser of ½‖Xc w − yc‖² + (lam/2)‖w‖² is
    # w = V diag(s / (s² + lam)) Uᵀ yc. A direction with s = 0 gets no weight: that is the
    # minimum-norm solution when lam = 0 and Xc is rank-deficient.
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    keep = s > s.max(initial=0.0) * max(Xc.shape) * np.finfo(float).eps
    shrink = np.zeros_like(s)
    shrink[keep] = s[keep] / (s[keep] ** 2 + lam)
    w = Vt.T @ (shrink * (U.T @ yc))
    b = y_mean - x_mean @ w
    return w, float(b)
