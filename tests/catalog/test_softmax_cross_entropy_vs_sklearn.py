"""The reference softmax_cross_entropy against scikit-learn.

The loss is scikit-learn's ``log_loss`` of the softmax probabilities; loss and gradient are the
batch means of the per-sample values of scikit-learn's multinomial loss (the one
``LogisticRegression`` and ``HistGradientBoostingClassifier`` minimise), which is computed with
a stable log-sum-exp and so also serves as a check for huge logits.
"""

import numpy as np
import pytest
from sklearn.datasets import load_iris, load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "neural-nets" / "softmax_cross_entropy")
softmax_cross_entropy = EXERCISE.reference["softmax_cross_entropy"]


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _cases():
    rng = np.random.default_rng(0)
    for name, loader in [("iris", load_iris), ("wine", load_wine)]:
        X, y = loader(return_X_y=True)
        X = StandardScaler().fit_transform(X)
        model = LogisticRegression(max_iter=1000).fit(X, y)
        yield name, model.decision_function(X), y
    yield "random", rng.normal(scale=3.0, size=(40, 6)), rng.integers(6, size=40)


CASES = list(_cases())


@pytest.mark.parametrize("name,logits,y", CASES, ids=[c[0] for c in CASES])
def test_loss_is_sklearn_log_loss(name, logits, y):
    loss, _ = softmax_cross_entropy(logits, y)
    k = logits.shape[1]
    expected = log_loss(y, _softmax(logits), labels=list(range(k)))
    assert isinstance(loss, float)
    assert loss == pytest.approx(expected, rel=1e-10)


def _sklearn_multinomial(logits, y):
    loss_module = pytest.importorskip("sklearn._loss.loss")
    loss = loss_module.HalfMultinomialLoss(n_classes=logits.shape[1])
    per_sample, gradient = loss.loss_gradient(
        y_true=np.ascontiguousarray(y, dtype=float),
        raw_prediction=np.ascontiguousarray(logits, dtype=float))
    return per_sample.mean(), gradient / len(y)


@pytest.mark.parametrize("name,logits,y", CASES, ids=[c[0] for c in CASES])
def test_loss_and_gradient_are_sklearn_multinomial_means(name, logits, y):
    loss, dlogits = softmax_cross_entropy(logits, y)
    expected_loss, expected_grad = _sklearn_multinomial(logits, y)
    assert loss == pytest.approx(expected_loss, rel=1e-10)
    np.testing.assert_allclose(dlogits, expected_grad, rtol=1e-9, atol=1e-15)


def test_huge_logits_agree_with_sklearn():
    logits = np.array([[1000.0, 0.0, -5.0], [-1000.0, -999.0, -1001.0], [50.0, -800.0, 0.0]])
    y = np.array([1, 1, 2])
    loss, dlogits = softmax_cross_entropy(logits, y)
    expected_loss, expected_grad = _sklearn_multinomial(logits, y)
    assert np.isfinite(loss) and np.all(np.isfinite(dlogits))
    assert loss == pytest.approx(expected_loss, rel=1e-12)
    np.testing.assert_allclose(dlogits, expected_grad, rtol=1e-9, atol=1e-15)
