import numpy as np

MESSAGE = ("Your w solves (XcᵀXc + (lam/2)·I) w = Xcᵀyc. The derivative of (lam/2)‖w‖² is "
           "lam·w (the 2 of the square cancels the ½), just as ½‖Xc w − yc‖² gives "
           "Xcᵀ(Xc w − yc): the system is XcᵀXc + lam·I.")


def ridge_closed_form(X, y, lam):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    A = Xc.T @ Xc + lam / 2 * np.eye(X.shape[1])
    w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    return w, float(y_mean - x_mean @ w)
