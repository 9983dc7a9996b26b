"""The dbscan reference agrees with scikit-learn's DBSCAN, label for label.

scikit-learn visits the points in index order and expands each cluster to completion before it
starts the next, never relabelling a point: so clusters are numbered by their first core point,
and a border point near several clusters keeps the smallest label. That is the contract's rule,
so even ambiguous border points are compared. Random data keep every distance away from eps.
"""

import re

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

cluster = pytest.importorskip("sklearn.cluster")
datasets = pytest.importorskip("sklearn.datasets")


@pytest.fixture(scope="module")
def exercise():
    return load_catalog()["dbscan"]


@pytest.fixture(scope="module")
def dbscan(exercise):
    return exercise.reference["dbscan"]


def _distances(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))


def _clear(X, eps):
    d = _distances(X)
    return np.all(np.abs(d[~np.eye(len(X), dtype=bool)] - eps) > 1e-6 * eps)


def _datasets():
    rng = np.random.default_rng(7)
    for m, n, K, eps, min_samples in [(60, 2, 3, 0.9, 4), (120, 3, 4, 1.3, 5),
                                      (200, 2, 6, 0.7, 3), (80, 5, 3, 2.4, 8),
                                      (150, 2, 2, 0.5, 2)]:
        while True:
            centres = rng.uniform(-8, 8, size=(K, n))
            X = centres[rng.integers(0, K, size=m)] + rng.normal(size=(m, n))
            X = np.concatenate([X, rng.uniform(-10, 10, size=(m // 10, n))])
            X = X[rng.permutation(len(X))]
            if _clear(X, eps):
                break
        yield f"blobs m={len(X)},n={n},eps={eps},min_samples={min_samples}", X, eps, min_samples
    X, _ = datasets.make_moons(n_samples=150, noise=0.08, random_state=0)
    assert _clear(X, 0.15)
    yield "moons", X, 0.15, 5


DATA = list(_datasets())


@pytest.mark.parametrize("name,X,eps,min_samples", DATA, ids=[d[0] for d in DATA])
@pytest.mark.parametrize("algorithm", ["brute", "kd_tree", "ball_tree"])
def test_matches_sklearn_dbscan(dbscan, name, X, eps, min_samples, algorithm):
    labels = dbscan(X, eps, min_samples)
    sk = cluster.DBSCAN(eps=eps, min_samples=min_samples, algorithm=algorithm).fit(X)
    assert labels.dtype.kind == "i" and labels.shape == (len(X),)
    np.testing.assert_array_equal(labels, sk.labels_)
    core = np.zeros(len(X), dtype=bool)
    core[sk.core_sample_indices_] = True
    assert np.array_equal(core, (_distances(X) <= eps).sum(axis=1) >= min_samples)


def test_the_data_have_shared_border_points(dbscan):
    """The comparison above includes border points within eps of two clusters' cores."""
    shared = 0
    for _, X, eps, min_samples in DATA:
        near = _distances(X) <= eps
        core = near.sum(axis=1) >= min_samples
        labels = dbscan(X, eps, min_samples)
        shared += sum(len(set(labels[near[i] & core])) > 1 for i in np.flatnonzero(~core))
    assert shared >= 3


@pytest.mark.parametrize("seed", range(5))
def test_shared_border_in_any_order_matches_sklearn(dbscan, seed):
    left = [[0, 0], [0, 1], [-1, 0], [0, -1], [1, 0]]
    right = [[5, 0], [6, 0], [7, 0], [6, 1], [6, -1]]
    X = np.array(left + [[3, 0]] + right + [[12, 12]], dtype=float)
    X = X[np.random.default_rng(seed).permutation(len(X))]
    labels = dbscan(X, 2.5, 4)
    np.testing.assert_array_equal(labels, cluster.DBSCAN(eps=2.5, min_samples=4).fit(X).labels_)
    between = int(np.flatnonzero((X == [3, 0]).all(axis=1))[0])
    assert labels[between] == min(labels[(X[:, 0] < 2)][0], labels[(X[:, 0] > 4)
                                  & (X[:, 0] < 8)][0])


def test_eps_is_inclusive_like_sklearn(dbscan):
    X = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [3.0, -4.0], [20.0, 0.0], [23.0, 4.0],
                  [26.0, 8.0]])
    for algorithm in ("brute", "kd_tree", "ball_tree"):
        sk = cluster.DBSCAN(eps=5.0, min_samples=3, algorithm=algorithm).fit(X)
        np.testing.assert_array_equal(dbscan(X, 5.0, 3), sk.labels_)
    np.testing.assert_array_equal(dbscan(X, 5.0, 3), [0, 0, 0, 0, 1, 1, 1])


def test_worked_example_as_printed(exercise, dbscan):
    """The theory page's worked example, recomputed by the reference and by scikit-learn."""
    theory = exercise.theory
    xs = re.search(r"\| \$x\$ \|([^\n]*)\|", theory).group(1)
    X = np.array([[float(v)] for v in xs.split("|")])
    row = re.search(r"\| label \|([^\n]*)\|", theory).group(1)
    printed = [int(v.strip().replace("−", "-")) for v in row.split("|")]
    returned = re.search(r"returns `\[([-\d, ]+)\]`", theory).group(1)
    assert [int(v) for v in returned.split(",")] == printed
    np.testing.assert_array_equal(dbscan(X, 3.5, 4), printed)
    np.testing.assert_array_equal(cluster.DBSCAN(eps=3.5, min_samples=4).fit(X).labels_, printed)
    counts = re.search(r"\| neighbours \|([^\n]*)\|", theory).group(1)
    np.testing.assert_array_equal((_distances(X) <= 3.5).sum(axis=1),
                                  [int(v) for v in counts.split("|")])
