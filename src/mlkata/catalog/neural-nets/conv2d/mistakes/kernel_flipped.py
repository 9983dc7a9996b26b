import numpy as np

MESSAGE = ("Your layer flips the kernel (a convolution in the textbook sense). Deep-learning "
           "convolution layers, PyTorch's and CS231n's, compute a cross-correlation: "
           "out[n, f, i, j] = b[f] + sum of x_pad[n, :, i*s + u, j*s + v] * w[f, :, u, v], with w "
           "as given, not w[:, :, ::-1, ::-1].")


def _layer(x, wf, b, stride, pad):
    n, c, h, wd = x.shape
    f, c_w, hh, ww = wf.shape
    if c_w != c or h + 2 * pad < hh or wd + 2 * pad < ww:
        raise ValueError("the kernel does not fit or the channels differ")
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    h_out = (h + 2 * pad - hh) // stride + 1
    w_out = (wd + 2 * pad - ww) // stride + 1
    out = np.zeros((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * stride:i * stride + hh, j * stride:j * stride + ww]
            out[:, :, i, j] = np.einsum("ncuv,fcuv->nf", window, wf) + b
    return out, xp


def conv2d_forward(x, w, b, stride=1, pad=0):
    x, w, b = (np.asarray(a, dtype=float) for a in (x, w, b))
    wf = w[:, :, ::-1, ::-1]                 # "convolution flips the kernel"
    out, _ = _layer(x, wf, b, stride, pad)
    return out, (x, wf, stride, pad)


def conv2d_backward(dout, cache):
    x, wf, stride, pad = cache
    _, _, h, wd = x.shape
    _, _, hh, ww = wf.shape
    _, _, h_out, w_out = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dwf = np.zeros_like(wf)
    for i in range(h_out):
        for j in range(w_out):
            hs, ws = i * stride, j * stride
            g = dout[:, :, i, j]
            dwf += np.einsum("nf,ncuv->fcuv", g, xp[:, :, hs:hs + hh, ws:ws + ww])
            dxp[:, :, hs:hs + hh, ws:ws + ww] += np.einsum("nf,fcuv->ncuv", g, wf)
    return dxp[:, :, pad:pad + h, pad:pad + wd], dwf[:, :, ::-1, ::-1], dout.sum(axis=(0, 2, 3))
