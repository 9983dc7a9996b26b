import numpy as np

MESSAGE = ("On a tie your gradient goes to the last maximum of the window: a running maximum "
           "updated with >= moves on to every later equal entry. Keep the first one (update only "
           "when an entry is strictly greater), as np.argmax does in row-major order.")


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
                    best, at = -np.inf, (hs, ws)
                    for u in range(pool):
                        for v in range(pool):
                            if x[a, ch, hs + u, ws + v] >= best:
                                best, at = x[a, ch, hs + u, ws + v], (hs + u, ws + v)
                    dx[a, ch, at[0], at[1]] += dout[a, ch, i, j]
    return dx
