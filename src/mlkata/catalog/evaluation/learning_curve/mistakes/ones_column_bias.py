import numpy as np

MESSAGE = ("With lam = 0 and no more examples than features, your fit is the minimum-norm (w, b) "
           "of X with a column of ones, so b shrinks too. The contract centres X and y: w is the "
           "minimum-norm solution of the centred problem and b = mean(y) − mean(X)·w.")


def ridge_closed_form(X, y, lam):
    Xa = np.hstack([X, np.ones((X.shape[0], 1))])
    penalty = lam * np.eye(Xa.shape[1])
    penalty[-1, -1] = 0.0
    theta = np.linalg.lstsq(Xa.T @ Xa + penalty, Xa.T @ y, rcond=None)[0]
    return theta[:-1], theta[-1]


def learning_curve(X, y, X_val, y_val, lam):
    m = X.shape[0]
    train_err, val_err = np.zeros(m), np.zeros(m)
    for i in range(1, m + 1):
        w, b = ridge_closed_form(X[:i], y[:i], lam)
        train_err[i - 1] = np.sum((X[:i] @ w + b - y[:i]) ** 2) / (2 * i)
        val_err[i - 1] = np.sum((X_val @ w + b - y_val) ** 2) / (2 * len(y_val))
    return train_err, val_err
