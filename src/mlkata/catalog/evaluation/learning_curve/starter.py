"""Learning curves: train and validation error against the training-set size.
Theory: `mlkata theory learning_curve`.

This file must be self-contained: the checker runs it alone, so it cannot import your
ridge_closed_form from the linear-models track. Copy yours in below (or write it again).
"""

import numpy as np  # noqa: F401  (you will need it)


def ridge_closed_form(X, y, lam):
    """Ridge regression in closed form (the exercise ridge_closed_form).

    X   : ndarray of shape (m, n);  y : ndarray of shape (m,);  lam : float >= 0.

    Returns (w, b): w of shape (n,) and a float b minimising
        ½‖Xw + b − y‖² + (lam/2)‖w‖².
    The bias is not penalised: centre X and y, solve (XcᵀXc + lam·I) w = Xcᵀyc, and
    b = mean(y) − mean(X)·w. When that system is singular (lam = 0 with few examples; with
    one example Xc is all zeros), return its minimum-norm solution: np.linalg.lstsq or pinv,
    not np.linalg.solve.
    """
    raise NotImplementedError


def learning_curve(X, y, X_val, y_val, lam):
    """Training and validation error of ridge fits on the first 1, 2, ..., m examples.

    X, y         : the training set, shapes (m, n) and (m,).
    X_val, y_val : the validation set, shapes (m_val, n) and (m_val,).
    lam          : the ridge penalty of every fit. Do not modify any input.

    For i = 1..m, fit ridge_closed_form(X[:i], y[:i], lam), then
        train_err[i-1] = (1 / 2i)     · Σ squared errors on those i training examples,
        val_err[i-1]   = (1 / 2m_val) · Σ squared errors on the whole validation set,
    both without the penalty term.

    Returns (train_err, val_err): two float ndarrays of shape (m,).
    """
    raise NotImplementedError
