"""Batch normalisation, forward and backward.  Theory: `mlkata theory batchnorm`."""

import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """Normalise every feature of a batch, then scale and shift it (training mode).

    x     : ndarray (N, D), floats or integers: N examples of D features. Do not modify it.
    gamma : ndarray (D,), the scale of every feature.
    beta  : ndarray (D,), the shift of every feature.
    eps   : float added to the variance, inside the square root.

    Per feature j, over the batch (axis 0):
        mu_j = mean of x[:, j],  var_j = mean of (x[:, j] - mu_j)**2   (population: divide by N)
        x_hat = (x - mu) / sqrt(var + eps)
        out = gamma * x_hat + beta

    Returns (out, cache): out has shape (N, D); cache is whatever your backward needs
    (it is handed, unchanged, to your batchnorm_backward).
    """
    raise NotImplementedError


def batchnorm_backward(dout, cache):
    """Gradients of a loss L through batchnorm_forward.

    dout  : ndarray (N, D), dL/dout.
    cache : what your batchnorm_forward returned.

    Returns (dx, dgamma, dbeta) with shapes (N, D), (D,), (D,). dx must account for mu and var
    depending on every x in the batch.
    """
    raise NotImplementedError
