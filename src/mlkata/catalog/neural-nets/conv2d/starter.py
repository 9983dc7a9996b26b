"""2-D convolution, forward and backward.  Theory: `mlkata theory conv2d`."""

import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """A convolutional layer: F filters slid over zero-padded images (cross-correlation).

    x      : ndarray (N, C, H, W), floats or integers: N images of C channels. Do not modify it.
    w      : ndarray (F, C, HH, WW): F filters, each spanning all C channels.
    b      : ndarray (F,): one bias per filter.
    stride : int >= 1, how far the window moves between output positions.
    pad    : int >= 0, zeros added on each of the four sides of every image.

    out[n, f, i, j] = b[f] + sum over c, u, v of
                      x_padded[n, c, i*stride + u, j*stride + v] * w[f, c, u, v]
    (no kernel flip, as in PyTorch and CS231n).

    H' = (H + 2*pad - HH) // stride + 1, W' = (W + 2*pad - WW) // stride + 1: rounded down when
    the stride does not divide (the uncovered last rows/columns are ignored). Raise ValueError
    when the kernel does not fit in the padded input or w's C differs from x's.

    Returns (out, cache): out a float ndarray (N, F, H', W'); cache is whatever your backward
    needs (it is handed, unchanged, to your conv2d_backward).
    """
    raise NotImplementedError


def conv2d_backward(dout, cache):
    """Gradients of a loss L through conv2d_forward.

    dout  : ndarray (N, F, H', W'), dL/dout.
    cache : what your conv2d_forward returned. Do not modify it.

    Returns (dx, dw, db): float ndarrays of the shapes of x (N, C, H, W) — not of the padded x —,
    w (F, C, HH, WW) and b (F,).
    """
    raise NotImplementedError
