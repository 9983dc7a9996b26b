import numpy as np

MESSAGE = ("Your errors include the penalty (lam/2i)·‖w‖². The penalty is there to choose w; "
           "the errors that compare fits are the plain (1/2i)·Σ squared errors, with lam = 0.")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    A = Xc.T @ Xc + lam * np.eye(X.shape[1])
    w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    return w, y_mean - x_mean @ w


def learning_curve(X, y, X_val, y_val, lam):
    m = X.shape[0]
    train_err, val_err = np.zeros(m), np.zeros(m)
    for i in range(1, m + 1):
        w, b = ridge_closed_form(X[:i], y[:i], lam)
        penalty = lam * (w @ w)
        train_err[i - 1] = (np.sum((X[:i] @ w + b - y[:i]) ** 2) + penalty) / (2 * i)
        val_err[i - 1] = (np.sum((X_val @ w + b - y_val) ** 2) + penalty) / (2 * len(y_val))
    return train_err, val_err
