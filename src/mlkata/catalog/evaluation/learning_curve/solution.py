import numpy as np


def ridge_closed_form(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    # Centre, so that the bias drops out of the penalised problem.
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    A = Xc.T @ Xc + lam * np.eye(X.shape[1])
    # lstsq returns the minimum-norm solution when A is singular (lam = 0, few examples).
    w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    b = y_mean - x_mean @ w
    return w, float(b)


def learning_curve(X, y, X_val, y_val, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X_val = np.asarray(X_val, dtype=float)
    y_val = np.asarray(y_val, dtype=float)
    m = X.shape[0]
    train_err = np.zeros(m)
    val_err = np.zeros(m)
    for i in range(1, m + 1):
        w, b = ridge_closed_form(X[:i], y[:i], lam)
        r = X[:i] @ w + b - y[:i]
        train_err[i - 1] = r @ r / (2 * i)
        r_val = X_val @ w + b - y_val
        val_err[i - 1] = r_val @ r_val / (2 * len(y_val))
    return train_err, val_err
