"""The reference lasso_coordinate_descent against scikit-learn's Lasso.

scikit-learn's Lasso(alpha) minimises (1/2m)‖y − Xw − b‖² + alpha‖w‖₁ with an unpenalised
intercept, by cyclic coordinate descent on centred data, from w = 0: our algorithm. It stops on
a duality gap instead of after a fixed number of sweeps, so after enough sweeps both reach the
(unique, on well-conditioned data) minimiser. With the gap-safe screening switched off and tol=0,
lasso_path runs exactly max_iter plain sweeps, and agrees with ours sweep for sweep.
"""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso, lasso_path

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "lasso_coordinate_descent")
lasso = EXERCISE.reference["lasso_coordinate_descent"]


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    yield "diabetes", X * 10.0, y
    X, y = make_regression(n_samples=80, n_features=8, n_informative=4, noise=5.0, bias=40.0,
                           random_state=0)
    yield "synthetic", X + 3.0, y
    rng = np.random.default_rng(1)
    X = np.round(rng.normal(size=(40, 5)) + rng.uniform(-2, 3, size=5), 2)
    yield "uncentred", X, X @ np.array([1.5, 0.0, -2.0, 0.3, 0.0]) - 4.0 + rng.normal(size=40)


def _sklearn(X, y, alpha):
    return Lasso(alpha=alpha, fit_intercept=True, tol=1e-14, max_iter=200_000).fit(X, y)


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("share", [0.01, 0.1, 0.5])
def test_converges_to_sklearn_lasso(name, X, y, share):
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha = share * np.abs(Xc.T @ yc).max() / len(y)
    w, b = lasso(X, y, alpha, 3000)
    model = _sklearn(X, y, alpha)
    scale = np.abs(model.coef_).max()
    np.testing.assert_allclose(w, model.coef_, rtol=1e-7, atol=1e-8 * scale)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-7, atol=1e-8 * abs(y).max())
    np.testing.assert_array_equal(w == 0, model.coef_ == 0)     # the same support
    assert isinstance(b, float)


@pytest.mark.parametrize("sweeps", [1, 2, 5, 20])
def test_sweep_for_sweep_like_scikit_learns_plain_coordinate_descent(sweeps):
    X, y = make_regression(n_samples=30, n_features=6, noise=2.0, random_state=3)
    X = X + np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0]) * X[:, [0]]          # correlated columns
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha = 0.05 * np.abs(Xc.T @ yc).max() / len(y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        try:
            _, coefs, _ = lasso_path(np.asfortranarray(Xc), yc, alphas=[alpha], tol=0.0,
                                     max_iter=sweeps, do_screening=False)
        except (TypeError, ValueError):  # a scikit-learn without the screening switch
            pytest.skip("lasso_path has no do_screening parameter in this scikit-learn")
    w, b = lasso(X, y, alpha, sweeps)
    np.testing.assert_allclose(w, coefs[:, 0], rtol=1e-10, atol=1e-10 * np.abs(w).max())
    assert b == pytest.approx(y.mean() - X.mean(axis=0) @ w)


def test_zero_and_constant_columns_get_zero_weight():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(25, 3)) + 1.0
    y = X @ np.array([2.0, -1.0, 0.5]) + 3.0 + 0.1 * rng.normal(size=25)
    wide = np.column_stack([X[:, 0], np.zeros(25), X[:, 1], np.full(25, 3.0), X[:, 2]])
    w, b = lasso(wide, y, 0.05, 2000)
    model = _sklearn(wide, y, 0.05)
    assert w[1] == 0.0 and w[3] == 0.0
    np.testing.assert_allclose(w, model.coef_, rtol=1e-7, atol=1e-10)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-7)
    np.testing.assert_allclose(w[[0, 2, 4]], lasso(X, y, 0.05, 2000)[0], rtol=1e-12)


def test_above_alpha_max_everything_is_zero():
    X, y = make_regression(n_samples=30, n_features=4, bias=12.0, random_state=5)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha = 1.0001 * np.abs(Xc.T @ yc).max() / len(y)
    w, b = lasso(X, y, alpha, 10)
    assert not w.any() and b == pytest.approx(y.mean())
    assert not _sklearn(X, y, alpha).coef_.any()


def test_worked_example():
    X = np.array([[1.0, 0.0], [3.0, 3.0], [5.0, 2.0], [3.0, -1.0]])
    y = np.array([-1.0, 3.0, 5.0, 1.0])
    for sweeps, w_want, b_want in [(1, (1.25, 0.3), -2.05), (2, (1.1, 0.36), -1.66),
                                   (3, (1.07, 0.372), -1.582)]:
        w, b = lasso(X, y, 0.5, sweeps)
        np.testing.assert_allclose(w, w_want, rtol=1e-12)
        assert b == pytest.approx(b_want, rel=1e-12)
    def cost(w, b):
        r = y - X @ w - b
        return r @ r / (2 * len(y)) + 0.5 * np.abs(w).sum()

    costs = [cost(*lasso(X, y, 0.5, k)) for k in (0, 1, 2, 60)]
    np.testing.assert_allclose(costs, [2.5, 0.825, 0.798, 0.796875], rtol=1e-12)
    w, b = lasso(X, y, 0.5, 60)
    np.testing.assert_allclose(w, [1.0625, 0.375], rtol=1e-12)
    Xc, r = X - X.mean(axis=0), y - X @ w - b
    np.testing.assert_allclose(Xc.T @ r / 4, [0.5, 0.5], rtol=1e-12)        # KKT: g = α·sign(w)
    assert b == pytest.approx(-1.5625, rel=1e-12)
    model = _sklearn(X, y, 0.5)
    np.testing.assert_allclose(model.coef_, [1.0625, 0.375], rtol=1e-9)
    assert lasso(X, y, 3.0, 5)[0].tolist() == [0.0, 0.0]          # alpha_max = 12/4 = 3
