"""decision_tree: fit/predict contract, the worked tree, stopping rules, ties, random data."""

import numpy as np

from mlkata.engine.kit import Scenario, check

# The worked example of the theory page (the best_split example, grown to the end).
X_WORKED = np.array([[1.0, 4.0], [2.0, 1.0], [2.0, 3.0], [3.0, 2.0], [4.0, 5.0]])
Y_WORKED = np.array([0, 0, 1, 1, 1])
# Probes: the training points, points exactly on the thresholds 2.5, 1.5 and 2, and others.
PROBES = np.array([[1.0, 4.0], [2.0, 1.0], [2.0, 3.0], [3.0, 2.0], [4.0, 5.0],
                   [2.5, 0.0], [1.5, 9.0], [2.0, 2.0], [0.0, 10.0], [2.2, 2.5], [9.0, -1.0]])


def tree_case(X, y, X_test, **params):
    """Fit a tree with these parameters, demand fit returns self, compare predictions."""
    s = Scenario()
    X_ref, y_ref = s.let(X, "X"), s.let(y, "y")
    test_ref = X_ref if X_test is X else s.let(X_test, "X_test")
    tree = s.new("DecisionTreeClassifier", **params, name="tree")
    s.same(s.method(tree, "fit", X_ref, y_ref), tree, "fit(X, y) returns self")
    s.out(s.method(tree, "predict", test_ref),
          "tree.predict(X)" if X_test is X else "tree.predict(X_test)")
    return s.case()


@check("contract", "fit returns self, predict returns one integer label per row")
def contract(rng):
    X = np.round(rng.normal(size=(9, 2)), 1)
    y = (X[:, 0] + X[:, 1] + rng.normal(scale=0.5, size=9) > 0).astype(int)
    yield tree_case(X, y, np.round(rng.normal(size=(4, 2)), 1) + 0.01)


@check("contract", "accepts integer features")
def integer_features(rng):
    X = np.array([[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8], [9, 7, 9], [3, 2, 3]])
    yield tree_case(X, np.array([0, 1, 1, 2, 2, 0]), np.array([[2, 5, 7], [4, 1, 1]]))


@check("fixed", "worked example: the tree of the theory page")
def worked_example(rng):
    yield tree_case(X_WORKED, Y_WORKED, PROBES).because(
        "root x0 <= 2.5; then x0 <= 1.5 (a three-way tie, feature 0 wins); then x1 <= 2.0")


@check("fixed", "a point exactly on a threshold goes to the left child")
def on_threshold(rng):
    X = np.array([[0.0], [1.0], [3.0], [4.0]])
    yield tree_case(X, np.array([0, 0, 1, 1]), np.array([[0.5], [2.0], [2.0000001], [1.9]])
                    ).because("the threshold is (1 + 3) / 2 = 2.0, and 2.0 <= 2.0")


@check("fixed", "a node at max_depth is a leaf (the root has depth 0)")
def max_depth(rng):
    for depth in (1, 2):
        yield tree_case(X_WORKED, Y_WORKED, PROBES, max_depth=depth).because(
            f"max_depth={depth}: nodes at depth {depth} are leaves")
    x = np.arange(10.0).reshape(-1, 1)
    for depth in (2, 3):
        yield tree_case(x, np.array([0, 1, 1, 1, 0, 0, 1, 1, 0, 0]), x + 0.25,
                        max_depth=depth).because(
            "here every extra level of depth changes the predictions")


@check("fixed", "a node with fewer than min_samples_split samples is a leaf")
def min_samples_split(rng):
    yield tree_case(X_WORKED, Y_WORKED, PROBES, min_samples_split=5).because(
        "the root has exactly 5 samples, so it is split; its children have fewer than 5")
    x = np.arange(10.0).reshape(-1, 1)
    yield tree_case(x, np.array([2, 2, 2, 1, 2, 0, 1, 2, 0, 0]), x - 0.25,
                    min_samples_split=4).because(
        "nodes of 4 or more samples are split, nodes of 3 or fewer are leaves")


