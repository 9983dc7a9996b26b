"""The reference ridge_closed_form against scikit-learn.

scikit-learn's Ridge(alpha) minimises ‖Xw + b − y‖² + alpha‖w‖² with an unpenalised intercept:
twice our objective with lam = alpha, so the same (w, b). At lam = 0 on a singular system both
LinearRegression (lstsq on centred data) and Ridge(alpha=0, solver="svd") give the minimum-norm w.
"""

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, make_regression
from sklearn.linear_model import LinearRegression, Ridge

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "ridge_closed_form")
ridge = EXERCISE.reference["ridge_closed_form"]


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    yield "diabetes", X, y
    X, y = make_regression(n_samples=60, n_features=8, noise=5.0, bias=40.0, random_state=0)
    yield "synthetic", X + 3.0, y
    rng = np.random.default_rng(1)
    X = rng.normal(size=(12, 30)) + 1.0
    yield "wide", X, X[:, :3] @ np.array([1.0, -2.0, 0.5]) + 7.0 + 0.1 * rng.normal(size=12)


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("lam", [1e-3, 0.1, 1.0, 10.0, 1e4])
def test_equals_sklearn_ridge(name, X, y, lam):
    w, b = ridge(X, y, lam)
    model = Ridge(alpha=lam, solver="svd").fit(X, y)
    scale = np.abs(model.coef_).max()
    np.testing.assert_allclose(w, model.coef_, rtol=1e-7, atol=1e-9 * scale)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-7, atol=1e-9 * abs(y).max())
    assert isinstance(b, float)


@pytest.mark.parametrize("solver", ["cholesky", "lsqr", "auto"])
def test_other_sklearn_solvers_agree(solver):
    X, y = make_regression(n_samples=40, n_features=5, noise=1.0, bias=-3.0, random_state=2)
    w, b = ridge(X, y, 2.0)
    model = Ridge(alpha=2.0, solver=solver, tol=1e-12).fit(X, y)
    np.testing.assert_allclose(w, model.coef_, rtol=1e-6)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-6)


def _singular():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(9, 3)) + 2.0
    y = X @ np.array([1.0, -1.0, 2.0]) + 4.0 + 0.2 * rng.normal(size=9)
    yield "duplicated column", np.column_stack([X, X[:, 0]]), y
    yield "constant column", np.column_stack([X, np.full(9, 2.5)]), y
    yield "sum of columns", np.column_stack([X, X[:, 0] + X[:, 1]]), y
    Xw = rng.normal(size=(5, 9)) + 1.0
    yield "more features than samples", Xw, rng.normal(size=5) + 2.0


@pytest.mark.parametrize("name,X,y", list(_singular()), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_minimum_norm_when_singular(name, X, y):
    w, b = ridge(X, y, 0.0)
    for model in (LinearRegression().fit(X, y), Ridge(alpha=0.0, solver="svd").fit(X, y)):
        np.testing.assert_allclose(w, model.coef_, rtol=1e-7, atol=1e-10)
        np.testing.assert_allclose(b, model.intercept_, rtol=1e-7)
    # Minimum norm: every other minimiser differs by a null-space direction of centred X.
    Xc = X - X.mean(axis=0)
    null = np.linalg.svd(Xc)[2][np.linalg.matrix_rank(Xc):]
    np.testing.assert_allclose(null @ w, 0.0, atol=1e-10)


def test_large_lam_shrinks_to_the_mean():
    X, y = make_regression(n_samples=30, n_features=4, bias=12.0, random_state=4)
    w, b = ridge(X, y, 1e12)
    assert np.abs(w).max() < 1e-6
    assert b == pytest.approx(y.mean() - X.mean(axis=0) @ w)
