"""The random_forest reference is as accurate as scikit-learn's RandomForestClassifier.

The two cannot agree tree by tree: they draw different random numbers, scikit-learn averages
the trees' class probabilities where ours counts votes, and when none of the drawn features
gives a positive gain scikit-learn draws more features where ours makes a leaf. So they are
compared by mean test accuracy over many seeds, on data where these details matter little.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_ensemble = pytest.importorskip("sklearn.ensemble")


@pytest.fixture(scope="module")
def Forest():
    return load_catalog()["random_forest"].reference["RandomForestClassifier"]


def blobs(seed, m, n, K, noise):
    g = np.random.default_rng(seed)
    centres = g.normal(scale=2.0, size=(K, n))
    y = g.integers(0, K, size=2 * m)
    X = centres[y] + g.normal(scale=noise, size=(2 * m, n))
    return X[:m], y[:m], X[m:], y[m:]


def boxes(seed, m):
    g = np.random.default_rng(seed)
    X = g.normal(size=(2 * m, 5))
    y = np.where(X[:, 0] > 0.3, 2, np.where(X[:, 1] < 0.0, 0, 1))
    flip = g.random(2 * m) < 0.05
    y[flip] = g.integers(0, 3, size=flip.sum())
    return X[:m], y[:m], X[m:], y[m:]


@pytest.mark.parametrize("data, max_features, max_depth", [
    (blobs(0, 120, 4, 3, 1.5), 2, None),
    (blobs(1, 150, 6, 4, 1.2), 2, 4),
    (boxes(2, 100), 2, None),
    (boxes(3, 150), 3, 3),
])
def test_same_accuracy_as_sklearn(Forest, data, max_features, max_depth):
    X, y, X_test, y_test = data
    ours, theirs = [], []
    for seed in range(15):
        forest = Forest(15, max_features, max_depth=max_depth, rng=np.random.default_rng(seed))
        ours.append(np.mean(forest.fit(X, y).predict(X_test) == y_test))
        sk = sklearn_ensemble.RandomForestClassifier(
            n_estimators=15, max_features=max_features, max_depth=max_depth, random_state=seed)
        theirs.append(np.mean(sk.fit(X, y).predict(X_test) == y_test))
    assert abs(np.mean(ours) - np.mean(theirs)) < 0.03, (np.mean(ours), np.mean(theirs))
