"""knn_predict: the contract on an easy case, a worked example, k = 1 and k = m_train, random
agreement (no ties of any kind), then the two tie rules on exact ties built from integers."""

import numpy as np

from mlkata.engine.kit import call, check

FN = "knn_predict"


def _case(X_train, y_train, X_test, k):
    return call(FN, X_train, y_train, X_test, k)


def _clusters(rng, dtype=float):
    """Three far-apart clusters of four points; each test point sits inside one of them."""
    centres = np.array([[0, 0, 0], [20, 0, 10], [0, 20, -10]])
    labels = np.array([2, 0, 1])                       # not the cluster order
    offsets = rng.integers(-2, 3, size=(12, 3))
    X_train = centres[np.arange(12) % 3] + offsets
    y_train = labels[np.arange(12) % 3]
    X_test = centres[[1, 0, 2, 1, 0]] + rng.integers(-1, 2, size=(5, 3))
    return X_train.astype(dtype), y_train, X_test.astype(dtype)


def _without_ties(rng, X_train, y_train, k, count, draw):
    """`count` test points, each with a clear k-th/(k+1)-th distance gap and a unique majority."""
    K = int(y_train.max()) + 1
    rows = []
    while len(rows) < count:
        x = draw()
        d = np.sort(((X_train - x) ** 2).sum(axis=1))
        if k < len(d) and d[k] - d[k - 1] <= 1e-6 * max(1.0, d[k]):
            continue
        order = np.argsort(((X_train - x) ** 2).sum(axis=1), kind="stable")[:k]
        votes = np.bincount(y_train[order], minlength=K)
        if np.sum(votes == votes.max()) == 1:
            rows.append(x)
    return np.array(rows)


@check("contract", "returns an integer array, one label per test point (far-apart clusters)")
def returns_labels(rng):
    yield _case(*_clusters(rng), 3).because(
        "every test point lies inside one cluster of four training points with one label")


@check("contract", "accepts integer coordinates")
def integer_inputs(rng):
    yield _case(*_clusters(rng, dtype=int), 3)


@check("fixed", "worked example: q = (0, 0) has label 0 with k = 1 and label 1 with k = 3")
def worked_example(rng):
    X_train = np.array([[2, 2], [0, 2], [3, 3], [1, 0], [-3, 0], [-2, -1]])
    y_train = np.array([0, 1, 2, 0, 2, 1])
    for k in (1, 3):
        yield _case(X_train, y_train, np.array([[0, 0]]), k).because(
            "squared distances 8, 4, 18, 1, 9, 5: the nearest are indices 3, 1, 5 with labels "
            "0, 1, 1")


@check("fixed", "k = 1 predicts the label of the nearest training point")
def nearest_only(rng):
    X_train = np.round(rng.normal(size=(9, 2)) * 3, 1)
    y_train = rng.integers(0, 3, size=9)
    X_test = _without_ties(rng, X_train, y_train, 2, 4,
                           lambda: np.round(rng.normal(size=2) * 3, 1))
    yield _case(X_train, y_train, X_test, 1)


@check("fixed", "k = m_train: every training point votes")
def everyone_votes(rng):
    X_train = np.array([[0.0, 1.0], [2.0, 2.0], [1.0, -1.0], [3.0, 0.0], [-1.0, 2.0],
                        [0.5, 0.5], [2.0, -2.0]])
    y_train = np.array([0, 1, 2, 1, 0, 2, 1])
    X_test = np.array([[0.0, 1.0], [5.0, 5.0], [-2.0, -3.0]])
    yield _case(X_train, y_train, X_test, 7).because("label 1 has 3 of the 7 votes everywhere")


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m_train, n, m_test, K, k in [(12, 4, 5, 3, 1), (20, 3, 7, 4, 5), (30, 2, 11, 3, 6),
                                     (50, 5, 13, 4, 9)]:
        X_train = np.round(rng.normal(size=(m_train, n)), 2)
        y_train = rng.integers(0, K, size=m_train)
        X_test = _without_ties(rng, X_train, y_train, k, m_test,
                               lambda n=n: np.round(rng.normal(size=n) * 1.2, 2))
        yield _case(X_train, y_train, X_test, k)


@check("property", "a tied vote goes to the smallest label")
def vote_ties(rng):
    X_train = np.array([[1, 0], [-2, 0], [0, 3], [4, 0], [0, -5]])    # distances 1, 2, 3, 4, 5
    q = np.array([[0, 0]])
    yield _case(X_train, np.array([1, 0, 2, 0, 1]), q, 3).because(
        "the 3 nearest have labels 1, 0, 2 (nearest first): one vote each, so label 0 wins")
    yield _case(X_train, np.array([2, 0, 0, 2, 1]), q, 4).because(
        "the 4 nearest have labels 2, 0, 0, 2: two votes each for 0 and 2, so label 0 wins")
    yield _case(X_train, np.array([2, 1, 0, 0, 1]), q, 2).because(
        "the 2 nearest have labels 2 and 1: one vote each, so label 1 wins")


@check("property", "among equal distances, the lower training index is nearer")
def distance_ties(rng):
    X_train = np.array([[0, 0], [2, 0], [1, 5]])
    yield _case(X_train, np.array([1, 0, 0]), np.array([[1, 0], [0, 1]]), 1).because(
        "training points 0 and 1 are both at distance 1 from test point 0: index 0 "
        "(label 1) is the nearer")
    for m_train, m_test, k, side in [(36, 50, 5, 4), (40, 60, 3, 5), (60, 80, 7, 6)]:
        X_train = rng.integers(0, side, size=(m_train, 2))
        y_train = rng.integers(0, 2, size=m_train)
        X_test = rng.integers(0, side, size=(m_test, 2))
        yield _case(X_train, y_train, X_test, k).because(
            f"integer points on a {side} × {side} grid: many exactly equal distances, some of "
            "them across the k-th place")


@check("property", "a test point on top of a training point is at distance 0 from it")
def zero_distance(rng):
    X_train = np.round(rng.normal(size=(8, 3)), 2)
    y_train = np.array([0, 1, 2, 3, 0, 1, 2, 3])
    yield _case(X_train, y_train, X_train[[5, 2, 7]], 1).because(
        "the test points are training points 5, 2 and 7: with k = 1 each gets its own label")
