import numpy as np

MESSAGE = ("Your residual is computed once, before the sweeps, and never updated, so every "
           "rho keeps adding z·w_j to the same old fit: the weights run away instead of "
           "settling. After changing w_j, update r = yc − Xc @ w: r -= (new − w_j)·x_j.")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    m, n = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc ** 2).sum(axis=0) / m
    w = np.zeros(n)
    r = yc - Xc @ w
    for _ in range(n_sweeps):
        for j in range(n):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / m + z[j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
    return w, float(y_mean - x_mean @ w)
