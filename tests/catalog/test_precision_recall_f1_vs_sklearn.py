"""The precision_recall_f1 reference equals scikit-learn's metrics with zero_division=0."""

import numpy as np
import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support, precision_score, recall_score

from mlkata.engine.catalog import load_catalog

precision_recall_f1 = load_catalog()["precision_recall_f1"].reference["precision_recall_f1"]


def _sklearn(y_true, y_pred, positive):
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=[positive],
                                                 average=None, zero_division=0)
    return float(p[0]), float(r[0]), float(f[0])


@pytest.mark.parametrize("seed", range(6))
def test_random_binary(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(3, 200))
    y_true, y_pred = rng.integers(0, 2, size=m), rng.integers(0, 2, size=m)
    ours = precision_recall_f1(y_true, y_pred)
    assert ours == pytest.approx(_sklearn(y_true, y_pred, 1), rel=1e-12)
    assert ours == pytest.approx((precision_score(y_true, y_pred, zero_division=0),
                                  recall_score(y_true, y_pred, zero_division=0),
                                  f1_score(y_true, y_pred, zero_division=0)), rel=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_random_multiclass(seed):
    rng = np.random.default_rng(50 + seed)
    m, k = int(rng.integers(3, 200)), int(rng.integers(3, 6))
    y_true, y_pred = rng.integers(0, k, size=m), rng.integers(0, k, size=m)
    for positive in range(k + 1):  # k never occurs: every denominator is 0
        ours = precision_recall_f1(y_true, y_pred, positive=positive)
        assert ours == pytest.approx(_sklearn(y_true, y_pred, positive), rel=1e-12)


@pytest.mark.parametrize("y_true, y_pred", [
    ([1, 0, 0, 1, 0], [0, 1, 0, 0, 0]),
    ([0, 1, 1, 0, 0, 1], [0, 0, 0, 0, 0, 0]),
    ([0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 1, 0, 0]),
    ([0, 0, 0], [0, 0, 0]),
])
def test_zero_denominators(y_true, y_pred):
    y_true, y_pred = np.array(y_true), np.array(y_pred)
    ours = precision_recall_f1(y_true, y_pred)
    assert ours == _sklearn(y_true, y_pred, 1)
    assert all(isinstance(v, float) for v in ours)


def test_worked_example():
    y_true, y_pred = np.array([1, 1, 1, 0, 0, 0, 0, 1]), np.array([1, 0, 1, 1, 0, 0, 1, 1])
    assert precision_recall_f1(y_true, y_pred) == pytest.approx((0.6, 0.75, 2 / 3))
    assert precision_recall_f1(y_true, y_pred, positive=0) == pytest.approx((2 / 3, 0.5, 4 / 7))
