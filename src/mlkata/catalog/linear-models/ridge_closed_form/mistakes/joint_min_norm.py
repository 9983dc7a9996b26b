import numpy as np

MESSAGE = ("With a column of ones and no penalty on b, pinv gives the (w, b) of least "
           "‖w‖² + b² when the system is singular. The minimum norm is about w alone: centre X "
           "and y, take the minimum-norm w, and let b = mean(y) − mean(X) @ w follow.")


def ridge_closed_form(X, y, lam):
    A = np.column_stack([np.ones(len(X)), X])
    L = np.eye(A.shape[1])
    L[0, 0] = 0.0                                   # do not regularise the bias
    theta = np.linalg.pinv(A.T @ A + lam * L) @ (A.T @ y)
    return theta[1:], float(theta[0])
