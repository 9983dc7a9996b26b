import numpy as np

MESSAGE = ("Your w solves (XcᵀXc + 2·lam·I) w = Xcᵀyc, the minimiser of ½‖·‖² + lam‖w‖². The "
           "penalty is (lam/2)‖w‖², whose gradient is lam·w: use XcᵀXc + lam·I.")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    A = Xc.T @ Xc + 2 * lam * np.eye(X.shape[1])
    w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    return w, float(y_mean - x_mean @ w)
