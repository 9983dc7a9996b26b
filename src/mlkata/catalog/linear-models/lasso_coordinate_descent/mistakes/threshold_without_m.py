import numpy as np

MESSAGE = ("Your threshold is m× too weak: you soft-threshold x_jᵀr at alpha and divide by "
           "‖x_j‖², which minimises ½‖y − Xw − b‖² + alpha‖w‖₁ (alpha/m in the contract's "
           "scale). The cost averages the squared error, (1/2m)‖·‖²: threshold (1/m)·x_jᵀr at "
           "alpha and divide by (1/m)·‖x_j‖² (or threshold x_jᵀr at m·alpha).")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    n = X.shape[1]
    norms = (Xc ** 2).sum(axis=0)
    w, r = np.zeros(n), yc.copy()
    for _ in range(n_sweeps):
        for j in range(n):
            if norms[j] == 0:
                continue
            rho = Xc[:, j] @ r + norms[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / norms[j]
            r = r - (new - w[j]) * Xc[:, j]
            w[j] = new
    return w, float(y_mean - x_mean @ w)
