import numpy as np

MESSAGE = ("You penalise the bias: a column of ones with lam·I over all of (w, b) shrinks b "
           "towards 0 too. Centre X and y, solve for w alone, then b = mean(y) − mean(X) @ w.")


def ridge_closed_form(X, y, lam):
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.linalg.lstsq(A.T @ A + lam * np.eye(A.shape[1]), A.T @ y, rcond=None)[0]
    return theta[:-1], float(theta[-1])
