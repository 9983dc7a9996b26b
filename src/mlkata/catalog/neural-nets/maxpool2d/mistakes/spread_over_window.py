import numpy as np

MESSAGE = ("You share dout equally over the whole window: that is the backward of average "
           "pooling. A max depends only on its largest entry (moving any other entry a little "
           "does not change it), so the whole of dout goes to the argmax of the window, and 0 to "
           "the rest.")


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
            dx[:, :, hs:hs + pool, ws:ws + pool] += dout[:, :, i, j][:, :, None, None] / pool ** 2
    return dx
