import numpy as np

MESSAGE = ("Your ReLU passes the gradient through where x == 0: the contract sets the derivative "
           "at exactly 0 to 0, so mask with x > 0, not x >= 0.")


def affine_forward(x, w, b):
    x = np.asarray(x, dtype=float)
    x_flat = x.reshape(x.shape[0], -1)          # (N, d1, ..., dk) -> (N, D)
    out = x_flat @ w + b                        # (N, M)
    cache = (x, np.asarray(w, dtype=float))
    return out, cache


def affine_backward(dout, cache):
    x, w = cache
    dout = np.asarray(dout, dtype=float)
    x_flat = x.reshape(x.shape[0], -1)
    dx = (dout @ w.T).reshape(x.shape)          # back to x's own shape
    dw = x_flat.T @ dout                        # (D, M)
    db = dout.sum(axis=0)                       # (M,): b was added to every row
    return dx, dw, db


def relu_forward(x):
    x = np.asarray(x, dtype=float)
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    x = cache
    return np.where(x >= 0, dout, 0.0)          # lets the gradient through at x == 0
