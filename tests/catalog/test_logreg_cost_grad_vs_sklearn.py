"""The reference logreg_cost_grad against scikit-learn.

With lam = 0 our J is scikit-learn's log_loss. scikit-learn's LogisticRegression(C) minimises
C·Σ CE + ½‖w‖² with an unpenalised intercept; divided by C·m that is our J with lam = 1/C. So at
scikit-learn's optimum our gradient vanishes.
"""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "logreg_cost_grad")
cost_grad = EXERCISE.reference["logreg_cost_grad"]


def _datasets():
    X, y = load_breast_cancer(return_X_y=True)
    yield "breast_cancer", StandardScaler().fit_transform(X), y
    X, y = make_classification(n_samples=200, n_features=6, n_informative=4, random_state=0)
    yield "synthetic", X, y


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_cost_is_log_loss(name, X, y):
    rng = np.random.default_rng(0)
    w, b = 0.3 * rng.normal(size=X.shape[1]), 0.2
    cost, _, _ = cost_grad(w, b, X, y, 0.0)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    assert cost == pytest.approx(log_loss(y, p), rel=1e-10)
    assert isinstance(cost, float)


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_gradient_vanishes_at_sklearn_optimum(name, X, y, C):
    model = LogisticRegression(C=C, tol=1e-12, max_iter=100_000).fit(X, y)
    w, b = model.coef_.ravel(), float(model.intercept_[0])
    cost, dw, db = cost_grad(w, b, X, y, 1.0 / C)
    assert np.abs(dw).max() < 1e-6
    assert abs(db) < 1e-6
    # and the optimum is a minimum of our J: a step away along any direction costs more
    rng = np.random.default_rng(1)
    for _ in range(5):
        d = rng.normal(size=w.shape)
        assert cost_grad(w + 1e-3 * d, b, X, y, 1.0 / C)[0] > cost


def test_finite_for_huge_scores():
    X = np.array([[2.0, 0.0], [2.0, 0.0], [0.0, 2.0], [0.0, 2.0]])
    cost, dw, db = cost_grad(np.array([500.0, -500.0]), 0.0, X, np.array([1, 0, 0, 1]), 0.0)
    assert cost == pytest.approx(500.0)
    assert np.all(np.isfinite(dw)) and np.isfinite(db)
