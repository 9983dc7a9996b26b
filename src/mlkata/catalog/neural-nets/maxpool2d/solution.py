import numpy as np


def maxpool_forward(x, pool, stride):
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    if pool > h or pool > w:
        raise ValueError(f"a {pool}×{pool} window does not fit in a {h}×{w} image")
    h_out = (h - pool) // stride + 1              # rounds down when stride does not divide
    w_out = (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            out[:, :, i, j] = x[:, :, hs:hs + pool, ws:ws + pool].max(axis=(2, 3))
    cache = (x, pool, stride)
    return out, cache


def maxpool_backward(dout, cache):
    x, pool, stride = cache
    dout = np.asarray(dout, dtype=float)
    n, c, _, _ = x.shape
    _, _, h_out, w_out = dout.shape
    dx = np.zeros_like(x)
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")    # (N, C) index grids
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            window = x[:, :, hs:hs + pool, ws:ws + pool].reshape(n, c, pool * pool)
            k = window.argmax(axis=2)             # first maximum in row-major order
            r, q = np.divmod(k, pool)             # its (row, column) in the window
            # one entry per (n, c): no repeated index within this assignment; across windows
            # the += accumulates where windows overlap
            dx[nn, cc, hs + r, ws + q] += dout[:, :, i, j]
    return dx
