import numpy as np

MESSAGE = ("np.linalg.solve fails when lam = 0 and a fit has too few examples: with i = 1 the "
           "centred X is all zeros, so XᵀX + lam·I is singular. Use np.linalg.lstsq(A, rhs, "
           "rcond=None)[0] (or pinv): it returns the minimum-norm solution.")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ yc)
    return w, y_mean - x_mean @ w


def learning_curve(X, y, X_val, y_val, lam):
    m = X.shape[0]
    train_err, val_err = np.zeros(m), np.zeros(m)
    for i in range(1, m + 1):
        w, b = ridge_closed_form(X[:i], y[:i], lam)
        train_err[i - 1] = np.sum((X[:i] @ w + b - y[:i]) ** 2) / (2 * i)
        val_err[i - 1] = np.sum((X_val @ w + b - y_val) ** 2) / (2 * len(y_val))
    return train_err, val_err
