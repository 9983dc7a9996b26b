"""best_split: the contract, the worked example, random nodes, tie rules, zero gain."""

import numpy as np

from mlkata.engine.kit import call, check


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def _all_gains(X, y):
    """Every candidate split's gain, computed the slow, obvious way (to screen random data)."""
    m = len(y)
    gains = []
    for f in range(X.shape[1]):
        values = np.unique(X[:, f])
        for t in (values[1:] + values[:-1]) / 2:
            left = X[:, f] <= t
            gains.append(_gini(y) - left.sum() / m * _gini(y[left])
                         - (~left).sum() / m * _gini(y[~left]))
    return np.sort(np.array(gains))[::-1]


def _random_node(rng, m, n, labels):
    """A node with some repeated feature values and a unique best split (no near-ties)."""
    while True:
        X = np.empty((m, n))
        for f in range(n):
            if f % 2 == 0:
                X[:, f] = rng.integers(-3, 4, size=m)              # repeated values
            else:
                X[:, f] = np.round(rng.normal(scale=2.0, size=m), 1)
        y = rng.choice(labels, size=m)
        gains = _all_gains(X, y)
        if len(gains) >= 2 and gains[0] > 1e-6 and gains[0] - gains[1] > 1e-6:
            return X, y


@check("contract", "returns (feature, threshold, gain) as an int and two floats")
def returns_triple(rng):
    X = np.array([[0.5, 3.0], [1.5, 1.0], [2.5, 2.0], [3.5, 4.0]])
    yield call("best_split", X, np.array([0, 1, 1, 1]))


@check("contract", "accepts integer features")
def integer_features(rng):
    X = np.array([[1, 7], [2, 5], [4, 6], [5, 9], [6, 8]])
    yield call("best_split", X, np.array([0, 0, 1, 1, 1]))


@check("fixed", "worked example: feature 0 at 2.5 gains 16/75")
def worked_example(rng):
    X = np.array([[1.0, 4.0], [2.0, 1.0], [2.0, 3.0], [3.0, 2.0], [4.0, 5.0]])
    yield call("best_split", X, np.array([0, 0, 1, 1, 1])).because(
        "the example of the theory page: (0, 2.5, 0.21333…)")


@check("fixed", "thresholds are midpoints between consecutive distinct values")
def midpoints(rng):
    x = np.array([[7.0], [1.0], [4.0], [1.0], [4.0], [2.0], [7.0], [4.0]])
    yield call("best_split", x, np.array([1, 0, 1, 0, 1, 0, 1, 1])).because(
        "the values 1, 2, 4, 7 repeat; the best split is between 2 and 4, at 3.0")
    x = np.array([[0.0, -1.0], [0.0, -3.0], [1.0, -1.0], [1.0, -3.0], [1.0, -2.0],
                  [0.0, -2.0], [2.0, -3.0]])
    yield call("best_split", x, np.array([2, 0, 2, 0, 1, 1, 0]))


@check("fixed", "a pure node has no split: (None, None, 0.0)")
def pure_node(rng):
    X = np.array([[0.0, 5.0], [1.0, 3.0], [2.0, 4.0], [3.0, 1.0]])
    yield call("best_split", X, np.array([2, 2, 2, 2]))


@check("fixed", "a feature with a single value offers no threshold")
def constant_feature(rng):
    X = np.array([[3.0, 0.0], [3.0, 2.0], [3.0, 1.0], [3.0, 5.0], [3.0, 4.0]])
    yield call("best_split", X, np.array([0, 0, 1, 1, 1])).because(
        "feature 0 is 3.0 everywhere: the only candidates are on feature 1")
    yield call("best_split", np.full((4, 3), 2.0), np.array([0, 1, 0, 1])).because(
        "every feature is constant: there is no candidate threshold at all")


@check("random", "agrees with the reference on random nodes")
def random_nodes(rng):
    for m, n, labels in [(9, 2, [0, 1]), (14, 3, [0, 1, 2]), (23, 5, [0, 1, 2, 3]),
                         (17, 4, [0, 2, 3])]:
        X, y = _random_node(rng, m, n, labels)
        yield call("best_split", X, y)


@check("property", "equal gains go to the smallest feature")
def feature_ties(rng):
    X = np.array([[4.0, 1.0, 0.0, 1.0], [1.0, 2.0, 0.0, 2.0], [3.0, 3.0, 0.0, 3.0],
                  [2.0, 4.0, 0.0, 4.0], [0.0, 5.0, 0.0, 5.0]])
    yield call("best_split", X, np.array([1, 0, 0, 1, 1])).because(
        "features 1 and 3 are the same column: the same best gain, feature 1 wins")
    x = rng.permutation(8).astype(float)
    X = np.column_stack([-x, x, -x])
    yield call("best_split", X, (x >= 5).astype(int)).because(
        "feature 1 is minus features 0 and 2: all three separate the classes perfectly")
    x = np.array([6.0, 2.0, 1.0, 0.0, 3.0, 4.0, 5.0])
    yield call("best_split", np.column_stack([x, -x]), np.array([1, 1, 0, 1, 1, 0, 0])).because(
        "feature 1 is minus feature 0: the same best gain, summed in another order, so the two "
        "differ by round-off (3e-17); that is still a tie, and feature 0 wins")


@check("property", "equal gains on one feature go to the smallest threshold")
def threshold_ties(rng):
    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    yield call("best_split", x, np.array([0, 1, 1, 0])).because(
        "splitting off the first or the last point gains the same 1/6; the smaller threshold "
        "0.5 wins")
    x = np.array([[5.0, 0.0], [1.0, 0.0], [3.0, 0.0], [2.0, 0.0], [4.0, 0.0], [6.0, 0.0]])
    yield call("best_split", x, np.array([1, 1, 0, 1, 0, 1])).because(
        "the data is symmetric about 3.5: cutting at 2.5 or at 4.5 gains the same")
    x = np.arange(11.0).reshape(-1, 1)
    yield call("best_split", x, np.array([0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0])).because(
        "symmetric about 5: cutting at 2.5 or at 7.5 gains the same, but the two gains are "
        "summed in another order and differ by round-off (1e-17); that is still a tie, and "
        "2.5 wins")


@check("property", "a split that gains nothing is no split")
def zero_gain(rng):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    yield call("best_split", X, np.array([0, 1, 1, 0])).because(
        "XOR: every split leaves both children exactly as mixed as the parent, gain 0")
    x = np.array([[0.0], [0.0], [1.0], [1.0], [2.0], [2.0]])
    yield call("best_split", x, np.array([0, 1, 1, 0, 0, 1])).because(
        "each value holds one point of each class: every split has gain 0")
