"""An affine layer and a ReLU, forward and backward.  Theory: `mlkata theory affine_relu`."""

import numpy as np  # noqa: F401


def affine_forward(x, w, b):
    """out = x_flat @ w + b.

    x : ndarray (N, d1, ..., dk), a batch of N inputs; each is flattened to D = d1·...·dk
        numbers (x.reshape(N, -1)).
    w : ndarray (D, M).
    b : ndarray (M,).
    Do not modify the inputs.

    Returns (out, cache): out is a float ndarray (N, M); cache is anything you will need in
    affine_backward (the checker passes it back to you untouched).
    """
    raise NotImplementedError


def affine_backward(dout, cache):
    """Gradients of the loss with respect to x, w and b, given dout = dL/dout.

    dout  : ndarray (N, M).
    cache : what your affine_forward returned.

    Returns (dx, dw, db): dx has x's own shape (N, d1, ..., dk), dw has shape (D, M),
    db has shape (M,).
    """
    raise NotImplementedError


def relu_forward(x):
    """out = max(x, 0) elementwise, for x of any shape. Do not modify x.

    Returns (out, cache): out is a float ndarray of x's shape; cache is for relu_backward.
    """
    raise NotImplementedError


def relu_backward(dout, cache):
    """dx = dout where x > 0, and 0 where x <= 0 (the derivative at exactly 0 is 0).

    dout  : ndarray of x's shape.
    cache : what your relu_forward returned.

    Returns dx, a float ndarray of x's shape.
    """
    raise NotImplementedError
