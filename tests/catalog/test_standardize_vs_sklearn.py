"""The standardize reference agrees with scikit-learn StandardScaler: mean_, scale_, transform."""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_preprocessing = pytest.importorskip("sklearn.preprocessing")


@pytest.fixture(scope="module")
def standardize():
    return load_catalog()["standardize"].reference["standardize"]


def _datasets():
    rng = np.random.default_rng(7)
    yield "random", rng.normal(size=(40, 5)) * [1, 10, 0.1, 3, 7] + [0, -5, 2, 100, 1]
    yield "integers", rng.integers(-20, 20, size=(15, 4))
    yield "constant columns", np.column_stack([rng.normal(size=9), np.full(9, 3.0),
                                              rng.normal(size=9), np.zeros(9)])
    # The std of seven copies of 0.1 (or 2.3) is a round-off speck, not 0: scale must be 1.
    yield "round-off speck", np.column_stack([np.arange(7.0), np.full(7, 0.1), np.full(7, 2.3)])
    yield "large offset", 1e6 + rng.normal(size=(25, 3))
    yield "one row", np.array([[1.5, -2.0, 4.0]])


@pytest.mark.parametrize("name,X", list(_datasets()), ids=[name for name, _ in _datasets()])
def test_matches_standard_scaler(standardize, name, X):
    scaler = sklearn_preprocessing.StandardScaler().fit(X)
    X_std, mean, scale = standardize(X)
    np.testing.assert_allclose(mean, scaler.mean_, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(scale, scaler.scale_, rtol=1e-9)
    np.testing.assert_allclose(X_std, scaler.transform(X), rtol=1e-9, atol=1e-9)


def test_speck_is_really_a_speck():
    """The round-off-speck dataset really has a nonzero numpy std (else it tests nothing)."""
    X = np.column_stack([np.arange(7.0), np.full(7, 0.1), np.full(7, 2.3)])
    std = X.std(axis=0)
    assert std[1] != 0 and std[2] != 0
    assert std[1] < 1e-15 and std[2] < 1e-15
