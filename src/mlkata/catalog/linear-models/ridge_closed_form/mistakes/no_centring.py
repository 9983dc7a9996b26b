import numpy as np

MESSAGE = ("You solve for w on the raw X and y, which fits a line through the origin, with no "
           "room for b. Centre both first (Xc = X − mean(X, axis=0), yc = y − mean(y)), solve "
           "with Xc and yc, then b = mean(y) − mean(X) @ w.")


def ridge_closed_form(X, y, lam):
    n = X.shape[1]
    w = np.linalg.lstsq(X.T @ X + lam * np.eye(n), X.T @ y, rcond=None)[0]
    return w, float(y.mean() - X.mean(axis=0) @ w)
