"""learning_curve: the contract, the worked example, random data, and fits with fewer
examples than features at lam = 0 (the minimum-norm solution)."""

import numpy as np

from mlkata.engine.kit import call, check


def _regression(rng, m, n, m_val, bias=5.0):
    """A training and a validation set from one noisy linear model with a non-zero bias."""
    w = rng.normal(size=n)
    X, X_val = rng.normal(size=(m, n)), rng.normal(size=(m_val, n))
    y = X @ w + bias + 0.5 * rng.normal(size=m)
    y_val = X_val @ w + bias + 0.5 * rng.normal(size=m_val)
    return tuple(np.round(a, 2) for a in (X, y, X_val, y_val))  # short numbers to read


def _exact_centring(rng, m, n, span=3):
    """Integer rows whose every prefix mean is an integer vector, so that centring X[:i] is
    exact: the rank deficiency of the first fits is exact, not blurred by round-off, and every
    sound minimum-norm solver (lstsq, pinv, SVD) gives the same w. The nonzero singular values
    of each centred prefix are kept well apart from 0."""
    while True:
        means = rng.integers(-span, span + 1, size=(m, n))
        X = np.empty((m, n))
        X[0] = means[0]
        for i in range(2, m + 1):
            X[i - 1] = i * means[i - 1] - (i - 1) * means[i - 2]
        ok = True
        for i in range(2, m + 1):
            s = np.linalg.svd(X[:i] - X[:i].mean(axis=0), compute_uv=False)
            rank = min(i - 1, n)
            ok &= s[rank - 1] > 0.05 * s[0]
        if ok:
            return X


@check("contract", "returns two float arrays of shape (m,)")
def shapes(rng):
    yield call("learning_curve", *_regression(rng, 5, 2, 3), 1.0)


@check("contract", "accepts integer inputs")
def integer_inputs(rng):
    X = np.array([[1, 0], [0, 2], [3, 1], [2, 2], [1, 3]])
    yield call("learning_curve", X, np.array([2, 5, 4, 7, 6]), np.array([[0, 0], [2, 1], [1, 1]]),
               np.array([1, 4, 3]), 2)


@check("fixed", "the worked example: train_err = (0, 1/8, 19/36), val_err = (17/4, 1, 5/9)")
def worked_example(rng):
    yield call("learning_curve", np.array([[0.0], [2.0], [1.0]]), np.array([1.0, 3.0, 4.0]),
               np.array([[1.0], [3.0]]), np.array([2.0, 5.0]), 2.0)


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m, n, m_val, lam in [(8, 3, 5, 1.0), (15, 4, 9, 0.3), (30, 6, 11, 2.5), (40, 2, 17, 10.0)]:
        yield call("learning_curve", *_regression(rng, m, n, m_val), lam)


@check("property", "lam = 0: a fit on fewer examples than features is the minimum-norm one")
def minimum_norm(rng):
    for m, n, m_val in [(6, 3, 4), (9, 5, 7)]:
        X = _exact_centring(rng, m, n)
        w = rng.normal(size=n)
        y = np.round(X @ w + 4.0 + rng.normal(size=m), 2)
        X_val = np.round(rng.normal(scale=2.0, size=(m_val, n)), 2)
        y_val = np.round(X_val @ w + 4.0 + rng.normal(size=m_val), 2)
        yield call("learning_curve", X, y, X_val, y_val, 0.0).because(
            "with i ≤ n examples many w fit exactly; the contract takes the one of smallest norm "
            "(and with i = 1 the centred X is all zeros, so w = 0 and b = y[0])")
