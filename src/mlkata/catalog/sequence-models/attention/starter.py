"""Scaled dot-product attention.  Theory: `mlkata theory attention`."""

import numpy as np


def attention(Q, K, V, mask=None):
    """Every query takes a weighted average of the values, weighted by how well it matches each key.

    Q    : ndarray (..., Tq, d)  queries (floats or integers). Do not modify inputs.
    K    : ndarray (..., Tk, d)  keys, the same d as Q.
    V    : ndarray (..., Tk, dv) values, one per key.
    mask : None, or a boolean ndarray broadcastable to (..., Tq, Tk): True = the query may
           attend to that key. No row is fully masked.

    The leading dimensions "..." (batch, heads) are any number of axes, shared by Q, K, V.

    weights = softmax(Q @ K^T / sqrt(d)) over the key axis (the last one), K^T transposing only
    the last two axes of K; masked weights are exactly 0; finite even for very large scores.
    out = weights @ V.

    Returns (out, weights) with shapes (..., Tq, dv) and (..., Tq, Tk).
    """
    raise NotImplementedError
