"""2-D max pooling, forward and backward.  Theory: `mlkata theory maxpool2d`."""

import numpy as np


def maxpool_forward(x, pool, stride):
    """Max pooling: the largest entry of every pool×pool window, channel by channel.

    x      : ndarray (N, C, H, W), floats or integers. Do not modify it.
    pool   : int >= 1, the window is pool rows by pool columns.
    stride : int >= 1, how far the window moves between output positions (stride < pool makes
             windows overlap).

    out[n, c, i, j] = max of x[n, c, i*stride : i*stride + pool, j*stride : j*stride + pool]

    H' = (H - pool) // stride + 1, W' = (W - pool) // stride + 1: rounded down when the stride
    does not divide (the uncovered last rows/columns are ignored). Raise ValueError when the
    window is larger than the image (pool > H or pool > W).

    Returns (out, cache): out a float ndarray (N, C, H', W'); cache is whatever your backward
    needs (it is handed, unchanged, to your maxpool_backward).
    """
    raise NotImplementedError


def maxpool_backward(dout, cache):
    """Gradient of a loss L through maxpool_forward.

    dout  : ndarray (N, C, H', W'), dL/dout.
    cache : what your maxpool_forward returned. Do not modify it.

    Each dout[n, c, i, j] goes, whole, to the maximum of its window; on a tie, to the first
    maximum in row-major order (np.argmax of the flattened window). Where windows overlap, the
    contributions add up.

    Returns dx, a float ndarray of x's shape (N, C, H, W).
    """
    raise NotImplementedError
