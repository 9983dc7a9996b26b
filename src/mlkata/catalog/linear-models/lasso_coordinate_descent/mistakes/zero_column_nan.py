import numpy as np

MESSAGE = ("A column that is zero once centred (all zeros, or constant) has ‖x_j‖² = 0, and "
           "S(0, alpha) / 0 is 0/0 = nan, which then spreads through the residual to every "
           "weight. Such a column cannot explain anything: skip it and keep w_j = 0.")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    m, n = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc ** 2).sum(axis=0) / m
    w, r = np.zeros(n), yc.copy()
    for _ in range(n_sweeps):
        for j in range(n):
            rho = Xc[:, j] @ r / m + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean - x_mean @ w)
