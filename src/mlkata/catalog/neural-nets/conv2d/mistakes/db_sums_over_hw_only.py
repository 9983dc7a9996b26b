import numpy as np

MESSAGE = ("db has shape (N, F): you summed dout over the positions (H', W') but not over the "
           "batch. b[f] is added at every image n and every position (i, j), so db sums over all "
           "three: dout.sum(axis=(0, 2, 3)), shape (F,).")


def conv2d_forward(x, w, b, stride=1, pad=0):
    x, w, b = (np.asarray(a, dtype=float) for a in (x, w, b))
    n, c, h, wd = x.shape
    f, c_w, hh, ww = w.shape
    if c_w != c or h + 2 * pad < hh or wd + 2 * pad < ww:
        raise ValueError("the kernel does not fit or the channels differ")
    h_out = (h + 2 * pad - hh) // stride + 1
    w_out = (wd + 2 * pad - ww) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.empty((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * stride:i * stride + hh, j * stride:j * stride + ww]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out, (x, w, stride, pad)


def conv2d_backward(dout, cache):
    x, w, stride, pad = cache
    _, _, h, wd = x.shape
    _, _, hh, ww = w.shape
    _, _, h_out, w_out = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = dout.sum(axis=(2, 3))
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            g = dout[:, :, i, j]
            dw += np.tensordot(g, xp[:, :, hs:hs + hh, ws:ws + ww], axes=([0], [0]))
            dxp[:, :, hs:hs + hh, ws:ws + ww] += np.tensordot(g, w, axes=([1], [0]))
    return dxp[:, :, pad:pad + h, pad:pad + wd], dw, db
