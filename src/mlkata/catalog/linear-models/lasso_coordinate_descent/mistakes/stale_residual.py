import numpy as np

MESSAGE = ("Every update of a sweep uses the residual from the start of the sweep (a Jacobi "
           "step): w_1 does not see that w_0 has just moved, and correlated features both "
           "claim the same signal. Coordinate descent updates the residual after every "
           "coordinate: r -= (new − w_j)·x_j before moving on to j + 1.")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    m, n = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc ** 2).sum(axis=0) / m
    w = np.zeros(n)
    for _ in range(n_sweeps):
        r = yc - Xc @ w
        new = w.copy()
        for j in range(n):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / m + z[j] * w[j]
            new[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
        w = new
    return w, float(y_mean - x_mean @ w)
