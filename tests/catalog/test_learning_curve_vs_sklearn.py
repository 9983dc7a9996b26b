"""The learning_curve reference equals the same curve traced with scikit-learn's Ridge
(LinearRegression at lam = 0, whose lstsq gives the minimum-norm solution)."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_squared_error

from mlkata.engine.catalog import load_catalog

reference = load_catalog()["learning_curve"].reference
learning_curve, ridge_closed_form = reference["learning_curve"], reference["ridge_closed_form"]


def _sklearn_curve(X, y, X_val, y_val, lam):
    train, val = [], []
    for i in range(1, len(y) + 1):
        model = Ridge(alpha=lam) if lam > 0 else LinearRegression()
        model.fit(X[:i], y[:i])
        train.append(mean_squared_error(y[:i], model.predict(X[:i])) / 2)
        val.append(mean_squared_error(y_val, model.predict(X_val)) / 2)
    return np.array(train), np.array(val)


def _data(seed, m, n, m_val):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=n)
    X, X_val = rng.normal(size=(m, n)), rng.normal(size=(m_val, n))
    return X, X @ w + 3 + rng.normal(size=m), X_val, X_val @ w + 3 + rng.normal(size=m_val)


@pytest.mark.parametrize("seed, m, n, m_val, lam", [
    (0, 12, 3, 7, 1.0), (1, 30, 5, 11, 0.1), (2, 25, 2, 40, 20.0), (3, 9, 6, 4, 0.5),
    (4, 10, 3, 6, 0.0), (5, 14, 5, 8, 0.0),
])
def test_curve_matches_sklearn(seed, m, n, m_val, lam):
    data = _data(seed, m, n, m_val)
    ours = learning_curve(*data, lam)
    theirs = _sklearn_curve(*data, lam)
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-7, atol=1e-9 * np.abs(b).max())


@pytest.mark.parametrize("lam", [0.0, 0.3, 4.0])
def test_ridge_matches_sklearn(lam):
    X, y, _, _ = _data(7, 20, 4, 1)
    w, b = ridge_closed_form(X, y, lam)
    model = (Ridge(alpha=lam) if lam > 0 else LinearRegression()).fit(X, y)
    np.testing.assert_allclose(w, model.coef_, rtol=1e-9)
    assert b == pytest.approx(model.intercept_, rel=1e-9)


def test_worked_example():
    train, val = learning_curve(np.array([[0.0], [2.0], [1.0]]), np.array([1.0, 3.0, 4.0]),
                                np.array([[1.0], [3.0]]), np.array([2.0, 5.0]), 2.0)
    np.testing.assert_allclose(train, [0, 1 / 8, 19 / 36], atol=1e-15)
    np.testing.assert_allclose(val, [17 / 4, 1, 5 / 9], rtol=1e-14)
