"""The reference kernel ridge against scikit-learn.

scikit-learn's rbf_kernel is exp(−gamma‖a − b‖²), and KernelRidge(alpha=lam, kernel="rbf",
gamma=gamma) solves (K + lam·I) dual_coef_ = y (a Cholesky solve) and predicts
K(X_test, X_train) @ dual_coef_, with no intercept: our three functions.
"""

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, make_regression
from sklearn.kernel_ridge import KernelRidge
from sklearn.metrics.pairwise import rbf_kernel as sk_rbf_kernel
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "kernel_ridge_rbf")
rbf_kernel = EXERCISE.reference["rbf_kernel"]
fit = EXERCISE.reference["kernel_ridge_fit"]
predict = EXERCISE.reference["kernel_ridge_predict"]


@pytest.mark.parametrize("gamma", [0.01, 0.3, 2.0])
@pytest.mark.parametrize("seed", range(3))
def test_kernel_equals_sklearn(gamma, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.normal(size=(17, 4)) * 2, rng.normal(size=(9, 4)) * 2 + 1
    np.testing.assert_allclose(rbf_kernel(A, B, gamma), sk_rbf_kernel(A, B, gamma=gamma),
                               rtol=1e-10, atol=1e-14)
    K = rbf_kernel(A, A, gamma)
    # ones on the diagonal up to the round-off of the expansion ‖a‖² + ‖b‖² − 2a·b (~1e-14 here)
    np.testing.assert_allclose(np.diag(K), 1.0, rtol=0, atol=1e-12)
    assert K.max() <= 1.0 and K.min() > 0.0
    np.testing.assert_allclose(K, K.T, rtol=0, atol=1e-15)


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    yield "diabetes", StandardScaler().fit_transform(X), y - y.mean()
    X, y = make_regression(n_samples=60, n_features=5, noise=3.0, random_state=0)
    yield "synthetic", X, y
    rng = np.random.default_rng(1)
    X = rng.uniform(-3, 3, size=(40, 1))
    yield "sine", X, np.sin(2 * X[:, 0]) + 0.1 * rng.normal(size=40)


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("lam", [0.05, 1.0, 100.0])
@pytest.mark.parametrize("gamma", [0.1, 1.0])
def test_fit_and_predict_equal_sklearn_kernel_ridge(name, X, y, lam, gamma):
    split = int(0.75 * len(X))
    X_train, y_train, X_test = X[:split], y[:split], X[split:]
    coef = fit(X_train, y_train, lam, gamma)
    model = KernelRidge(alpha=lam, kernel="rbf", gamma=gamma).fit(X_train, y_train)
    np.testing.assert_allclose(coef, model.dual_coef_, rtol=1e-8,
                               atol=1e-10 * np.abs(model.dual_coef_).max())
    ours = predict(X_train, coef, X_test, gamma)
    np.testing.assert_allclose(ours, model.predict(X_test), rtol=1e-8,
                               atol=1e-10 * np.abs(y).max())
    # on the training points the fit misses each target by exactly lam·α_i
    np.testing.assert_allclose(predict(X_train, coef, X_train, gamma), y_train - lam * coef,
                               rtol=1e-8, atol=1e-9 * np.abs(y).max())


def test_duplicated_points_and_far_away_test_points():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(6, 2))
    X = np.vstack([X, X[:2]])
    y = rng.normal(size=8)
    coef = fit(X, y, 0.2, 0.5)
    model = KernelRidge(alpha=0.2, kernel="rbf", gamma=0.5).fit(X, y)
    np.testing.assert_allclose(coef, model.dual_coef_, rtol=1e-9)
    far = np.array([[50.0, -40.0]])
    assert predict(X, coef, far, 0.5)[0] == 0.0 == model.predict(far)[0]


def test_worked_examples():
    K = rbf_kernel(np.array([[0.0, 0.0], [1.0, 1.0]]),
                   np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 2.0]]), 0.5)
    np.testing.assert_allclose(K, [[1.0, np.exp(-0.5), np.exp(-4.0)],
                                   [np.exp(-1.0), np.exp(-0.5), np.exp(-1.0)]], rtol=1e-14)
    np.testing.assert_allclose(K, [[1, 0.606531, 0.018316], [0.367879, 0.606531, 0.367879]],
                               atol=5e-7)
    X, y = np.array([[0.0], [1.0]]), np.array([1.0, 3.0])
    coef = fit(X, y, 0.5, np.log(2.0))
    np.testing.assert_allclose(coef, [0.0, 2.0], atol=1e-14)
    np.testing.assert_allclose(predict(X, coef, np.array([[0.0], [1.0], [2.0]]), np.log(2.0)),
                               [1.0, 2.0, 1.0], rtol=1e-14)
