import numpy as np

MESSAGE = ("Your rho is (1/m)·x_jᵀr with the full residual, which still contains w_j's own "
           "part of the fit, so every update of w_j starts over from 0. Add it back: rho = "
           "(1/m)·x_jᵀ(r + x_j·w_j) = (1/m)·x_jᵀr + z·w_j.")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    m, n = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc ** 2).sum(axis=0) / m
    w, r = np.zeros(n), yc.copy()
    for _ in range(n_sweeps):
        for j in range(n):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / m
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean - x_mean @ w)
