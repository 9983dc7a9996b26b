"""The reference layernorm against the definition written out, and against centred differences.

No scikit-learn counterpart exists (and torch is not a dependency). The forward is compared with
the per-example formula computed one example at a time with the standard library's statistics
module (population variance), the backward with a numerical gradient of sum(out * dout) through
that formula, and both with the numbers of the theory's worked example.
"""

import math
import statistics

import numpy as np
import pytest

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

REF = Exercise.load(SHIPPED / "neural-nets" / "layernorm").reference
layernorm_forward, layernorm_backward = REF["layernorm_forward"], REF["layernorm_backward"]

SHAPES = [(5, 3), (3, 7), (1, 4), (16, 6), (2, 3, 4), (2, 2, 2, 5)]


def _formula(x, gamma, beta, eps):
    """One example (a vector along the last axis) at a time, in plain Python."""
    out = np.empty_like(x, dtype=float)
    for index in np.ndindex(x.shape[:-1]):
        row = [float(v) for v in x[index]]
        mu = statistics.fmean(row)
        sigma = math.sqrt(statistics.pvariance(row, mu) + eps)
        out[index] = [g * (v - mu) / sigma + b for v, g, b in zip(row, gamma, beta, strict=True)]
    return out


def _numerical(f, a, h=1e-6):
    grad = np.zeros_like(a)
    for i in range(a.size):
        plus, minus = a.copy(), a.copy()
        plus.flat[i] += h
        minus.flat[i] -= h
        grad.flat[i] = (f(plus) - f(minus)) / (2 * h)
    return grad


def _data(shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5, 5, size=shape[:-1] + (1,)) + rng.uniform(0.5, 3) * rng.normal(size=shape)
    d = shape[-1]
    return x, rng.normal(size=d), rng.normal(size=d), rng.normal(size=shape)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("eps", [1e-5, 0.1])
def test_forward_equals_the_formula(shape, eps):
    x, gamma, beta, _ = _data(shape, 0)
    out, _ = layernorm_forward(x, gamma, beta, eps=eps)
    np.testing.assert_allclose(out, _formula(x, gamma, beta, eps), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_backward_equals_the_numerical_gradient(shape):
    x, gamma, beta, dout = _data(shape, 1)
    _, cache = layernorm_forward(x, gamma, beta)
    dx, dgamma, dbeta = layernorm_backward(dout, cache)
    numeric = (
        _numerical(lambda a: np.sum(_formula(a, gamma, beta, 1e-5) * dout), x),
        _numerical(lambda a: np.sum(_formula(x, a, beta, 1e-5) * dout), gamma),
        _numerical(lambda a: np.sum(_formula(x, gamma, a, 1e-5) * dout), beta),
    )
    for ours, theirs in zip((dx, dgamma, dbeta), numeric, strict=True):
        assert ours.shape == theirs.shape
        assert np.linalg.norm(ours - theirs) / np.linalg.norm(theirs) < 1e-7
    np.testing.assert_allclose(dx.sum(axis=-1), 0.0, atol=1e-10)


def test_examples_are_independent_and_a_constant_example_is_beta():
    x, gamma, beta, _ = _data((6, 4), 2)
    out, _ = layernorm_forward(x, gamma, beta)
    np.testing.assert_allclose(layernorm_forward(x[2:3], gamma, beta)[0], out[2:3], rtol=1e-14)
    x[3] = 7.0
    np.testing.assert_allclose(layernorm_forward(x, gamma, beta)[0][3], beta, rtol=0, atol=1e-12)


def test_worked_example_of_the_theory():
    x = np.array([[1, 2, 3], [10, 20, 30]])
    out, cache = layernorm_forward(x, np.array([2, 1, 0.5]), np.array([0, 1, -1]))
    np.testing.assert_allclose(out, [[-2.449471, 1, -0.387632], [-2.449490, 1, -0.387628]],
                               atol=5e-7)
    x_hat, _, inv_std = cache
    np.testing.assert_allclose(x_hat, [[-1.224736, 0, 1.224736], [-1.224745, 0, 1.224745]],
                               atol=5e-7)
    np.testing.assert_allclose(1 / inv_std.ravel(), [0.816503, 8.164966], atol=5e-7)
    dx, dgamma, dbeta = layernorm_backward(np.array([[1, 0, 0], [0, 0, 0]]), cache)
    np.testing.assert_allclose(dx, [[0.408264, -0.816490, 0.408227], [0, 0, 0]], atol=5e-7)
    np.testing.assert_array_equal(dx[1], 0.0)
    np.testing.assert_allclose(dgamma, [-1.224736, 0, 0], atol=5e-7)
    np.testing.assert_array_equal(dbeta, [1, 0, 0])
