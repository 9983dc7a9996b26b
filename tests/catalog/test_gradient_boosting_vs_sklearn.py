"""The gradient_boosting reference equals scikit-learn's GradientBoostingRegressor(max_depth=1).

They are the same algorithm: squared error, a start at mean(y) (scikit-learn's default init is
DummyRegressor(strategy="mean")), depth-1 trees fitted to the residuals with leaf values the
mean residual, and learning_rate times each tree added. scikit-learn's default criterion,
friedman_mse, ranks the splits of a node by n_L n_R (mean_L - mean_R)^2, proportional to the
decrease of the squared error that ours maximises, and uses midpoint thresholds with
x <= t going left. Two details differ, and the data avoids them:
- ties between equal decreases (ours: smallest feature; scikit-learn: a random feature order),
  which continuous random features do not produce;
- scikit-learn stores X as float32, so the data is made of float32 values.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_ensemble = pytest.importorskip("sklearn.ensemble")


@pytest.fixture(scope="module")
def Boost():
    return load_catalog()["gradient_boosting"].reference["GradientBoostingStumps"]


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


@pytest.mark.parametrize("seed, m, n, n_estimators, learning_rate", [
    (0, 40, 3, 10, 0.1),
    (1, 100, 5, 50, 0.3),
    (2, 17, 2, 30, 1.0),
    (3, 200, 4, 100, 0.05),
])
def test_same_predictions_as_sklearn(Boost, seed, m, n, n_estimators, learning_rate):
    rng = np.random.default_rng(seed)
    X = f32(rng.normal(size=(m, n)))
    y = np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + rng.normal(scale=0.2, size=m) + 5.0
    X_test = f32(rng.normal(size=(60, n)))
    ours = Boost(n_estimators, learning_rate).fit(X, y)
    theirs = sklearn_ensemble.GradientBoostingRegressor(
        loss="squared_error", n_estimators=n_estimators, learning_rate=learning_rate,
        max_depth=1, random_state=0).fit(X, y)
    np.testing.assert_allclose(ours.predict(X_test), theirs.predict(X_test), rtol=1e-9)
    np.testing.assert_allclose(ours.predict(X), theirs.predict(X), rtol=1e-9)


def test_constant_targets(Boost):
    X = f32(np.random.default_rng(5).normal(size=(12, 2)))
    y = np.full(12, 3.25)
    theirs = sklearn_ensemble.GradientBoostingRegressor(n_estimators=5, max_depth=1).fit(X, y)
    np.testing.assert_allclose(Boost(5, 0.1).fit(X, y).predict(X), theirs.predict(X))
