"""The reference softmax_regression_loss_grad against scikit-learn's multinomial LogisticRegression.

scikit-learn minimises C·Σ CE + ½‖W‖² (bias not penalised); divided by C·m that is our
objective with reg = 1/(C·m). So at scikit-learn's optimum our gradients vanish, and our loss is
its log_loss plus our penalty.
"""

import numpy as np
import pytest
from sklearn.datasets import load_iris, load_wine, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "softmax_regression_loss_grad")
loss_grad = EXERCISE.reference["softmax_regression_loss_grad"]


def _datasets():
    X, y = load_iris(return_X_y=True)
    yield "iris", StandardScaler().fit_transform(X), y
    X, y = load_wine(return_X_y=True)
    yield "wine", StandardScaler().fit_transform(X), y
    X, y = make_classification(n_samples=150, n_features=6, n_informative=4, n_classes=4,
                               n_clusters_per_class=1, random_state=0)
    yield "synthetic", X, y


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("C", [0.1, 1.0])
def test_gradient_vanishes_at_sklearn_optimum(name, X, y, C):
    m = X.shape[0]
    model = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(X, y)
    W, b = model.coef_.T, model.intercept_
    reg = 1.0 / (C * m)

    loss, dW, db = loss_grad(W, b, X, y, reg)

    assert isinstance(loss, float)
    expected = log_loss(y, model.predict_proba(X)) + 0.5 * reg * np.sum(W * W)
    assert loss == pytest.approx(expected, rel=1e-10)
    assert np.abs(dW).max() < 1e-5
    assert np.abs(db).max() < 1e-5


def test_loss_matches_sklearn_log_loss_away_from_the_optimum():
    rng = np.random.default_rng(0)
    X, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=1000).fit(X, y)
    W = model.coef_.T + rng.normal(scale=0.5, size=model.coef_.T.shape)
    b = model.intercept_ + rng.normal(size=3)
    model.coef_, model.intercept_ = W.T, b
    loss, _, _ = loss_grad(W, b, X, y, 0.0)
    assert loss == pytest.approx(log_loss(y, model.predict_proba(X)), rel=1e-10)
