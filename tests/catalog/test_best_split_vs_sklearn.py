"""The best_split reference finds the root split of scikit-learn's Gini tree.

scikit-learn stores features as float32, so the data is made of float32 values (the midpoints
are then the same numbers).

scikit-learn visits features in a random order and keeps the first of equal gains, so the
datasets here have a unique best split (continuous features: ties have probability 0).
"""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_tree = pytest.importorskip("sklearn.tree")


@pytest.fixture(scope="module")
def best_split():
    return load_catalog()["best_split"].reference["best_split"]


def datasets():
    rng = np.random.default_rng(0)
    for m, n, K in [(30, 3, 2), (57, 5, 3), (120, 4, 4), (9, 2, 3)]:
        X = rng.normal(size=(m, n))
        y = (X[:, 0] + 0.7 * X[:, 1] + rng.normal(scale=0.8, size=m) > 0).astype(int)
        if K > 2:
            y = y + (X[:, -1] > 0.5) * (K - 2)
        yield X, y
    X = rng.integers(0, 4, size=(40, 3)).astype(float) + rng.normal(scale=1e-3, size=(40, 3))
    yield X, rng.integers(0, 2, size=40)


@pytest.mark.parametrize("case", list(range(5)))
def test_root_split_matches_sklearn(best_split, case):
    X, y = list(datasets())[case]
    X = X.astype(np.float32).astype(np.float64)
    feature, threshold, gain = best_split(X, y)
    tree = sklearn_tree.DecisionTreeClassifier(criterion="gini", max_depth=1,
                                               random_state=0).fit(X, y).tree_
    left, right = tree.children_left[0], tree.children_right[0]
    weights = tree.weighted_n_node_samples
    sk_gain = tree.impurity[0] - (weights[left] * tree.impurity[left]
                                  + weights[right] * tree.impurity[right]) / weights[0]
    assert feature == tree.feature[0]
    assert threshold == pytest.approx(tree.threshold[0], rel=1e-12)
    assert gain == pytest.approx(sk_gain, rel=1e-9)


def test_no_split_on_a_pure_node(best_split):
    X = np.random.default_rng(1).normal(size=(10, 3))
    tree = sklearn_tree.DecisionTreeClassifier(max_depth=1).fit(X, np.zeros(10, int)).tree_
    assert tree.node_count == 1
    assert best_split(X, np.zeros(10, int)) == (None, None, 0.0)
