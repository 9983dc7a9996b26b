"""The decision_tree reference predicts like scikit-learn's Gini DecisionTreeClassifier.

The two trees differ only in how they break exact ties between equal gains: ours takes the
smallest feature, then the smallest threshold; scikit-learn visits the features in a random
order. So the datasets are chosen without ties: one feature grown to purity (both scan the
thresholds in increasing order and keep the first best), or several continuous features with
a limited depth and large nodes. scikit-learn works in float32, so the data is float32 values.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

sklearn_tree = pytest.importorskip("sklearn.tree")


@pytest.fixture(scope="module")
def Tree():
    return load_catalog()["decision_tree"].reference["DecisionTreeClassifier"]


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def labels(rng, X, K):
    score = X @ rng.normal(size=X.shape[1]) + rng.normal(scale=0.6, size=len(X))
    return np.digitize(score, np.quantile(score, np.linspace(0, 1, K + 1)[1:-1]))


def assert_same_predictions(Tree, X, y, X_test, **params):
    ours = Tree(**params).fit(X, y).predict(X_test)
    theirs = sklearn_tree.DecisionTreeClassifier(criterion="gini", random_state=0,
                                                 **params).fit(X, y).predict(X_test)
    np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize("seed", range(4))
def test_one_feature_grown_to_purity(Tree, seed):
    rng = np.random.default_rng(seed)
    X = f32(rng.normal(size=(60, 1)))
    y = rng.integers(0, 3, size=60)
    X_test = f32(rng.normal(scale=1.5, size=(200, 1)))
    assert_same_predictions(Tree, X, y, X_test)
    assert_same_predictions(Tree, X, y, X_test, min_samples_split=7)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("max_depth", [1, 2, 3])
def test_several_features_limited_depth(Tree, seed, max_depth):
    rng = np.random.default_rng(100 + seed)
    X = f32(rng.normal(size=(400, 4)))
    y = labels(rng, X, K=3)
    X_test = f32(rng.normal(size=(300, 4)))
    assert_same_predictions(Tree, X, y, X_test, max_depth=max_depth)
    assert_same_predictions(Tree, X, y, X_test, max_depth=max_depth, min_samples_split=50)


def test_pure_training_data_gives_a_single_leaf(Tree):
    X = f32(np.random.default_rng(7).normal(size=(20, 3)))
    y = np.full(20, 2)
    assert_same_predictions(Tree, X, y, X)
