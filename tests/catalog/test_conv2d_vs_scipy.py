"""The reference conv2d against scipy.signal.correlate / convolve, image by image.

A deep-learning convolution layer is, for every image n and filter f, the sum over channels of
the 2-D *valid* cross-correlation of the padded channel with the filter's channel, taken every
`stride` positions, plus the bias. Its backward is again made of correlations and convolutions:
dw[f, c] = Σ_n correlate(x_pad[n, c], dilate(dout[n, f])) and
dx_pad[n, c] = Σ_f convolve(dilate(dout[n, f]), w[f, c], "full"), where dilate puts stride − 1
zeros between the entries of dout. scipy computes these independently of our loops.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

signal = pytest.importorskip("scipy.signal")

REF = Exercise.load(SHIPPED / "neural-nets" / "conv2d").reference
conv2d_forward, conv2d_backward = REF["conv2d_forward"], REF["conv2d_backward"]

CONFIGS = [  # (N, C, H, W, F, HH, WW, stride, pad)
    (2, 3, 5, 6, 4, 3, 2, 1, 0),
    (3, 2, 7, 5, 4, 3, 3, 2, 1),
    (1, 3, 6, 8, 2, 2, 3, 1, 2),
    (2, 1, 9, 8, 3, 3, 2, 2, 0),      # the stride does not divide: rounds down
    (4, 2, 8, 7, 3, 4, 3, 3, 1),
    (2, 3, 10, 11, 5, 5, 5, 4, 2),
    (1, 1, 4, 4, 1, 4, 4, 1, 0),      # one window
]


def _pad(x, pad):
    return np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))


def _dilate(g, stride):
    out = np.zeros(((g.shape[0] - 1) * stride + 1, (g.shape[1] - 1) * stride + 1))
    out[::stride, ::stride] = g
    return out


def _scipy_forward(x, w, b, stride, pad):
    xp = _pad(x, pad)
    n, f = x.shape[0], w.shape[0]
    maps = [[sum(signal.correlate(xp[i, c], w[k, c], mode="valid", method="direct")
                 for c in range(x.shape[1]))[::stride, ::stride] + b[k]
             for k in range(f)] for i in range(n)]
    return np.array(maps)


def _scipy_backward(x, w, dout, stride, pad):
    xp = _pad(x, pad)
    n, c_in, h, wd = x.shape
    f, _, hh, ww = w.shape
    dw = np.zeros_like(w)
    dxp = np.zeros_like(xp)
    for i in range(n):
        for k in range(f):
            g = _dilate(dout[i, k], stride)
            for c in range(c_in):
                # rows of x_pad beyond the last window are cut: they are not in any window
                used = xp[i, c, :g.shape[0] + hh - 1, :g.shape[1] + ww - 1]
                dw[k, c] += signal.correlate(used, g, mode="valid", method="direct")
                full = signal.convolve(g, w[k, c], mode="full", method="direct")
                dxp[i, c, :full.shape[0], :full.shape[1]] += full
    return dxp[:, :, pad:pad + h, pad:pad + wd], dw, dout.sum(axis=(0, 2, 3))


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "-".join(map(str, c)))
@pytest.mark.parametrize("seed", [0, 1])
def test_forward_and_backward_equal_scipy(config, seed):
    n, c, h, wd, f, hh, ww, stride, pad = config
    rng = np.random.default_rng(seed)
    x, w, b = rng.normal(size=(n, c, h, wd)), rng.normal(size=(f, c, hh, ww)), rng.normal(size=f)
    out, cache = conv2d_forward(x, w, b, stride=stride, pad=pad)
    np.testing.assert_allclose(out, _scipy_forward(x, w, b, stride, pad), rtol=1e-10, atol=1e-12)
    dout = rng.normal(size=out.shape)
    for ours, theirs in zip(conv2d_backward(dout, cache), _scipy_backward(x, w, dout, stride, pad),
                            strict=True):
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_output_size_rounds_down_like_pytorch():
    x = np.ones((1, 1, 8, 9))
    for stride, pad, want in ((1, 0, (6, 7)), (2, 0, (3, 4)), (3, 1, (3, 3)), (4, 2, (3, 3))):
        out, _ = conv2d_forward(x, np.ones((1, 1, 3, 3)), np.zeros(1), stride=stride, pad=pad)
        assert out.shape[2:] == want
        # PyTorch: floor((H + 2p − HH) / s) + 1
        assert want == ((8 + 2 * pad - 3) // stride + 1, (9 + 2 * pad - 3) // stride + 1)


def test_errors():
    with pytest.raises(ValueError):
        conv2d_forward(np.ones((1, 1, 2, 3)), np.ones((1, 1, 3, 2)), np.zeros(1))
    with pytest.raises(ValueError):
        conv2d_forward(np.ones((1, 1, 4, 4)), np.ones((1, 3, 2, 2)), np.zeros(1))
    out, _ = conv2d_forward(np.ones((1, 1, 1, 1)), np.ones((1, 1, 3, 3)), np.zeros(1), pad=1)
    assert out.shape == (1, 1, 1, 1) and out[0, 0, 0, 0] == 1.0


def test_worked_example_of_the_theory():
    x = np.array([[[[1, 2, 0], [0, 1, 3], [2, 1, 1]]]])
    w = np.array([[[[1, 0], [-1, 2]]]])
    b = np.array([1])
    out, cache = conv2d_forward(x, w, b)
    np.testing.assert_array_equal(out[0, 0], [[4, 8], [1, 3]])
    flipped, _ = conv2d_forward(x, w[:, :, ::-1, ::-1], b)
    np.testing.assert_array_equal(flipped[0, 0], [[2, 8], [1, 1]])
    dx, dw, db = conv2d_backward(np.array([[[[1, 2], [0, -1]]]]), cache)
    np.testing.assert_array_equal(dx[0, 0], [[1, 2, 0], [-1, -1, 4], [0, 1, -2]])
    np.testing.assert_array_equal(dw[0, 0], [[4, -1], [1, 6]])
    np.testing.assert_array_equal(db, [2])

    out, cache = conv2d_forward(x, w, b, stride=2)
    np.testing.assert_array_equal(out[0, 0], [[4]])
    dx, _, _ = conv2d_backward(np.array([[[[1]]]]), cache)
    np.testing.assert_array_equal(dx[0, 0], [[1, 0, 0], [-1, 2, 0], [0, 0, 0]])

    out, cache = conv2d_forward(x, w, b, stride=2, pad=1)
    np.testing.assert_array_equal(out[0, 0], [[3, -1], [5, 3]])
    dx, dw, db = conv2d_backward(np.array([[[[1, 2], [-1, 1]]]]), cache)
    np.testing.assert_array_equal(dx[0, 0], [[2, -2, 4], [0, 1, 0], [-2, -1, 2]])
    np.testing.assert_array_equal(dw[0, 0], [[1, 3], [5, 0]])
    np.testing.assert_array_equal(db, [3])
