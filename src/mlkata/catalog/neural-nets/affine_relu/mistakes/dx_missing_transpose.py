import numpy as np

MESSAGE = ("dout @ w cannot work: dout is (N, M) and w is (D, M). The gradient with respect to the "
           "input is dout @ w.T, of shape (N, D), then reshaped to x's shape.")


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
    dx = (dout @ w).reshape(x.shape)            # w is not transposed
    dw = x_flat.T @ dout                        # (D, M)
    db = dout.sum(axis=0)                       # (M,): b was added to every row
    return dx, dw, db


def relu_forward(x):
    x = np.asarray(x, dtype=float)
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    x = cache
    return np.where(x > 0, dout, 0.0)           # derivative 0 where x <= 0, also at exactly 0
