"""The lasso by cyclic coordinate descent.  Theory: `mlkata theory lasso_coordinate_descent`."""

import numpy as np  # noqa: F401  (you will need it)


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    """Minimise (1/2m)‖y − X @ w − b‖² + alpha·‖w‖₁ by n_sweeps sweeps of coordinate descent.

    X        : ndarray (m, n), floats or integers. Do not modify it.
    y        : ndarray (m,), the targets. Do not modify it.
    alpha    : float > 0, the L1 penalty (the same as scikit-learn's Lasso(alpha)).
    n_sweeps : int >= 0, the number of full passes over the features.

    - The bias b is not penalised: centre X and y (subtract their means), work on the centred
      data, and at the end b = mean(y) − mean(X, axis=0) @ w.
    - Start at w = 0. One sweep updates w_0, w_1, ..., w_{n-1} in this order, each to the exact
      minimiser of the cost over that one weight with all the others at their latest values:
          rho = (1/m)·x_jᵀ(r + x_j·w_j),   z = (1/m)·‖x_j‖²,   w_j = S(rho, alpha) / z,
      with x_j the centred column j, r = yc − Xc @ w the current residual (update it after
      every coordinate), and S(rho, alpha) = sign(rho)·max(|rho| − alpha, 0).
    - A column that is zero once centred (all zeros, or constant) keeps w_j = 0.
    - Exactly n_sweeps sweeps, no early stop.

    Returns (w, b): w an ndarray of shape (n,), b a float.
    """
    raise NotImplementedError
