import numpy as np


def _output_size(size, kernel, stride, pad):
    span = size + 2 * pad - kernel
    if span < 0:
        raise ValueError(f"a kernel of {kernel} does not fit in {size} + 2·{pad} padded entries")
    return span // stride + 1                     # rounds down when stride does not divide


def conv2d_forward(x, w, b, stride=1, pad=0):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    b = np.asarray(b, dtype=float)
    n, c, h, wd = x.shape
    f, c_w, hh, ww = w.shape
    if c_w != c:
        raise ValueError(f"x has {c} channels but the filters expect {c_w}")
    h_out = _output_size(h, hh, stride, pad)
    w_out = _output_size(wd, ww, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))    # zeros on all four sides
    out = np.empty((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            window = xp[:, :, hs:hs + hh, ws:ws + ww]            # (N, C, HH, WW)
            # cross-correlation: window · w summed over (C, HH, WW), no kernel flip
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    cache = (x, w, stride, pad)
    return out, cache


def conv2d_backward(dout, cache):
    x, w, stride, pad = cache
    dout = np.asarray(dout, dtype=float)
    _, _, h, wd = x.shape
    _, _, hh, ww = w.shape
    _, _, h_out, w_out = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = dout.sum(axis=(0, 2, 3))                 # b_f was added at every n, i, j
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            g = dout[:, :, i, j]                                 # (N, F)
            dw += np.tensordot(g, xp[:, :, hs:hs + hh, ws:ws + ww], axes=([0], [0]))
            dxp[:, :, hs:hs + hh, ws:ws + ww] += np.tensordot(g, w, axes=([1], [0]))
    dx = dxp[:, :, pad:pad + h, pad:pad + wd]     # drop the padding (not pad:-pad: pad may be 0)
    return dx, dw, db
