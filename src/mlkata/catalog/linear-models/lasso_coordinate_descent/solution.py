import numpy as np


def soft_threshold(rho, alpha):
    """S(rho, alpha) = sign(rho) · max(|rho| − alpha, 0): shrink towards 0, stop at 0."""
    return np.sign(rho) * max(abs(rho) - alpha, 0.0)


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    m, n = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean            # centring takes the (unpenalised) bias out
    z = (Xc ** 2).sum(axis=0) / m              # (1/m)‖x_j‖², the curvature along w_j
    w = np.zeros(n)
    r = yc.copy()                              # the residual yc − Xc @ w, kept up to date
    for _ in range(n_sweeps):
        for j in range(n):                     # features in order, each sees the latest w
            if z[j] == 0.0:                    # a zero (or constant) column: w_j stays 0
                continue
            rho = Xc[:, j] @ r / m + z[j] * w[j]    # (1/m) x_jᵀ(residual without feature j)
            new = soft_threshold(rho, alpha) / z[j]
            r -= (new - w[j]) * Xc[:, j]
            w[j] = new
    b = y_mean - x_mean @ w
    return w, float(b)
