"""The reference maxpool2d against scipy.ndimage.maximum_filter and a scan written differently.

A max pool is a moving maximum (scipy's ``maximum_filter``, its window anchored at the top-left
with ``origin = -(pool // 2)``) read every ``stride`` positions. The backward has no established
counterpart with our tie rule, so it is checked against an element-by-element scan that keeps the
first maximum with a strict ``>`` (the rule of the contract, written as a loop), against centred
differences on data without ties, and against the theory's worked examples.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

ndimage = pytest.importorskip("scipy.ndimage")

REF = Exercise.load(SHIPPED / "neural-nets" / "maxpool2d").reference
maxpool_forward, maxpool_backward = REF["maxpool_forward"], REF["maxpool_backward"]

CONFIGS = [  # (shape, pool, stride)
    ((2, 3, 4, 6), 2, 2),
    ((3, 2, 7, 5), 3, 2),
    ((1, 4, 6, 8), 2, 1),
    ((2, 1, 9, 7), 3, 3),
    ((4, 3, 8, 9), 4, 2),
    ((1, 1, 5, 5), 5, 1),
    ((2, 2, 6, 6), 1, 1),
]


def _scipy_forward(x, pool, stride):
    n, c, h, w = x.shape
    h_out, w_out = (h - pool) // stride + 1, (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(n):
        for j in range(c):
            moving = ndimage.maximum_filter(x[i, j], size=pool, origin=-(pool // 2))
            out[i, j] = moving[:h - pool + 1:stride, :w - pool + 1:stride][:h_out, :w_out]
    return out


def _scan_backward(x, pool, stride, dout):
    dx = np.zeros_like(x)
    n, c, h_out, w_out = dout.shape
    for a in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    best, at = -np.inf, None
                    for u in range(pool):
                        for v in range(pool):
                            value = x[a, ch, i * stride + u, j * stride + v]
                            if value > best:
                                best, at = value, (i * stride + u, j * stride + v)
                    dx[a, ch, at[0], at[1]] += dout[a, ch, i, j]
    return dx


@pytest.mark.parametrize("shape,pool,stride", CONFIGS)
@pytest.mark.parametrize("ties", [False, True], ids=["distinct", "integers"])
def test_forward_equals_scipy_and_backward_equals_a_scan(shape, pool, stride, ties):
    rng = np.random.default_rng(hash((shape, pool, stride)) % 2**32)
    x = (rng.integers(0, 4, size=shape).astype(float) if ties
         else rng.permutation(np.prod(shape)).reshape(shape) / 7.0)
    out, cache = maxpool_forward(x, pool, stride)
    np.testing.assert_array_equal(out, _scipy_forward(x, pool, stride))
    dout = rng.normal(size=out.shape)
    dx = maxpool_backward(dout, cache)
    np.testing.assert_allclose(dx, _scan_backward(x, pool, stride, dout), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(dx.sum(axis=(2, 3)), dout.sum(axis=(2, 3)), rtol=1e-10)


@pytest.mark.parametrize("shape,pool,stride", CONFIGS[:5])
def test_backward_is_the_numerical_gradient_without_ties(shape, pool, stride):
    rng = np.random.default_rng(7)
    x = rng.permutation(np.prod(shape)).reshape(shape) / 10.0
    out, cache = maxpool_forward(x, pool, stride)
    dout = rng.normal(size=out.shape)
    dx = maxpool_backward(dout, cache)
    h, numeric = 1e-6, np.zeros_like(x)
    for i in range(x.size):
        plus, minus = x.copy(), x.copy()
        plus.flat[i] += h
        minus.flat[i] -= h
        numeric.flat[i] = (np.sum(maxpool_forward(plus, pool, stride)[0] * dout)
                           - np.sum(maxpool_forward(minus, pool, stride)[0] * dout)) / (2 * h)
    assert np.linalg.norm(dx - numeric) / np.linalg.norm(numeric) < 1e-6


def test_window_larger_than_the_image_raises():
    with pytest.raises(ValueError):
        maxpool_forward(np.zeros((1, 1, 2, 5)), 3, 1)
    with pytest.raises(ValueError):
        maxpool_forward(np.zeros((1, 1, 5, 3)), 4, 1)
    assert maxpool_forward(np.zeros((1, 1, 3, 4)), 3, 5)[0].shape == (1, 1, 1, 1)


def test_worked_example_of_the_theory():
    x = np.array([[[[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]]]])
    out, cache = maxpool_forward(x, 2, 2)
    np.testing.assert_array_equal(out[0, 0], [[4, 5], [6, 3]])
    dx = maxpool_backward(np.array([[[[1, 2], [3, 4]]]]), cache)
    np.testing.assert_array_equal(dx[0, 0], [[0, 0, 0, 0], [1, 0, 0, 2], [0, 0, 4, 0],
                                             [0, 3, 0, 0]])
    out, cache = maxpool_forward(x, 2, 1)
    np.testing.assert_array_equal(out[0, 0], [[4, 3, 5], [4, 3, 5], [6, 6, 3]])
    dx = maxpool_backward(np.arange(1, 10).reshape(1, 1, 3, 3), cache)
    np.testing.assert_array_equal(dx[0, 0], [[0, 2, 0, 0], [5, 0, 0, 9], [0, 0, 14, 0],
                                             [0, 15, 0, 0]])
    assert dx.sum() == 45
    out, cache = maxpool_forward(x, 3, 2)
    np.testing.assert_array_equal(out, [[[[4]]]])
    dx = maxpool_backward(np.array([[[[1]]]]), cache)
    assert dx[0, 0, 1, 0] == 1 and dx.sum() == 1
    out, cache = maxpool_forward(np.array([[[[1, 3], [3, 0]]]]), 2, 2)
    assert out[0, 0, 0, 0] == 3
    np.testing.assert_array_equal(maxpool_backward(np.ones((1, 1, 1, 1)), cache)[0, 0],
                                  [[0, 1], [0, 0]])
    _, cache = maxpool_forward(np.full((1, 1, 3, 3), 7), 2, 1)
    np.testing.assert_array_equal(maxpool_backward(np.array([[[[1, 2], [3, 4]]]]), cache)[0, 0],
                                  [[1, 2, 0], [3, 4, 0], [0, 0, 0]])
