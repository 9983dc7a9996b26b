"""Layer normalisation, forward and backward.  Theory: `mlkata theory layernorm`."""

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Normalise every example over its own features, then scale and shift each feature.

    x     : ndarray (N, D), or more generally (..., D), floats or integers. Do not modify it.
    gamma : ndarray (D,), the scale of every feature.
    beta  : ndarray (D,), the shift of every feature.
    eps   : float added to the variance, inside the square root.

    Per example (every vector along the last axis):
        mu = mean of its D features,  var = mean of (x - mu)**2   (population: divide by D)
        x_hat = (x - mu) / sqrt(var + eps)
        out = gamma * x_hat + beta

    Returns (out, cache): out a float ndarray of x's shape; cache is whatever your backward needs
    (it is handed, unchanged, to your layernorm_backward).
    """
    raise NotImplementedError


def layernorm_backward(dout, cache):
    """Gradients of a loss L through layernorm_forward.

    dout  : ndarray of x's shape, dL/dout.
    cache : what your layernorm_forward returned.

    Returns (dx, dgamma, dbeta): dx of x's shape; dgamma and dbeta of shape (D,), summed over
    every axis but the last. dx must account for mu and var depending on every feature of the
    example.
    """
    raise NotImplementedError
