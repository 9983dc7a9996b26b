import numpy as np

MESSAGE = ("Your soft threshold is sign(rho)·max(rho − alpha, 0): for a negative rho the max "
           "is always 0, so no weight can ever become negative. Shrink the size, not the "
           "signed value: S(rho, alpha) = sign(rho)·max(|rho| − alpha, 0).")


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
            new = np.sign(rho) * max(rho - alpha, 0.0) / z[j]
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean - x_mean @ w)
