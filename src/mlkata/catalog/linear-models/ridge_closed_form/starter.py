"""Ridge regression in closed form.  Theory: `mlkata theory ridge_closed_form`."""

import numpy as np


def ridge_closed_form(X, y, lam):
    """The exact minimiser of ½‖X @ w + b − y‖² + (lam/2)‖w‖².

    X   : ndarray (m, n), floats or integers. Do not modify it.
    y   : ndarray (m,), the targets. Do not modify it.
    lam : float >= 0, the penalty on w (the same as scikit-learn's Ridge(alpha=lam)).

    - The bias b is not penalised: centre X and y (subtract their means), solve for w on the
      centred data, then b = mean(y) − mean(X, axis=0) @ w.
    - When the system is singular (lam = 0 with collinear or constant columns, or more
      features than samples), return the w of minimum norm among the minimisers.

    Returns (w, b): w an ndarray of shape (n,), b a float.
    """
    raise NotImplementedError
