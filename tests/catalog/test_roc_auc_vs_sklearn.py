"""The roc_auc reference equals scikit-learn's roc_auc_score, ties included."""

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from mlkata.engine.catalog import load_catalog

roc_auc = load_catalog()["roc_auc"].reference["roc_auc"]


def _labels(rng, m):
    y = rng.integers(0, 2, size=m)
    y[:2] = [0, 1]
    return rng.permutation(y)


@pytest.mark.parametrize("seed", range(5))
def test_continuous_scores(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(5, 300))
    y = _labels(rng, m)
    s = rng.normal(size=m) + 0.7 * y
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s), rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_tied_integer_scores(seed):
    rng = np.random.default_rng(100 + seed)
    m = int(rng.integers(5, 300))
    y = _labels(rng, m)
    s = rng.integers(0, 4, size=m) + y * rng.integers(0, 2, size=m)
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s), rel=1e-12)


def test_examples():
    assert roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])) == 0.75
    y, s = np.array([1, 1, 0, 1, 0, 0]), np.array([3, 2, 2, 2, 2, 1])
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s)) == pytest.approx(7 / 9)
    y = np.array([0, 1, 1, 0, 1])
    assert roc_auc(y, np.zeros(5)) == roc_auc_score(y, np.zeros(5)) == 0.5


@pytest.mark.parametrize("y", [np.ones(4, dtype=int), np.zeros(3, dtype=int)])
def test_one_class_raises(y):
    # Recent scikit-learn warns and returns nan here (older versions raised ValueError);
    # the mlkata contract asks for the ValueError.
    s = np.linspace(0, 1, y.size)
    with pytest.raises(ValueError):
        roc_auc(y, s)
