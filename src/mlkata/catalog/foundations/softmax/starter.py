"""Softmax: turn scores into probabilities.  Theory: `mlkata theory softmax`."""

import numpy as np


def softmax(z, axis=-1):
    """Return exp(z) normalised so that it sums to 1 along `axis`.

    z    : ndarray of any shape, floats or integers. Do not modify it.
    axis : the axis along which the result sums to 1 (default: the last).

    Returns an ndarray of z's shape, entries >= 0, finite even for logits of ±1000.
    """
    raise NotImplementedError
