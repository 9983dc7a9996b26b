import numpy as np

MESSAGE = ("You set w_j = S(rho, alpha) without dividing by z = (1/m)·‖x_j‖². That is only "
           "right when every centred column has mean square 1 (standardised features). The "
           "cost along w_j is (z/2)·w_j² − rho·w_j + alpha·|w_j|: its minimiser is "
           "S(rho, alpha) / z.")


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
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0)
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean - x_mean @ w)
