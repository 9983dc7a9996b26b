import numpy as np

MESSAGE = ("When several entries of a window tie for the maximum, you give dout to every one of "
           "them, so that window passes on k·dout instead of dout. The rule here: only the first "
           "maximum in row-major order gets it, exactly as np.argmax on the flattened window.")


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
    _, _, h_out, w_out = dout.shape
    dx = np.zeros_like(x)
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            window = x[:, :, hs:hs + pool, ws:ws + pool]
            mask = window == window.max(axis=(2, 3), keepdims=True)
            dx[:, :, hs:hs + pool, ws:ws + pool] += mask * dout[:, :, i, j][:, :, None, None]
    return dx