@check("fixed", "a leaf with tied classes predicts the smallest label")
def majority_tie(rng):
    X = np.array([[0.0, 3.0], [1.0, 1.0], [2.0, 4.0], [3.0, 1.0], [4.0, 5.0]])
    yield tree_case(X, np.array([2, 1, 2, 1, 0]), X, min_samples_split=6).because(
        "the root is a leaf (5 samples < 6) with two 1s and two 2s: it predicts 1")
    x = np.arange(6.0).reshape(-1, 1)
    yield tree_case(x, np.array([0, 0, 0, 0, 1, 2]), x + 0.2, max_depth=1).because(
        "the stump cuts at 3.5; its right leaf holds one 1 and one 2: it predicts 1")


@check("property", "gains that differ only by round-off are a tie: the smallest feature, then "
                   "the smallest threshold")
def roundoff_ties(rng):
    x = np.arange(11.0).reshape(-1, 1)
    probes = np.arange(-0.25, 11.0, 0.5).reshape(-1, 1)
    yield tree_case(x, np.array([0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]), probes, max_depth=2).because(
        "symmetric about 5: the root's cuts at 2.5 and 7.5 gain the same, up to round-off "
        "(1e-17) from summing in another order; 2.5 wins")
    x = np.array([6.0, 2.0, 1.0, 0.0, 3.0, 4.0, 5.0])
    probes = np.array([[a, -b] for a in np.arange(-0.5, 7.0) for b in np.arange(-0.5, 7.0)])
    yield tree_case(np.column_stack([x, -x]), np.array([1, 1, 0, 1, 1, 0, 0]), probes,
                    max_depth=1).because(
        "feature 1 is minus feature 0: the same best gain up to round-off (3e-17), so the "
        "stump cuts feature 0; probes off the diagonal tell the features apart")


@check("fixed", "a node with no positive gain is a leaf")
def zero_gain(rng):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    yield tree_case(X, np.array([0, 1, 1, 0]), X).because(
        "XOR: every split of the root has gain 0, so the root is a leaf (a 2–2 tie: label 0)")
    X = np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0],
                  [1.0, 0.0, 1.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0]])
    yield tree_case(X, np.array([1, 1, 1, 2, 0, 0, 2]), X).because(
        "the root splits off the 1s on feature 0; the other child is XOR on features 1 and 2, "
        "where every split has gain 0, so it is a leaf (a 2–2 tie between 0 and 2: label 0)")


def _random_data(rng, m, n, K, m_test):
    X = np.empty((m, n))
    for f in range(n):
        X[:, f] = (rng.integers(0, 5, size=m) if f % 2 else rng.normal(size=m))
    w = rng.normal(size=n)
    score = X @ w + rng.normal(scale=0.7, size=m)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, K + 1)[1:-1]))
    X_test = np.column_stack([rng.uniform(X[:, f].min() - 1, X[:, f].max() + 1, size=m_test)
                              for f in range(n)])
    return X, y, X_test


@check("random", "agrees with the reference on random data")
def random_trees(rng):
    for m, n, K, m_test, params in [
            (11, 2, 3, 7, {}),
            (23, 3, 2, 13, {"max_depth": 2}),
            (37, 4, 3, 19, {"max_depth": 4, "min_samples_split": 6}),
            (50, 5, 4, 17, {"min_samples_split": 3}),
            (31, 3, 5, 8, {"max_depth": 3})]:
        X, y, X_test = _random_data(rng, m, n, K, m_test)
        yield tree_case(X, y, np.vstack([X_test, X]), **params)


@check("property", "a fully grown tree predicts its training labels")
def fits_training_data(rng):
    X = rng.normal(size=(40, 3))
    y = rng.integers(0, 3, size=40)
    yield tree_case(X, y, X)
    X = rng.integers(0, 3, size=(30, 4))
    y = X[:, 0] * X[:, 3] % 3
    yield tree_case(X, y, X).because("labels that depend on two features together")
