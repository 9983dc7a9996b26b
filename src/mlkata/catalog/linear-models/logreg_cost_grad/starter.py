"""Logistic regression: cost and gradient.  Theory: `mlkata theory logreg_cost_grad`."""

import numpy as np


def logreg_cost_grad(w, b, X, y, lam):
    """The regularised cross-entropy of logistic regression and its gradient.

    w   : ndarray (n,), the weights (floats or integers).
    b   : float, the bias.
    X   : ndarray (m, n), one sample per row.
    y   : ndarray (m,), labels 0 or 1.
    lam : float >= 0, the L2 regularisation strength.
    Do not modify the inputs.

    With z = X @ w + b and σ(z) = 1 / (1 + exp(-z)):
        J  = -(1/m) Σ [y log σ(z) + (1 - y) log(1 - σ(z))] + (lam / 2m) ‖w‖²
        dw = (1/m) Xᵀ (σ(z) - y) + (lam / m) w
        db = (1/m) Σ (σ(z) - y)                      (the bias is not penalised)
    J must stay finite (and accurate) for |z| up to 1000: compute log σ(z) without
    forming σ(z) first.

    Returns (J, dw, db): J a float, dw an ndarray of shape (n,), db a float.
    """
    raise NotImplementedError
