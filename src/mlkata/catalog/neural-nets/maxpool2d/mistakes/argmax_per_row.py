import numpy as np

MESSAGE = ("np.argmax(window, axis=1) is the column of the maximum of each row of the window, so "
           "every row of every window receives dout. Only the maximum of the whole window moves "
           "out: take the argmax of the flattened window, idx = np.argmax(window) (row-major), "
           "and unravel it, (u, v) = divmod(idx, pool).")


def maxpool_forward(x, pool, stride):
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    if pool > h or pool > w:
        raise ValueError("the window does not fit in the image")
    h_out = (h - pool) // stride + 1
    w_out = (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + pool,
                                j * stride:j * stride + pool].max(axis=(2, 3))
    return out, (x, pool, stride)


def maxpool_backward(dout, cache):
    x, pool, stride = cache
    n, c, _, _ = x.shape
    _, _, h_out, w_out = dout.shape
    dx = np.zeros_like(x)
    for a in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    hs, ws = i * stride, j * stride
                    window = x[a, ch, hs:hs + pool, ws:ws + pool]
                    cols = np.argmax(window, axis=1)
                    for u in range(pool):
                        dx[a, ch, hs + u, ws + cols[u]] += dout[a, ch, i, j]
    return dx
