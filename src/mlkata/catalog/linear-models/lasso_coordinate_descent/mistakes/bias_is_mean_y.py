import numpy as np

MESSAGE = ("Your b is mean(y), the bias of the centred problem. Back on the original features "
           "the line must pass through (mean(X), mean(y)): b = mean(y) − mean(X, axis=0) @ w.")


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
            rho = Xc[:, j] @ r / m + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean)
