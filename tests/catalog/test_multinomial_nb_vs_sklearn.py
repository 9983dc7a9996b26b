"""The multinomial_nb reference equals scikit-learn's MultinomialNB."""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_nb = pytest.importorskip("sklearn.naive_bayes")


@pytest.fixture(scope="module")
def MultinomialNB():
    return load_catalog()["multinomial_nb"].reference["MultinomialNB"]


def datasets():
    rng = np.random.default_rng(1)
    words = rng.dirichlet(np.ones(8), size=3)
    y = rng.integers(0, 3, size=40)
    X = np.array([rng.multinomial(rng.integers(5, 30), words[c]) for c in y])
    X_test = np.array([rng.multinomial(20, words[c]) for c in rng.integers(0, 3, size=10)])
    for alpha in (1.0, 0.5, 0.01, 2.5):
        yield X, y, X_test, alpha
    # labels not 0..K-1, sparse counts with unseen words
    y = rng.choice([10, -2, 4], size=25)
    X = rng.poisson(0.4, size=(25, 12))
    yield X, y, rng.poisson(0.6, size=(9, 12)), 1.0
    # long documents, float counts
    X = rng.gamma(2.0, size=(15, 6))
    yield X, rng.integers(0, 2, size=15), rng.poisson(800, size=(4, 6)).astype(float), 0.3


@pytest.mark.parametrize("X, y, X_test, alpha", list(datasets()))
def test_matches_sklearn(MultinomialNB, X, y, X_test, alpha):
    ours = MultinomialNB(alpha=alpha).fit(X, y)
    theirs = sklearn_nb.MultinomialNB(alpha=alpha).fit(X, y)
    np.testing.assert_array_equal(ours.classes_, theirs.classes_)
    got = ours.predict_log_proba(X_test)
    want = theirs.predict_log_proba(X_test)
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9 * np.abs(want).max())
    np.testing.assert_array_equal(ours.predict(X_test), theirs.predict(X_test))
