import numpy as np

MESSAGE = ("dw = x.T @ dout uses x in its original shape: for x of shape (N, d1, ..., dk), x.T "
           "reverses all axes. Flatten first: x.reshape(N, -1).T @ dout has shape (D, M).")


def affine_forward(x, w, b):
    x = np.asarray(x, dtype=float)
    x_flat = x.reshape(x.shape[0], -1)          # (N, d1, ..., dk) -> (N, D)
    out = x_flat @ w + b                        # (N, M)
    cache = (x, np.asarray(w, dtype=float))
    return out, cache


def affine_backward(dout, cache):
    x, w = cache
    dout = np.asarray(dout, dtype=float)
    dx = (dout @ w.T).reshape(x.shape)          # back to x's own shape
    dw = x.T @ dout                             # x not flattened
    db = dout.sum(axis=0)                       # (M,): b was added to every row
    return dx, dw, db


def relu_forward(x):
    x = np.asarray(x, dtype=float)
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    x = cache
    return np.where(x > 0, dout, 0.0)           # derivative 0 where x <= 0, also at exactly 0
