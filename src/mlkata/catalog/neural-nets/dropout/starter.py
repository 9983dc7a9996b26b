"""Inverted dropout, forward and backward.  Theory: `mlkata theory dropout`."""

import numpy as np


def dropout_forward(x, p, rng, train=True):
    """Randomly zero units of x during training, rescaling the others (inverted dropout).

    x     : ndarray of any shape, floats or integers. Do not modify it.
    p     : float in [0, 1), the probability of DROPPING a unit.
    rng   : np.random.Generator. Draw the mask with it, never with the global np.random.
    train : when False, dropout does nothing.

    Returns (out, mask):
      train=True : mask is a boolean ndarray of x's shape, True where the unit is kept
                   (each independently with probability 1 - p); out = x * mask / (1 - p).
      train=False: out = x, mask = None.
    """
    raise NotImplementedError


def dropout_backward(dout, mask, p):
    """Gradient through dropout_forward (train=True) given its mask.

    dout : ndarray, dL/dout, of the mask's shape.
    mask : the boolean keep-mask dropout_forward returned.
    p    : the drop probability used in the forward pass.

    Returns dx, an ndarray of dout's shape.
    """
    raise NotImplementedError
