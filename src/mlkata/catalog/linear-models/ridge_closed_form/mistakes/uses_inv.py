import numpy as np

MESSAGE = ("np.linalg.inv (like solve) fails when XcᵀXc + lam·I is singular: lam = 0 with a "
           "constant or collinear column, or m ≤ n. Use np.linalg.lstsq(A, r, rcond=None) or "
           "pinv, which return the minimum-norm solution (and the same w otherwise).")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.inv(Xc.T @ Xc + lam * np.eye(X.shape[1])) @ (Xc.T @ yc)
    return w, float(y_mean - x_mean @ w)
