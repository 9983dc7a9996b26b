"""The gaussian_nb reference equals scikit-learn's GaussianNB."""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_nb = pytest.importorskip("sklearn.naive_bayes")


@pytest.fixture(scope="module")
def GaussianNB():
    return load_catalog()["gaussian_nb"].reference["GaussianNB"]


def datasets():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)) + np.repeat([[0, 0, 0], [2, 1, 0], [0, 3, 1]], [10, 20, 10], 0)
    yield X, np.repeat([0, 1, 2], [10, 20, 10]), rng.normal(scale=2, size=(15, 3))
    # labels not 0..K-1, unsorted in y
    X = rng.normal(size=(30, 5))
    yield X, rng.choice([7, -3, 11, 4], size=30), rng.normal(size=(12, 5))
    # a feature constant within one class (variance smoothing matters)
    X = rng.normal(size=(12, 2))
    X[:6, 1] = 2.0
    yield X, np.repeat([5, 9], 6), np.column_stack([rng.normal(size=6), np.full(6, 2.0)])
    # points far from every class
    X = rng.normal(size=(20, 4))
    yield X, rng.integers(0, 3, size=20), rng.normal(scale=500, size=(6, 4))
    # integer features
    X = rng.integers(0, 10, size=(25, 3))
    yield X, rng.integers(0, 2, size=25), rng.integers(0, 10, size=(8, 3))


@pytest.mark.parametrize("X, y, X_test", list(datasets()))
def test_matches_sklearn(GaussianNB, X, y, X_test):
    ours = GaussianNB().fit(X, y)
    theirs = sklearn_nb.GaussianNB().fit(X, y)
    np.testing.assert_array_equal(ours.classes_, theirs.classes_)
    got = ours.predict_log_proba(X_test)
    want = theirs.predict_log_proba(X_test)
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9 * np.abs(want).max())
    np.testing.assert_array_equal(ours.predict(X_test), theirs.predict(X_test))
