import numpy as np

MESSAGE = ("Your first point is a fit on 0 examples (nan), and every point after it is one example "
           "late. Entry i − 1 is the fit on the first i examples, for i = 1..m: X[:i] with "
           "i in range(1, m + 1).")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    A = Xc.T @ Xc + lam * np.eye(X.shape[1])
    w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    return w, y_mean - x_mean @ w


def learning_curve(X, y, X_val, y_val, lam):
    m = X.shape[0]
    train_err, val_err = np.zeros(m), np.zeros(m)
    for i in range(m):
        w, b = ridge_closed_form(X[:i], y[:i], lam)
        train_err[i] = np.sum((X[:i] @ w + b - y[:i]) ** 2) / np.float64(2 * i)
        val_err[i] = np.sum((X_val @ w + b - y_val) ** 2) / (2 * len(y_val))
    return train_err, val_err
